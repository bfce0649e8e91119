namespace SituationRoom.Core.Complaints;

/// <summary>
/// Indonesian, Javanese and common misspellings, matched as whole words with -e, -ne, -nya allowed ("dalane").
/// Words common in any message ("jalan" in addresses, "izin" as a polite opener, "tk" for tidak) appear only in phrases.
/// </summary>
public static class CategoryRules
{
    public static IReadOnlyList<CategoryRule> Default { get; } =
    [
        new("jalan", [
            "jalan rusak", "jalan berlubang", "jalan bolong", "jalan retak", "jalan ambles", "jalan amblas", "jalan ambrol",
            "jalan bergelombang", "jalan ajur", "kerusakan jalan", "perbaikan jalan", "dalan rusak", "dalan bolong", "dalan ajur",
            "lubang", "berlubang", "lobang", "berlobang", "bolong", "jeglongan", "growong", "aspal", "aspalan", "tambal sulam",
            "bergelombang", "jembatan", "trotoar rusak", "trotoar ambles", "paving rusak", "ambles", "amblas",
        ]),
        new("sampah", [
            "sampah", "sampa", "smpah", "uwuh", "tps", "tpa", "tumpukan sampah", "bak sampah", "tong sampah", "truk sampah",
            "pengangkutan sampah", "bakar sampah", "pembakaran sampah", "limbah", "pencemaran", "polusi", "bangkai", "bau busuk",
        ]),
        new("drainase", [
            "banjir", "bnjir", "kebanjiran", "rob", "banjir rob", "genangan", "genangan air", "tergenang", "menggenang",
            "got", "selokan", "mampet", "buntu", "buntet", "saluran", "saluran air", "gorong gorong", "drainase", "luber",
            "meluap", "mbludak", "polder", "pompa air", "tanggul", "sungai", "kali meluap", "kali mampet", "banyu munggah",
        ]),
        new("pju", [
            "pju", "lampu", "lampu mati", "lampu jalan", "lampu padam", "lampu rusak", "lampu kedip", "tiang lampu",
            "penerangan", "penerangan jalan", "peteng", "gelap", "gelap gulita",
        ]),
        new("lalu-lintas", [
            "macet", "kemacetan", "macet total", "parkir", "parkir liar", "parkir sembarangan", "juru parkir", "jukir",
            "tukang parkir", "lampu merah", "lampu lalu lintas", "traffic light", "bangjo", "apill", "rambu", "marka",
            "zebra cross", "angkot", "angkutan umum", "brt", "trans semarang", "halte", "ngetem", "lalu lintas", "lalin",
            "putar balik", "truk besar",
        ]),
        new("air-bersih", [
            "pdam", "air mati", "air pdam", "air bersih", "air tidak mengalir", "air tidak keluar", "air ga keluar",
            "air gak keluar", "air ngga keluar", "air keruh", "banyu mati", "banyu ora mili", "banyu ra mili", "ora mili",
            "ra mili", "gak mili", "pipa", "pipa bocor", "pipa pecah", "meteran air", "tagihan air", "tagihan pdam",
        ]),
        new("ketertiban", [
            "pkl", "pedagang kaki lima", "lapak", "lapak liar", "pedagang liar", "bangunan liar", "bangli", "reklame liar",
            "spanduk liar", "baliho", "pengamen", "miras", "minuman keras", "karaoke", "tempat hiburan", "berisik",
            "balap liar", "tawuran", "preman", "satpol", "satpol pp", "judi", "sabung ayam", "tanpa izin", "tanpa ijin",
            "tidak berizin",
        ]),
        new("kesehatan", [
            "puskesmas", "pukesmas", "rumah sakit", "rs", "rsud", "bpjs", "dokter", "bidan", "obat", "demam berdarah", "dbd",
            "nyamuk", "fogging", "foging", "jentik", "posyandu", "stunting", "gizi buruk", "imunisasi", "vaksin", "ambulans",
            "ambulan", "pasien", "klinik", "diare", "keracunan",
        ]),
        new("pendidikan", [
            "sekolah", "sekolahan", "sdn", "smpn", "guru", "ppdb", "zonasi", "seragam", "paud", "murid", "siswa", "beasiswa",
            "pungli sekolah", "ijazah", "rapor", "spp",
        ]),
        new("adminduk", [
            // REVIEW: "kk" is also chat shorthand for kakak; kept because citizens write KK for kartu keluarga.
            "ktp", "e ktp", "ektp", "kk", "kartu keluarga", "akta", "akte", "akta kelahiran", "akte kelahiran", "akta kematian",
            "kia", "kartu identitas anak", "dukcapil", "disdukcapil", "capil", "nik", "blangko", "surat pindah", "domisili",
            "kependudukan",
        ]),
        new("bencana", [
            "longsor", "tanah longsor", "lonsor", "tanah gerak", "pohon tumbang", "pohon roboh", "pohon ambruk", "wit tumbang",
            "wit ambruk", "wit roboh", "ambruk", "roboh", "rubuh", "ambrol", "kebakaran", "terbakar", "korsleting",
            "angin kencang", "puting beliung", "angin ribut", "talud", "talut", "tanggul jebol", "jebol", "gempa",
        ]),
        new("taman", [
            "taman", "taman kota", "rth", "ruang terbuka hijau", "pohon", "wit", "ranting", "dahan", "perantingan",
            "pangkas pohon", "potong pohon", "pemangkasan", "rumput", "rumput liar", "tanaman", "air mancur", "bangku taman",
        ]),
        new("perizinan", [
            "imb", "pbg", "izin bangunan", "ijin bangunan", "izin mendirikan", "izin usaha", "ijin usaha", "perizinan",
            "perijinan", "nib", "oss", "slf", "siup", "amdal",
        ]),
        new("sosial", [
            "bansos", "bantuan sosial", "blt", "pkh", "dtks", "bpnt", "sembako", "bantuan beras", "odgj", "gangguan jiwa",
            "gelandangan", "pengemis", "gepeng", "anak jalanan", "anjal", "terlantar", "lansia terlantar", "warga miskin",
            "miskin", "disabilitas", "kis", "pbi",
        ]),
    ];
}
