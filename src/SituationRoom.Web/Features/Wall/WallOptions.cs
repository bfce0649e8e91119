using SituationRoom.Core.Situation;

namespace SituationRoom.Web.Features.Wall;

/// <summary>The "Wall" configuration section: how long each view stays up in a playlist, and when a feed counts as silent.</summary>
public sealed class WallOptions
{
    public const string Section = "Wall";

    /// <summary>Used when /wall is opened with neither ?view nor ?play; empty shows the overview without rotating.</summary>
    public string DefaultPlaylist { get; set; } = "";

    public WallDurations Durations { get; set; } = new();

    /// <summary>A complaint escalated this recently holds a rotating wall on the complaints view.</summary>
    public TimeSpan EscalationHold { get; set; } = TimeSpan.FromMinutes(2);

    public WallStaleAfter StaleAfter { get; set; } = new();
}

/// <summary>Seconds a view stays up when a playlist names it without a number.</summary>
public sealed class WallDurations
{
    public TimeSpan Overview { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan Complaints { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Wifi { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Cctv { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan League { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Map { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan For(WallView view) => view switch
    {
        WallView.Overview => Overview,
        WallView.Complaints => Complaints,
        WallView.Wifi => Wifi,
        WallView.Cctv => Cctv,
        WallView.League => League,
        WallView.Map => Map,
        _ => throw new ArgumentOutOfRangeException(nameof(view)),
    };
}

/// <summary>
/// How long each feed may be silent before its tile turns stale. Feeds differ: devices report every minute,
/// complaints can be quiet for a while at night, and the league is recomputed every few minutes.
/// </summary>
public sealed class WallStaleAfter
{
    public TimeSpan Complaints { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan Wifi { get; set; } = TimeSpan.FromMinutes(3);
    public TimeSpan Cctv { get; set; } = TimeSpan.FromMinutes(3);
    public TimeSpan League { get; set; } = TimeSpan.FromMinutes(20);
}
