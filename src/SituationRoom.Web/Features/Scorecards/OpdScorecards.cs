using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>Why an item pulls a dimension down; the page words it, the API names it.</summary>
public enum PullReason
{
    /// <summary>Registered but not connected: switched off, in maintenance, or never reported.</summary>
    NotConnected,

    /// <summary>Active but silent for longer than its reporting allows: a stale feed.</summary>
    NotReporting,

    /// <summary>Open complaint not touched for longer than <see cref="AutomaticIndicators.UpdateFreshness"/>.</summary>
    NotUpdated,

    /// <summary>Active device down now (offline, no frames, frozen).</summary>
    Dark,

    /// <summary>Complaint reopened after it was closed.</summary>
    Reopened,

    /// <summary>Open complaint past its deadline.</summary>
    Overdue,

    /// <summary>Complaint closed after its deadline.</summary>
    ClosedLate,
}

/// <summary>One concrete thing pulling a dimension down, linked to where it can be acted on.</summary>
/// <param name="Reference">The complaint's ticket or the device's id.</param>
/// <param name="Title">The device's name; the ticket again for a complaint.</param>
/// <param name="Note">A device's lifecycle reason (e.g. the decision that switched it off).</param>
/// <param name="Since">When it went wrong: due, last update, last report, dark since; for a late closure, when closed.</param>
/// <param name="Days">How long it has been wrong, in days (overdue by, not updated for, dark for, closed late by).</param>
public sealed record PullItem(
    PullReason Reason,
    string Reference,
    string Title,
    string Href,
    DateTimeOffset? Since,
    double? Days,
    string? Category = null,
    ComplaintStatus? ComplaintStatus = null,
    DeviceKind? DeviceKind = null,
    DeviceStatus? DeviceStatus = null,
    DeviceLifecycle? Lifecycle = null,
    string? Note = null);

/// <param name="Total">How many items there are in all; <see cref="Items"/> holds the first few, worst first.</param>
public sealed record PullList(PullReason Reason, int Total, IReadOnlyList<PullItem> Items);

public sealed record TrendPoint(Period Period, double? Score);

/// <param name="Rank">Among the ranked OPDs of the period; null when this OPD is not ranked or the dimension has no score.</param>
public sealed record DimensionView(
    SmartDimension Dimension,
    double? Score,
    double Weight,
    double? Previous,
    double? Delta,
    int? Rank,
    int RankedOf,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<PullList> PulledDownBy);

/// <summary>Everything on an OPD head's page for one period; the API returns the same object.</summary>
/// <param name="Internals">False when the viewer may not see this OPD's internals: the lists of items are then empty.</param>
/// <param name="ItemsAreCurrent">Device lists always show the present state; false says the period shown is a past one.</param>
public sealed record OpdScorecard(
    string OpdCode,
    string OpdName,
    string OpdShortName,
    LeagueTable League,
    LeagueLine? Line,
    RuleSet? Rules,
    GradeBand? NextBand,
    double? PointsToNextBand,
    IReadOnlyList<TrendPoint> CompositeTrend,
    IReadOnlyList<DimensionView> Dimensions,
    bool Internals,
    bool ItemsAreCurrent);

public static class OpdScorecards
{
    public const int TrendLength = 6;

    /// <summary>Null when there is no such OPD.</summary>
    public static async Task<OpdScorecard?> LoadAsync(
        SituationDbContext db,
        ScorecardRules rules,
        LiveSituation live,
        ClaimsPrincipal viewer,
        string opdCode,
        Period period,
        DateTimeOffset now,
        int itemsPerList,
        CancellationToken cancellationToken)
    {
        var opd = await db.Opds.AsNoTracking().FirstOrDefaultAsync(o => o.Code == opdCode, cancellationToken);
        if (opd is null)
        {
            return null;
        }

        var league = await ScorecardQueries.LeagueAsync(db, rules, period, Wib.DateOf(now), cancellationToken);
        var line = league.Line(opd.Code);
        var ruleSet = line is null ? rules.Catalogue.For(period) : rules.Catalogue.ByVersion(line.RuleSetVersion);
        var trend = await ScorecardQueries.TrendAsync(db, opd.Code, period, TrendLength, cancellationToken);
        var previous = trend.Count > 1 ? trend[^2].Score : null;

        // Access: OPD internals. The one place that decides whether this viewer may see which complaints and devices
        // pull this OPD down; the integrator replaces the body of MaySeeInternals with the OpdAccess check.
        var internals = ScorecardAccess.MaySeeInternals(viewer, opd.Code);
        var items = internals
            ? await PulledDownByAsync(db, live, opd.Code, period, now, itemsPerList, cancellationToken)
            : [];

        var dimensions = Enum.GetValues<SmartDimension>().Select(d =>
        {
            var score = line?.Dimensions[d];
            var before = previous is null ? null : ScorecardQueries.Dimensions(previous)[d];
            var (rank, of) = league.DimensionRank(opd.Code, d);
            return new DimensionView(
                d,
                score,
                ruleSet?.Dimensions.GetValueOrDefault(d) ?? 0,
                before,
                score is { } s && before is { } b ? ScoreRounding.Published(ScoreRounding.Published(s) - ScoreRounding.Published(b)) : null,
                rank,
                of,
                trend.Select(t => new TrendPoint(t.Period, t.Score is null ? null : ScorecardQueries.Dimensions(t.Score)[d])).ToList(),
                items.Where(i => i.Dimension == d).Select(i => i.List).ToList());
        }).ToList();

        GradeBand? next = null;
        double? points = null;
        if (line?.PublishedComposite is { } published && ruleSet is not null)
        {
            next = ruleSet.BandAbove(ruleSet.BandFor(published));
            points = next is null ? null : ScoreRounding.Published(next.MinScore - published);
        }

        return new OpdScorecard(
            opd.Code,
            opd.Name,
            opd.ShortName,
            league,
            line,
            ruleSet,
            next,
            points,
            trend.Select(t => new TrendPoint(t.Period, t.Score?.Composite)).ToList(),
            dimensions,
            internals,
            league.InProgress);
    }

