using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class TicketNumberTests
{
    [Theory]
    [InlineData("LH", 2026, 123, "LH-2026-000123")]
    [InlineData("lh", 2026, 1, "LH-2026-000001")]
    [InlineData("WEB", 2027, 999999, "WEB-2027-999999")]
    [InlineData("LH", 2026, 1234567, "LH-2026-1234567")]
    public void Format_PrefixYearSequence_PadsSequenceToSixDigits(string prefix, int year, long sequence, string expected)
    {
        Assert.Equal(expected, TicketNumber.Format(prefix, year, sequence));
    }

    [Theory]
    [InlineData("", 2026, 1)]
    [InlineData("L-H", 2026, 1)]
    [InlineData("1H", 2026, 1)]
    [InlineData("LH", 999, 1)]
    [InlineData("LH", 2026, 0)]
    public void Format_InvalidPart_Throws(string prefix, int year, long sequence)
    {
        Assert.ThrowsAny<ArgumentException>(() => TicketNumber.Format(prefix, year, sequence));
    }

    [Theory]
    [InlineData("LH-2026-000123", "LH", 2026, 123)]
    [InlineData("  lh-2026-000123 ", "LH", 2026, 123)]
    [InlineData("LH-2026-123", "LH", 2026, 123)]
    public void TryParse_TicketAsTyped_ReadsItsParts(string text, string prefix, int year, long sequence)
    {
        Assert.True(TicketNumber.TryParse(text, out var ticket));
        Assert.Equal(new TicketNumber(prefix, year, sequence), ticket);
        Assert.Equal(TicketNumber.Format(prefix, year, sequence), ticket.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LH2026000123")]
    [InlineData("LH-26-000123")]
    [InlineData("LH-2026-")]
    [InlineData("LH-2026-000000")]
    [InlineData("LH-2026-00012a")]
    [InlineData("LH-2026-000123-1")]
    [InlineData("-2026-000123")]
    [InlineData("LH-２０２６-000123")]
    public void TryParse_NotATicket_ReturnsFalse(string? text)
    {
        Assert.False(TicketNumber.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_AnyFormattedTicket_RoundTrips()
    {
        var tickets =
            from prefix in Gen.Elements("LH", "WEB", "CC", "A1")
            from year in Gen.Choose(2000, 2100)
            from sequence in Gen.Choose(1, int.MaxValue)
            select (Prefix: prefix, Year: year, Sequence: (long)sequence);

        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(tickets), t =>
            TicketNumber.TryParse(TicketNumber.Format(t.Prefix, t.Year, t.Sequence), out var parsed)
            && parsed == new TicketNumber(t.Prefix, t.Year, t.Sequence)));
    }
}
