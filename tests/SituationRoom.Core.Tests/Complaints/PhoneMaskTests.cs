using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class PhoneMaskTests
{
    [Theory]
    [InlineData("081234567890", "0812****7890")]
    [InlineData("+6281234567890", "0812****7890")]
    [InlineData("6281234567890", "0812****7890")]
    [InlineData("+62 812-3456-7890", "0812****7890")]
    [InlineData("0812345678901", "0812*****8901")]
    [InlineData("08123456789", "0812****789")]
    [InlineData("0241234567", "024****567")]
    [InlineData("12345", "1****")]
    [InlineData("1708", "****")]
    [InlineData("TELKOMSEL", "****")]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    public void Mask_PhoneNumber_ShowsOnlyTheEnds(string? phone, string expected)
    {
        Assert.Equal(expected, PhoneMask.Mask(phone));
    }

    [Theory]
    [InlineData("081234567890", "0812********")]
    [InlineData("+6281234567890", "0812********")]
    [InlineData("0241234567", "024*******")]
    [InlineData("12345", "1****")]
    [InlineData("budi@contoh.id", "****")]
    [InlineData(null, "")]
    public void MaskPublic_PhoneNumber_NeverShowsTheLastFourDigits(string? phone, string expected)
    {
        Assert.Equal(expected, PhoneMask.MaskPublic(phone));
    }

    [Fact]
    public void Mask_AnyDigits_NeverShowsMoreThanEightDigitsAndHidesAtLeastFour()
    {
        var numbers = Gen.Choose(0, 9).ArrayOf().Select(digits => string.Concat(digits));

        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(numbers), phone =>
        {
            var masked = PhoneMask.Mask(phone);
            return phone.Length == 0
                ? masked.Length == 0
                : masked.Count(char.IsAsciiDigit) <= 8 && masked.Count(c => c == '*') >= 4;
        }));
    }
}
