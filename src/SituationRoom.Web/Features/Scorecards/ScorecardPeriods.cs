using System.Security.Claims;
using SituationRoom.Core.Scorecards;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>Reading the period a page or an API call asks for.</summary>
public static class ScorecardPeriods
{
    public static readonly PeriodKind[] LeagueKinds = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter];

    /// <summary>A period key (2026-11, 2026-W47, 2026-Q4, 2026-11-20), or the current one of <paramref name="kind"/> when
    /// none is given; null when the key cannot be read.</summary>
    public static Period? Parse(string? key, DateTimeOffset now, PeriodKind kind = PeriodKind.Month)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return Period.Containing(now, kind);
        }

        try
        {
            return Period.ParseKey(key.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static PeriodKind? ParseKind(string? kind) =>
        Enum.TryParse<PeriodKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>Who the audit trail names for a change; until sign-in is wired, the request carries no name.</summary>
    public static string UserName(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "anonim";
}
