namespace SituationRoom.Core.Complaints;

/// <summary>Where a complaint stands for a citizen who wants it reopened.</summary>
public enum CitizenReopenState
{
    /// <summary>Still being handled: nothing to reopen.</summary>
    Open,
    /// <summary>Resolved within <see cref="ComplaintWorkflow.ReopenWindow"/>: the citizen may reopen it.</summary>
    Reopenable,
    /// <summary>Resolved longer ago than the window: a new complaint is the way.</summary>
    TooLate,
    /// <summary>Rejected: an appeal goes through the city's officers, who may need to choose an OPD.</summary>
    Rejected,
}

/// <summary>What a proof of being the reporter came to.</summary>
public enum ReporterProofResult
{
    Matches,
    Mismatch,
    /// <summary>The complaint was recorded without a contact, so no one can prove it is theirs.</summary>
    NoContact,
}

/// <summary>
/// The citizen's own reopen, without an account: only a resolved complaint, only within 30 days of its resolution,
/// and only by someone who knows the contact it came from. For a phone number that is its last four digits (the page
/// shows the number masked as 0812****7890, so the digits shown are not the proof); for any other contact (an e-mail
/// or an account name recorded by the channel) the whole contact, ignoring case.
/// </summary>
public static class CitizenReopen
{
    public const int PhoneDigitsAsked = 4;

    public static CitizenReopenState StateOf(ComplaintStatus status, DateTimeOffset? closedAt, DateTimeOffset now) => status switch
    {
        ComplaintStatus.Resolved when closedAt is { } at && now - at <= ComplaintWorkflow.ReopenWindow => CitizenReopenState.Reopenable,
        ComplaintStatus.Resolved => CitizenReopenState.TooLate,
        ComplaintStatus.Rejected => CitizenReopenState.Rejected,
        _ => CitizenReopenState.Open,
    };

    public static DateTimeOffset Deadline(DateTimeOffset closedAt) => closedAt + ComplaintWorkflow.ReopenWindow;

    /// <summary>Whether <paramref name="recorded"/> (the contact stored with the complaint) is a phone number.</summary>
    public static bool IsPhone(string? recorded) =>
        recorded is not null
        && !recorded.Contains('@', StringComparison.Ordinal)
        && recorded.Count(char.IsAsciiDigit) >= PhoneDigitsAsked
        && recorded.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '.');

    public static ReporterProofResult Check(string? recorded, string? given)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return ReporterProofResult.NoContact;
        }

        var answer = (given ?? string.Empty).Trim();
        if (IsPhone(recorded))
        {
            var digits = new string(recorded.Where(char.IsAsciiDigit).ToArray());
            var givenDigits = new string(answer.Where(char.IsAsciiDigit).ToArray());
            var onlyDigits = answer.All(c => char.IsAsciiDigit(c) || c == ' ');
            return onlyDigits && givenDigits.Length == PhoneDigitsAsked && digits.EndsWith(givenDigits, StringComparison.Ordinal)
                ? ReporterProofResult.Matches
                : ReporterProofResult.Mismatch;
        }

        return answer.Length > 0 && string.Equals(answer, recorded.Trim(), StringComparison.OrdinalIgnoreCase)
            ? ReporterProofResult.Matches
            : ReporterProofResult.Mismatch;
    }
}
