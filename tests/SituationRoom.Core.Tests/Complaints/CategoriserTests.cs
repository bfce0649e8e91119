using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class CategoriserTests
{
    private static CategoryMatch? Categorise(string text) => Categoriser.Categorise(text, CategoryRules.Default);

    [Theory]
    [InlineData("lampu merah perempatan mati", "lalu-lintas", "lampu merah")]
    [InlineData("lampu jalan mati sejak minggu lalu", "pju", "lampu jalan")]
    [InlineData("pohon tumbang menimpa motor", "bencana", "pohon tumbang")]
    [InlineData("mohon pangkas pohon, dahannya mau patah", "taman", "pangkas pohon")]
    [InlineData("tanggul jebol air masuk kampung", "bencana", "tanggul jebol")]
    [InlineData("e-KTP saya hilang", "adminduk", "e ktp")]
    [InlineData("eKTP belum jadi", "adminduk", "ektp")]
    [InlineData("air mati terus", "air-bersih", "air mati")]
    public void Categorise_OverlappingKeywords_LongestPhraseWins(string text, string category, string keyword)
    {
        Assert.Equal(new CategoryMatch(category, keyword), Categorise(text));
    }

    [Theory]
    [InlineData("dalane bolong kabeh", "jalan")]
    [InlineData("uwuhe ora diangkut", "sampah")]
    [InlineData("selokane buntet", "drainase")]
    [InlineData("lampune peteng", "pju")]
    [InlineData("sampahnya bau", "sampah")]
    [InlineData("banyune ra mili", "air-bersih")]
    public void Categorise_JavaneseAndIndonesianSuffixes_StillMatch(string text, string category)
    {
        Assert.Equal(category, Categorise(text)?.CategoryCode);
    }

    [Theory]
    [InlineData("depan puskesmas banjir", "drainase")]
    [InlineData("dekat sekolah macet parah", "lalu-lintas")]
    [InlineData("ngarep SDN 2 banjir", "drainase")]
    [InlineData("puskesmas tutup, banjir", "kesehatan")]
    public void Categorise_KeywordAfterPositionWord_CountsAsPlaceNotProblem(string text, string category)
    {
        Assert.Equal(category, Categorise(text)?.CategoryCode);
    }

    [Fact]
    public void Categorise_MoreSupportingKeywords_WinsOverEarlierSingleKeyword()
    {
        Assert.Equal("drainase", Categorise("sampah di got bikin mampet, banjir tiap hujan")?.CategoryCode);
    }

    [Fact]
    public void Categorise_EqualSupport_EarliestKeywordWins()
    {
        Assert.Equal("sampah", Categorise("uwuh numpuk, mbludak")?.CategoryCode);
        Assert.Equal("drainase", Categorise("mbludak, uwuh numpuk")?.CategoryCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("terima kasih pak")]
    [InlineData("izin bertanya jam buka kantor")]
    [InlineData("jalan Pemuda no 5")]
    [InlineData("berlubanglubang")]
    public void Categorise_NoKeyword_ReturnsNull(string text)
    {
        Assert.Null(Categorise(text));
    }

    [Fact]
    public void Categorise_CustomRules_AreUsedInsteadOfDefaults()
    {
        CategoryRule[] rules = [new("anjing-liar", ["anjing liar", "asu"])];

        Assert.Equal(new CategoryMatch("anjing-liar", "asu"), Categoriser.Categorise("akeh asu keliaran", rules));
        Assert.Null(Categoriser.Categorise("jalan rusak", rules));
    }

    [Fact]
    public void Categorise_SameText_SameAnswerEveryTime()
    {
        const string text = "lampu mati, jalan berlubang, sampah numpuk dan got mampet";

        var first = Categorise(text);
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(first, Categorise(text)));
    }
}