    /// <summary>The items behind each dimension's lost points, worst first: a count and the first few of each kind. Each
    /// list is one indexed query on the OPD (complaints by OpdCode and status; devices by OpdCode).</summary>
    private static async Task<List<(SmartDimension Dimension, PullList List)>> PulledDownByAsync(
        SituationDbContext db, LiveSituation live, string opdCode, Period period, DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        var nowUtc = now.UtcDateTime;
        var startUtc = period.StartUtc;
        var endUtc = period.EndUtc;
        var current = period.Contains(Wib.DateOf(now));
        var lists = new List<(SmartDimension, PullList)>();

        // Devices: the live situation knows the latest report of each; the store knows names and reporting intervals.
        var devices = (await db.Devices.AsNoTracking()
                .Where(d => d.OpdCode == opdCode && d.Lifecycle != DeviceLifecycle.Decommissioned)
                .Select(d => new { d.Id, d.Name, d.Kind, d.Lifecycle, d.LifecycleReference, d.Status, d.StatusSince, d.LastReportAt, d.ReportIntervalSeconds })
                .ToListAsync(cancellationToken))
            .Select(d =>
            {
                var fact = live.Device(d.Id);
                return new
                {
                    d.Id,
                    d.Name,
                    d.Kind,
                    d.Lifecycle,
                    d.LifecycleReference,
                    Status = fact?.Status ?? d.Status,
                    StatusSince = fact?.StatusSince ?? Utc(d.StatusSince),
                    LastReportAt = Later(fact?.LastReportAt, d.LastReportAt is null ? null : Utc(d.LastReportAt.Value)),
                    Interval = TimeSpan.FromSeconds(d.ReportIntervalSeconds),
                };
            })
            .ToList();

        var notConnected = devices
            .Where(d => d.Lifecycle != DeviceLifecycle.Active || d.LastReportAt is null)
            .OrderBy(d => d.Lifecycle).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new PullItem(PullReason.NotConnected, d.Id, d.Name, DeviceHref(d.Id), null, null, DeviceKind: d.Kind, Lifecycle: d.Lifecycle, Note: d.LifecycleReference))
            .ToList();
        lists.Add((SmartDimension.Systemic, List(PullReason.NotConnected, notConnected, take)));

        var silent = devices
            .Where(d => d.Lifecycle == DeviceLifecycle.Active && d.LastReportAt is { } last && now - last > d.Interval * AutomaticIndicators.ReportingIntervals)
            .OrderBy(d => d.LastReportAt)
            .Select(d => new PullItem(PullReason.NotReporting, d.Id, d.Name, DeviceHref(d.Id), d.LastReportAt, (now - d.LastReportAt!.Value).TotalDays, DeviceKind: d.Kind, DeviceStatus: d.Status))
            .ToList();
        lists.Add((SmartDimension.Monitorable, List(PullReason.NotReporting, silent, take)));

        var staleSince = nowUtc - AutomaticIndicators.UpdateFreshness;
        var notUpdated = OpenComplaints(db, opdCode).Where(c => c.UpdatedAt < staleSince);
        lists.Add((SmartDimension.Monitorable, new PullList(
            PullReason.NotUpdated,
            await notUpdated.CountAsync(cancellationToken),
            (await notUpdated.OrderBy(c => c.UpdatedAt).Take(take)
                .Select(c => new { c.Ticket, c.CategoryCode, c.Status, c.UpdatedAt }).ToListAsync(cancellationToken))
                .Select(c => new PullItem(PullReason.NotUpdated, c.Ticket, c.Ticket, ComplaintHref(c.Ticket), Utc(c.UpdatedAt), (now - Utc(c.UpdatedAt)).TotalDays, c.CategoryCode, c.Status))
                .ToList())));

