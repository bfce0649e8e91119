using SituationRoom.Core.Complaints;
using SituationRoom.Core.Wilayah;

namespace SituationRoom.Core.Tests.Complaints;

public class GazetteerTests
{
    private static PlaceMatch? Find(string text) => SemarangWilayah.Gazetteer.Find(text);

    [Theory]
    [InlineData("banjir di Gunung Pati", "33.74.12", "Gunungpati")]
    [InlineData("GUNUNGPATI", "33.74.12", "Gunungpati")]
    [InlineData("jalan Gajah Mungkur rusak", "33.74.09", "Gajahmungkur")]
    [InlineData("Semarang Tengah", "33.74.01", "Semarang Tengah")]
    [InlineData("semarangtengah", "33.74.01", "Semarang Tengah")]
    [InlineData("kec. Pedurungan", "33.74.06", "Pedurungan")]
    [InlineData("di Candisari", "33.74.08", "Candisari")]
    public void Find_KecamatanSpelledLoosely_MatchesKecamatanOnly(string text, string kecamatan, string name)
    {
        Assert.Equal(new PlaceMatch(kecamatan, null, name), Find(text));
    }

    [Theory]
    [InlineData("kel. Sekayu", "33.74.01.1007")]
    [InlineData("Kelurahan Pleburan RT 3", "33.74.07.1005")]
    [InlineData("Kel.Bugangan", "33.74.03.1006")]
    public void Find_KelurahanWithPrefix_MatchesKelurahan(string text, string kelurahan)
    {
        var match = Find(text);

        Assert.Equal(kelurahan, match?.KelurahanCode);
        Assert.Equal(kelurahan[..8], match?.KecamatanCode);
    }

    [Theory]
    [InlineData("Tembalang", "33.74.10", null)]
    [InlineData("kec. Tembalang", "33.74.10", null)]
    [InlineData("kel. Tembalang", "33.74.10", "33.74.10.1006")]
    [InlineData("kelurahan Gajah Mungkur", "33.74.09", "33.74.09.1005")]
    [InlineData("desa Mijen", "33.74.14", "33.74.14.1008")]
    public void Find_NameOfBothKecamatanAndKelurahan_PrefixDecidesAndBareMeansKecamatan(string text, string kecamatan, string? kelurahan)
    {
        var match = Find(text);

        Assert.Equal(kecamatan, match?.KecamatanCode);
        Assert.Equal(kelurahan, match?.KelurahanCode);
    }

    [Theory]
    [InlineData("got mampet di Sekaran, Gunungpati", "33.74.12.1009")]
    [InlineData("Pedurungan Kidul", "33.74.06.1008")]
    [InlineData("RT 02 RW 05 Kel Jomblang Kec Candisari", "33.74.08.1004")]
    [InlineData("tlogosari kulon", "33.74.06.1004")]
    [InlineData("Tugurejo", "33.74.16.1002")]
    public void Find_KelurahanAndKecamatanBothNamed_MostSpecificWins(string text, string kelurahan)
    {
        Assert.Equal(kelurahan, Find(text)?.KelurahanCode);
    }

    [Theory]
    [InlineData("Bendan Duwur", "33.74.09.1002")]
    [InlineData("kel. Mugassari", "33.74.07.1004")]
    [InlineData("Pendrikan Kidul", "33.74.01.1014")]
    [InlineData("dekat kampus Unika Sugijapranata", "33.74.09.1002")]
    [InlineData("tanjungmas", "33.74.02.1008")]
    public void Find_VariantSpelling_MatchesSamePlace(string text, string kelurahan)
    {
        Assert.Equal(kelurahan, Find(text)?.KelurahanCode);
    }

