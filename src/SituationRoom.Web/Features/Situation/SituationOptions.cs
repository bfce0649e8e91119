namespace SituationRoom.Web.Features.Situation;

/// <summary>The "Situation" configuration section: how the live snapshot is kept and published.</summary>
public sealed class SituationOptions
{
    public const string Section = "Situation";

    /// <summary>Changes are coalesced: at most one new snapshot per interval, however many events arrive.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time alone changes the picture (complaints fall overdue, the uptime window slides): recompose this often.</summary>
    public TimeSpan RecomposeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A stream silent this long is shown as stale on the wall.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Complaints closed longer ago than this leave memory; the wall's "closed within SLA" looks back 30 days.</summary>
    public TimeSpan KeepClosedComplaints { get; set; } = TimeSpan.FromDays(31);
}