        var dark = devices
            .Where(d => d.Lifecycle == DeviceLifecycle.Active && d.LastReportAt is not null && !d.Status.IsUp())
            .OrderBy(d => d.StatusSince)
            .Select(d => new PullItem(PullReason.Dark, d.Id, d.Name, DeviceHref(d.Id), d.StatusSince, (now - d.StatusSince).TotalDays, DeviceKind: d.Kind, DeviceStatus: d.Status))
            .ToList();
        lists.Add((SmartDimension.Accessible, List(PullReason.Dark, dark, take)));

        var reopened = db.Complaints.AsNoTracking()
            .Where(c => c.OpdCode == opdCode && c.ReopenCount > 0
                && ((c.ClosedAt >= startUtc && c.ClosedAt < endUtc) || (c.ClosedAt == null && c.Status != ComplaintStatus.Rejected && c.Status != ComplaintStatus.Resolved)));
        lists.Add((SmartDimension.Reliable, new PullList(
            PullReason.Reopened,
            await reopened.CountAsync(cancellationToken),
            (await reopened.OrderByDescending(c => c.UpdatedAt).Take(take)
                .Select(c => new { c.Ticket, c.CategoryCode, c.Status, c.UpdatedAt, c.ReopenCount }).ToListAsync(cancellationToken))
                .Select(c => new PullItem(PullReason.Reopened, c.Ticket, c.Ticket, ComplaintHref(c.Ticket), Utc(c.UpdatedAt), null, c.CategoryCode, c.Status, Note: c.ReopenCount.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList())));

        // Timebound: in the current period every open complaint past due is the head's to chase, whatever month it fell
        // due in; a past period lists what it was judged on: the open ones that fell due in it and those closed late.
        var overdueBefore = current ? nowUtc : (endUtc < nowUtc ? endUtc : nowUtc);
        var overdue = OpenComplaints(db, opdCode).Where(c => c.DueAt < overdueBefore && (current || c.DueAt >= startUtc));
        lists.Add((SmartDimension.Timebound, new PullList(
            PullReason.Overdue,
            await overdue.CountAsync(cancellationToken),
            (await overdue.OrderBy(c => c.DueAt).Take(take)
                .Select(c => new { c.Ticket, c.CategoryCode, c.Status, c.DueAt }).ToListAsync(cancellationToken))
                .Select(c => new PullItem(PullReason.Overdue, c.Ticket, c.Ticket, ComplaintHref(c.Ticket), Utc(c.DueAt), (now - Utc(c.DueAt)).TotalDays, c.CategoryCode, c.Status))
                .ToList())));

        var late = db.Complaints.AsNoTracking()
            .Where(c => c.OpdCode == opdCode && c.ClosedAt >= startUtc && c.ClosedAt < endUtc && c.ClosedAt > c.DueAt);
        var lateRows = await late.Select(c => new { c.Ticket, c.CategoryCode, c.Status, c.DueAt, ClosedAt = c.ClosedAt!.Value }).ToListAsync(cancellationToken);
        lists.Add((SmartDimension.Timebound, List(
            PullReason.ClosedLate,
            lateRows.Select(c => new PullItem(PullReason.ClosedLate, c.Ticket, c.Ticket, ComplaintHref(c.Ticket), Utc(c.ClosedAt), (c.ClosedAt - c.DueAt).TotalDays, c.CategoryCode, c.Status))
                .OrderByDescending(i => i.Days).ThenBy(i => i.Reference, StringComparer.Ordinal)
                .ToList(),
            take)));
        return lists;
    }

    private static IQueryable<Complaints.Complaint> OpenComplaints(SituationDbContext db, string opdCode) =>
        db.Complaints.AsNoTracking().Where(c => c.OpdCode == opdCode && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Rejected);

    private static PullList List(PullReason reason, List<PullItem> all, int take) => new(reason, all.Count, all.Take(take).ToList());

    public static string ComplaintHref(string ticket) => "/complaints/" + Uri.EscapeDataString(ticket);

    public static string DeviceHref(string id) => "/devices/" + Uri.EscapeDataString(id);

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>The hook for "may this user see OPD X's internals" (which complaints and devices pull it down, the raw
/// indicator values behind its score). League positions and scores are public to leadership; internals are not.</summary>
public static class ScorecardAccess
{
    public static bool MaySeeInternals(ClaimsPrincipal viewer, string opdCode) => Access.OpdAccess.MaySeeInternals(viewer, opdCode);
}
