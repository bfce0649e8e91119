namespace SituationRoom.Core.Complaints;

/// <summary>A landmark on a kelurahan boundary, or whose kelurahan we could not confirm, carries only its kecamatan.</summary>
public static class SemarangLandmarks
{
    private const string SemarangTengah = "33.74.01";
    private const string SemarangUtara = "33.74.02";
    private const string SemarangTimur = "33.74.03";
    private const string Gayamsari = "33.74.04";
    private const string Genuk = "33.74.05";
    private const string SemarangSelatan = "33.74.07";
    private const string Candisari = "33.74.08";
    private const string Gajahmungkur = "33.74.09";
    private const string Tembalang = "33.74.10";
    private const string Banyumanik = "33.74.11";
    private const string Gunungpati = "33.74.12";
    private const string SemarangBarat = "33.74.13";
    private const string Ngaliyan = "33.74.15";
    private const string Tugu = "33.74.16";

    public static IReadOnlyList<Landmark> All { get; } =
    [
        new("Simpang Lima", SemarangSelatan, "33.74.07.1005"),
        new("Lapangan Pancasila", SemarangSelatan, "33.74.07.1005"),
        new("Lawang Sewu", SemarangTengah, "33.74.01.1007"),
        new("Balai Kota Semarang", SemarangTengah, "33.74.01.1007"),
        new("Tugu Muda", SemarangTengah, null),
        new("Pasar Johar", SemarangTengah, "33.74.01.1010"),
        new("Masjid Kauman", SemarangTengah, "33.74.01.1010"),
        new("Pecinan", SemarangTengah, "33.74.01.1004"),
        new("Klenteng Tay Kak Sie", SemarangTengah, "33.74.01.1004"),
        new("Udinus", SemarangTengah, "33.74.01.1014"),
        new("Kota Lama", SemarangUtara, "33.74.02.1008"),
        new("Gereja Blenduk", SemarangUtara, "33.74.02.1008"),
        new("Stasiun Tawang", SemarangUtara, "33.74.02.1008"),
        new("Polder Tawang", SemarangUtara, "33.74.02.1008"),
        new("Pelabuhan Tanjung Emas", SemarangUtara, "33.74.02.1008"),
        new("Tanjung Emas", SemarangUtara, "33.74.02.1008"),
        new("Tambak Lorok", SemarangUtara, "33.74.02.1008"),
        new("Stasiun Poncol", SemarangUtara, "33.74.02.1004"),
        new("Kampung Batik", SemarangTimur, "33.74.03.1002"),
        new("Masjid Agung Jawa Tengah", Gayamsari, "33.74.04.1004"),
        new("MAJT", Gayamsari, "33.74.04.1004"),
        new("Terminal Terboyo", Genuk, null),
        new("Kampung Pelangi", SemarangSelatan, "33.74.07.1001"),
        new("RSUP Kariadi", SemarangSelatan, "33.74.07.1001"),
        new("RS Kariadi", SemarangSelatan, "33.74.07.1001"),
        new("Taman Indonesia Kaya", SemarangSelatan, "33.74.07.1004"),
        new("Pasar Peterongan", SemarangSelatan, "33.74.07.1007"),
        new("Pasar Jatingaleh", Candisari, "33.74.08.1002"),
        new("Stadion Jatidiri", Gajahmungkur, "33.74.09.1001"),
        new("Unika Soegijapranata", Gajahmungkur, "33.74.09.1002"),
        new("Undip Tembalang", Tembalang, "33.74.10.1006"),
        new("Vihara Watugong", Banyumanik, "33.74.11.1001"),
        new("Pagoda Avalokitesvara", Banyumanik, "33.74.11.1001"),
        new("Unnes", Gunungpati, "33.74.12.1009"),
        new("Goa Kreo", Gunungpati, "33.74.12.1016"),
        new("Gua Kreo", Gunungpati, "33.74.12.1016"),
        new("Sam Poo Kong", SemarangBarat, "33.74.13.1008"),
        new("Bandara Ahmad Yani", SemarangBarat, "33.74.13.1004"),
        new("Bandara", SemarangBarat, "33.74.13.1004"),
        new("Pantai Maron", SemarangBarat, "33.74.13.1004"),
        new("Pasar Karangayu", SemarangBarat, "33.74.13.1012"),
        new("Pantai Marina", SemarangBarat, null),
        new("UIN Walisongo", Ngaliyan, "33.74.15.1008"),
        new("Terminal Mangkang", Tugu, "33.74.16.1006"),
    ];
}
