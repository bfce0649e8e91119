namespace SituationRoom.Core.Complaints;

/// <summary>
/// Personal data under UU PDP 2022: +62 numbers are shown in the local 0 form, at most four digits at each end and
/// never fewer than four hidden, so short numbers reveal less. Input without digits is never echoed.
/// </summary>
public static class PhoneMask
{
    private const int MostShownAtEachEnd = 4;
    private const int FewestHidden = 4;

    /// <summary>
    /// For pages anyone holding the ticket can open: only the first four digits (the operator's prefix), because the
    /// last four are what proves a citizen's own reopen (<see cref="CitizenReopen"/>).
    /// </summary>
    public static string MaskPublic(string? phone)
    {
        var masked = Mask(phone);
        var head = Math.Min(MostShownAtEachEnd, masked.TakeWhile(char.IsAsciiDigit).Count());
        return masked[..head] + new string('*', masked.Length - head);
    }

    public static string Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("62", StringComparison.Ordinal) && (phone.TrimStart().StartsWith('+') || digits.StartsWith("628", StringComparison.Ordinal)))
        {
            digits = "0" + digits[2..];
        }

        if (digits.Length <= FewestHidden)
        {
            return new string('*', FewestHidden);
        }

        var shown = Math.Min(2 * MostShownAtEachEnd, digits.Length - FewestHidden);
        var head = Math.Min(MostShownAtEachEnd, (shown + 1) / 2);
        var tail = shown - head;
        return digits[..head] + new string('*', digits.Length - shown) + digits[^tail..];
    }
}
