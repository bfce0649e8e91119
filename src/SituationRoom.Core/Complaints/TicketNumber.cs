using System.Globalization;

namespace SituationRoom.Core.Complaints;

/// <summary>LH-2026-000123. Parsing ignores case and surrounding space and accepts an unpadded sequence.</summary>
public readonly record struct TicketNumber(string Prefix, int Year, long Sequence)
{
    private const int MaximumPrefixLength = 10;

    public static string Format(string prefix, int year, long sequence)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!IsPrefix(prefix))
        {
            throw new ArgumentException("A ticket prefix is 1-10 letters or digits, starting with a letter.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix.ToUpperInvariant()}-{year:D4}-{sequence:D6}");
    }

    public static bool TryParse(string? text, out TicketNumber ticket)
    {
        ticket = default;
        var parts = (text ?? string.Empty).Trim().Split('-');
        if (parts.Length != 3
            || !IsPrefix(parts[0])
            || parts[1].Length != 4
            || !parts[1].All(char.IsAsciiDigit)
            || parts[2].Length is 0 or > 18
            || !parts[2].All(char.IsAsciiDigit))
        {
            return false;
        }

        var year = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var sequence = long.Parse(parts[2], CultureInfo.InvariantCulture);
        if (year < 1000 || sequence < 1)
        {
            return false;
        }

        ticket = new TicketNumber(parts[0].ToUpperInvariant(), year, sequence);
        return true;
    }

    public override string ToString() => Format(Prefix, Year, Sequence);

    private static bool IsPrefix(string prefix) =>
        prefix.Length is > 0 and <= MaximumPrefixLength
        && char.IsAsciiLetter(prefix[0])
        && prefix.All(char.IsAsciiLetterOrDigit);
}
