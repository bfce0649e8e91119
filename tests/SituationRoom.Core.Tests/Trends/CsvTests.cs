using SituationRoom.Core.Trends;

namespace SituationRoom.Core.Tests.Trends;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("＝1+1", "'＝1+1")]
    public void Text_FormulaStart_NeutralisedWithApostrophe(string value, string expected) =>
        Assert.Equal(expected, Csv.Text(value));

    [Theory]
    [InlineData("Jalan rusak", "Jalan rusak")]
    [InlineData("a=b", "a=b")]
    [InlineData("12-3", "12-3")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_Ordinary_LeftAlone(string? value, string expected) => Assert.Equal(expected, Csv.Text(value));

    [Fact]
    public void Text_QuotesCommasAndLineBreaks_QuotedWithQuotesDoubled()
    {
        Assert.Equal("\"Banjir, \"\"parah\"\"\"", Csv.Text("Banjir, \"parah\""));
        Assert.Equal("\"baris satu\nbaris dua\"", Csv.Text("baris satu\nbaris dua"));
        Assert.Equal("\"a\r\nb\"", Csv.Text("a\r\nb"));
        Assert.Equal("\" spasi\"", Csv.Text(" spasi"));
    }

    [Fact]
    public void Number_Negative_StaysANumber()
    {
        Assert.Equal("-3.5", Csv.Number(-3.5));
        Assert.Equal("12.35", Csv.Number(12.346, 2));
        Assert.Equal("", Csv.Number(null));
        Assert.Equal("", Csv.Number(double.NaN));
        Assert.Equal("-7", Csv.Number(-7L));
    }

    [Fact]
    public void Number_IndonesianCulture_StillUsesAPoint()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("id-ID");
        try
        {
            Assert.Equal("1234.5", Csv.Number(1234.5));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TextLine_JoinsWithCommasAndEndsWithCrLf() =>
        Assert.Equal("tiket,\"a,b\",'=1\r\n", Csv.TextLine("tiket", "a,b", "=1"));

    [Fact]
    public void Text_AnyString_RoundTripsThroughAStandardParser()
    {
        // A reader that follows RFC 4180 gets back the value, with at most the one apostrophe in front.
        string[] values = ["x", "a\"b", "=cmd|' /C calc'!A0", "line\r\nbreak", ",", "\"", "-", "@", " lead", "tail "];
        foreach (var value in values)
        {
            var parsed = ParseSingleCell(Csv.Text(value));
            Assert.True(parsed == value || parsed == "'" + value, $"{value} came back as {parsed}");
            Assert.False(parsed.Length > 0 && "=+-@\t\r".Contains(parsed[0]), $"{parsed} could still run as a formula");
        }
    }

    private static string ParseSingleCell(string cell)
    {
        if (cell.Length == 0 || cell[0] != '"')
        {
            return cell;
        }

        Assert.EndsWith("\"", cell);
        return cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