    [Theory]
    [InlineData("depan Lawang Sewu", "33.74.01", "33.74.01.1007", "Lawang Sewu")]
    [InlineData("lampu mati di simpanglima", "33.74.07", "33.74.07.1005", "Simpang Lima")]
    [InlineData("banjir di Kota Lama", "33.74.02", "33.74.02.1008", "Kota Lama")]
    [InlineData("macet dekat sampookong", "33.74.13", "33.74.13.1008", "Sam Poo Kong")]
    [InlineData("parkir liar di Masjid Agung Jawa Tengah", "33.74.04", "33.74.04.1004", "Masjid Agung Jawa Tengah")]
    [InlineData("jalan rusak depan Undip Tembalang", "33.74.10", "33.74.10.1006", "Undip Tembalang")]
    [InlineData("Stasiun Tawang kebanjiran", "33.74.02", "33.74.02.1008", "Stasiun Tawang")]
    [InlineData("sampah di Pasar Johar", "33.74.01", "33.74.01.1010", "Pasar Johar")]
    public void Find_Landmark_MatchesItsKelurahan(string text, string kecamatan, string kelurahan, string name)
    {
        Assert.Equal(new PlaceMatch(kecamatan, kelurahan, name), Find(text));
    }

    [Fact]
    public void Find_TuguMuda_IsTheLandmarkNotKecamatanTugu()
    {
        Assert.Equal(new PlaceMatch("33.74.01", null, "Tugu Muda"), Find("PKL di sekitar Tugu Muda"));
    }

    [Theory]
    [InlineData("jalan ke Kudus macet")]
    [InlineData("kudu didandani sak iki")]
    [InlineData("pagar pesantren roboh")]
    [InlineData("bendungan jebol")]
    [InlineData("tugu di perempatan dicoret-coret")]
    [InlineData("Semarang")]
    [InlineData("Jl. Pemuda no 10")]
    [InlineData("mijenan")]
    [InlineData("")]
    public void Find_NoPlaceOrPlaceNameInsideOtherWordOrEverydayWord_FindsNothing(string text)
    {
        Assert.Null(Find(text));
    }

    [Theory]
    [InlineData("kel. Kudu", "33.74.05.1002")]
    [InlineData("Kudu, Genuk", "33.74.05.1002")]
    [InlineData("kelurahan Bendungan", "33.74.09.1008")]
    public void Find_EverydayWordWithPrefixOrItsKecamatan_Matches(string text, string kelurahan)
    {
        Assert.Equal(kelurahan, Find(text)?.KelurahanCode);
    }

    [Theory]
    [InlineData("Purwosari", null)]
    [InlineData("Purwosari Mijen", "33.74.14.1005")]
    [InlineData("kel. Purwosari kec. Semarang Utara", "33.74.02.1004")]
    [InlineData("Mangunharjo, Tugu", "33.74.16.1007")]
    [InlineData("Mangunharjo Tembalang", "33.74.10.1003")]
    public void Find_KelurahanNameInTwoKecamatan_NeedsTheKecamatan(string text, string? kelurahan)
    {
        Assert.Equal(kelurahan, Find(text)?.KelurahanCode);
    }

    [Fact]
    public void Find_EveryKelurahanByPrefixedName_MatchesItself()
    {
        var kecamatanNames = SemarangWilayah.Kecamatan.ToDictionary(k => k.Code, k => k.Name);
        foreach (var kelurahan in SemarangWilayah.Kelurahan)
        {
            var match = Find($"warga kel. {kelurahan.Name} kec. {kecamatanNames[kelurahan.KecamatanCode]} melapor");

            Assert.Equal(kelurahan.Code, match?.KelurahanCode);
        }
    }

    [Fact]
    public void Find_EveryKecamatanByPrefixedName_MatchesItself()
    {
        foreach (var kecamatan in SemarangWilayah.Kecamatan)
        {
            Assert.Equal(new PlaceMatch(kecamatan.Code, null, kecamatan.Name), Find($"kecamatan {kecamatan.Name}"));
        }
    }

    [Fact]
    public void Find_CustomGazetteer_UsesOnlyWhatItWasGiven()
    {
        var gazetteer = new Gazetteer(
            [new Kecamatan("99.01", "Kota Baru")],
            [new Kelurahan("99.01.1001", "99.01", "Sukamaju")],
            [new Landmark("Alun Alun", "99.01", null)]);

        Assert.Equal(new PlaceMatch("99.01", "99.01.1001", "Sukamaju"), gazetteer.Find("sampah di sukamaju"));
        Assert.Equal(new PlaceMatch("99.01", null, "Alun Alun"), gazetteer.Find("alun-alun"));
        Assert.Null(gazetteer.Find("Simpang Lima"));
    }
}
