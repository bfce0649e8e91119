namespace SituationRoom.Web.Features.DemoCity;

/// <summary>What citizens of the demo city write, per category: Indonesian, Javanese and the mix of both.</summary>
internal static class DemoComplaintTexts
{
    public static IReadOnlyDictionary<string, string[]> ByCategory { get; } = new Dictionary<string, string[]>
    {
        ["jalan"] =
        [
            "Jalan di {kel} berlubang besar, sudah dua minggu belum ditambal, bahaya untuk motor",
            "Dalan neng {kel} rusak parah, akeh jeglongan, mohon segera didandani",
            "Aspal jalan utama {kel} mengelupas setelah hujan, banyak pengendara jatuh",
            "Paving gang RT 05 {kel} ambles, mohon perbaikan",
        ],
        ["sampah"] =
        [
            "Sampah menumpuk di TPS {kel} sudah 4 hari tidak diangkut, bau sekali",
            "Uwuh numpuk neng pinggir kali {kel}, mambu banget",
            "Truk sampah tidak lewat {kel} minggu ini, mohon dijadwalkan ulang",
            "Ada pembuangan sampah liar di lahan kosong {kel}",
        ],
        ["drainase"] =
        [
            "Banjir setinggi lutut di {kel} tiap hujan deras, saluran mampet",
            "Rob masuk rumah warga {kel} sejak pagi, mohon pompa dinyalakan",
            "Got depan rumah di {kel} mampet, banyune ora mili",
            "Genangan air di jalan {kel} tidak surut, drainase tersumbat sampah",
        ],
        ["pju"] =
        [
            "Lampu PJU di jalan {kel} mati sudah seminggu, gelap dan rawan",
            "Lampu dalan neng {kel} mati kabeh, peteng banget yen bengi",
            "Tiang lampu jalan di {kel} miring hampir roboh",
        ],
        ["lalu-lintas"] =
        [
            "Parkir liar di depan pasar {kel} bikin macet setiap sore",
            "Lampu lalu lintas perempatan {kel} mati, macet total",
            "Macet parah di {kel} jam berangkat sekolah, mohon ada petugas",
        ],
        ["air-bersih"] =
        [
            "Air PDAM di {kel} mati sejak kemarin, warga kesulitan air bersih",
            "Banyu PDAM neng {kel} buthek lan mambu, mohon dicek",
            "Pipa PDAM bocor di jalan {kel}, air terbuang percuma",
        ],
        ["ketertiban"] =
        [
            "PKL berjualan di trotoar {kel} sampai pejalan kaki harus turun ke jalan",
            "Bangunan liar di bantaran sungai {kel}, mohon ditertibkan",
            "Ada balap liar tiap malam minggu di {kel}, sangat mengganggu",
        ],
        ["kesehatan"] =
        [
            "Antrean puskesmas {kel} sangat panjang, dokter datang terlambat",
            "Banyak jentik nyamuk dan warga kena DBD di {kel}, mohon fogging",
            "Pelayanan di puskesmas {kel} kurang ramah",
        ],
        ["pendidikan"] =
        [
            "Atap kelas SD negeri di {kel} bocor, murid belajar tidak nyaman",
            "Pungutan di sekolah {kel} yang katanya gratis, mohon ditindaklanjuti",
        ],
        ["adminduk"] =
        [
            "KTP elektronik saya belum jadi sudah 3 bulan, kelurahan {kel} bilang blangko habis",
            "Mengurus KK di {kel} dipingpong, mohon kejelasan syarat",
            "Akta kelahiran anak saya belum terbit, sudah daftar online dari {kel}",
        ],
        ["bencana"] =
        [
            "Tanah longsor kecil di tebing {kel}, rumah warga terancam",
            "Pohon besar tumbang menutup jalan di {kel}",
            "Talud sungai di {kel} retak, warga khawatir jebol saat hujan",
        ],
        ["taman"] =
        [
            "Taman di {kel} tidak terawat, rumput tinggi dan lampu rusak",
            "Fasilitas bermain anak di taman {kel} rusak, berbahaya",
        ],
        ["perizinan"] =
        [
            "Pengurusan PBG untuk rumah di {kel} sudah dua bulan belum selesai",
            "Ada bangunan tanpa izin di {kel}, mohon dicek perizinannya",
        ],
        ["sosial"] =
        [
            "Bansos untuk lansia di {kel} tidak tepat sasaran",
            "Ada ODGJ terlantar di sekitar {kel}, mohon dibantu",
        ],
        ["lainnya"] =
        [
            "Mohon informasi jadwal kegiatan car free day di {kel}",
            "Pak, kapan ada pengajian akbar di {kel}?",
        ],
    };
}
