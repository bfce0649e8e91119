using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Features.Trends;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Trends;

/// <summary>Every figure the trends show, held against a count taken straight from the complaints with SQL of its own.</summary>
public sealed class TrendQueriesTests(SituationAppFactory factory) : IClassFixture<SituationAppFactory>
{
    private static readonly DateOnly Today = Wib.DateOf(SituationAppFactory.Now);

    // The small demo city has 60 days of complaints; the second range reaches before the first of them.
    public static readonly TheoryData<string, string> Ranges = new()
    {
        { "2026-10-22", "2026-11-20" },
        { "2026-09-01", "2026-11-20" },
        { "2026-11-20", "2026-11-20" },
    };

    private TrendDatabase Sql => new(factory.DatabasePath);

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task ComplaintCells_EveryDimension_MatchTheComplaintsDayByDay(string from, string to)
    {
        var range = new DayRange(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        await using var db = await ContextAsync();
        foreach (var (by, column) in Dimensions)
        {
            var cells = await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, range, by, CancellationToken.None);
            var actual = cells.ToDictionary(c => (c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Key), c => c.Tally);

            var received = Grouped($"SELECT date(ReceivedAt, '+7 hours'), COALESCE({column}, ''), COUNT(*) FROM Complaints WHERE date(ReceivedAt, '+7 hours') BETWEEN @from AND @to GROUP BY 1, 2", from, to);
            var closed = Grouped($"SELECT date(ClosedAt, '+7 hours'), COALESCE({column}, ''), COUNT(*) FROM Complaints WHERE {TrendDatabase.Closed} AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to GROUP BY 1, 2", from, to);
            var onTime = Grouped($"SELECT date(ClosedAt, '+7 hours'), COALESCE({column}, ''), COUNT(*) FROM Complaints WHERE {TrendDatabase.Closed} AND julianday(ClosedAt) <= julianday(DueAt) AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to GROUP BY 1, 2", from, to);
            var resolved = Grouped($"SELECT date(ClosedAt, '+7 hours'), COALESCE({column}, ''), COUNT(*) FROM Complaints WHERE Status = 'Resolved' AND ClosedAt IS NOT NULL AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to GROUP BY 1, 2", from, to);

            Assert.NotEmpty(actual);
            foreach (var key in actual.Keys.Union(received.Keys).Union(closed.Keys))
            {
                var tally = actual.GetValueOrDefault(key) ?? new ComplaintTally();
                Assert.True(received.GetValueOrDefault(key) == tally.Received, $"received {by} {key}: {received.GetValueOrDefault(key)} vs {tally.Received}");
                Assert.True(closed.GetValueOrDefault(key) == tally.Closed, $"closed {by} {key}");
                Assert.True(onTime.GetValueOrDefault(key) == tally.ClosedWithinSla, $"on time {by} {key}");
                Assert.True(resolved.GetValueOrDefault(key) == tally.Resolved, $"resolved {by} {key}");
            }
        }
    }

    [Fact]
    public async Task ComplaintCells_MonthBuckets_EqualTheComplaintsOfEachMonth()
    {
        // September and October are whole months; November is the current month so far; the range starts mid-August.
        var range = new DayRange(new DateOnly(2026, 8, 15), Today);
        var buckets = range.Buckets(Grain.Month);
        await using var db = await ContextAsync();
        foreach (var (by, column) in Dimensions)
        {
            var trend = ComplaintTrend.Fold(await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default with { Channel = SituationRoom.Core.Complaints.ComplaintChannel.Sms }, buckets, Grain.Month, by, Today, CancellationToken.None), buckets);
            foreach (var (bucket, i) in buckets.Select((b, i) => (b, i)))
            {
                (string, object)[] p = [("@from", bucket.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@to", bucket.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
                foreach (var row in Sql.Rows($"SELECT COALESCE({column}, ''), COUNT(*) FROM Complaints WHERE Channel = 'Sms' AND date(ReceivedAt, '+7 hours') BETWEEN @from AND @to GROUP BY 1", p))
                {
                    Assert.Equal((long)row[1], trend.ByKey[(string)row[0]][i].Received);
                }

                Assert.Equal(
                    Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE Channel = 'Sms' AND {TrendDatabase.Closed} AND julianday(ClosedAt) <= julianday(DueAt) AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to", p),
                    trend.PerBucket[i].ClosedWithinSla);
            }
        }
    }

    public static readonly TheoryData<string?, string?, string?, string?> Filters = new()
    {
        { "DPU", null, null, null },
        { null, "33.74.01", null, null },
        { null, null, "jalan", null },
        { null, null, null, "Sms" },
        { "DLH", "33.74.10", "sampah", "App" },
        { TrendFilter.None, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_TotalsAndListCounts_MatchTheSameWhereClause(string? opd, string? kec, string? cat, string? channel)
    {
        var filter = TrendFilter.Default with
        {
            Opd = opd,
            Kecamatan = kec,
            Category = cat,
            Channel = channel is null ? null : Enum.Parse<SituationRoom.Core.Complaints.ComplaintChannel>(channel),
            Period = TrendPeriod.Days30,
        };
        var range = filter.Range(Today);
        var where = string.Join(" AND ", new[]
        {
            opd is null ? null : opd == TrendFilter.None ? "OpdCode IS NULL" : "OpdCode = @opd",
            kec is null ? null : "KecamatanCode = @kec",
            cat is null ? null : "CategoryCode = @cat",
            channel is null ? null : "Channel = @channel",
        }.Where(w => w is not null).Append("1 = 1"));
        (string, object)[] p =
        [
            ("@from", range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@to", range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@opd", opd ?? ""), ("@kec", kec ?? ""), ("@cat", cat ?? ""), ("@channel", channel ?? ""),
        ];

        await using var db = await ContextAsync();
        var total = ComplaintTally.Sum((await TrendQueries.ComplaintCellsAsync(db, filter, range, TrendDimension.Opd, CancellationToken.None)).Select(c => c.Tally));
        var expected = new Dictionary<ComplaintMeasure, long>
        {
            [ComplaintMeasure.Received] = Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE {where} AND date(ReceivedAt, '+7 hours') BETWEEN @from AND @to", p),
            [ComplaintMeasure.Closed] = Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE {where} AND {TrendDatabase.Closed} AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to", p),
            [ComplaintMeasure.OnTime] = Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE {where} AND {TrendDatabase.Closed} AND julianday(ClosedAt) <= julianday(DueAt) AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to", p),
            [ComplaintMeasure.Late] = Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE {where} AND {TrendDatabase.Closed} AND julianday(ClosedAt) > julianday(DueAt) AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to", p),
            [ComplaintMeasure.Resolved] = Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE {where} AND Status = 'Resolved' AND ClosedAt IS NOT NULL AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to", p),
        };

        Assert.True(expected[ComplaintMeasure.Received] > 0 || opd == TrendFilter.None);
        Assert.Equal(expected[ComplaintMeasure.Received], total.Received);
        Assert.Equal(expected[ComplaintMeasure.Closed], total.Closed);
        Assert.Equal(expected[ComplaintMeasure.OnTime], total.ClosedWithinSla);
        Assert.Equal(expected[ComplaintMeasure.Late], total.ClosedLate);
        Assert.Equal(expected[ComplaintMeasure.Resolved], total.Resolved);

        // The drill-down list behind each number holds exactly that many complaints.
        foreach (var (measure, count) in expected)
        {
            Assert.Equal(count, await TrendQueries.Complaints(db, new ComplaintListQuery(filter, measure), range, SituationAppFactory.Now.UtcDateTime).CountAsync());
        }
    }

    [Fact]
    public async Task MedianResolution_PerOpd_BucketHoldsTheExactMedian()
    {
        var range = new DayRange(new DateOnly(2026, 9, 1), Today);
        await using var db = await ContextAsync();
        var trend = ComplaintTrend.Fold(await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, range, TrendDimension.Opd, CancellationToken.None), [range]);

        var checkedOpds = 0;
        foreach (var opd in trend.Keys.Prepend(null))
        {
            var tally = opd is null ? trend.Total : trend.TotalOf(opd);
            var where = opd is null ? "1 = 1" : "COALESCE(OpdCode, '') = @opd";
            var n = Sql.Scalar($"SELECT COUNT(*) FROM Complaints WHERE {where} AND Status = 'Resolved' AND ClosedAt IS NOT NULL AND date(ClosedAt, '+7 hours') >= @from", ("@opd", opd ?? ""), ("@from", "2026-09-01"));
            Assert.Equal(n, tally.Resolved);
            if (n == 0)
            {
                Assert.Null(tally.MedianResolution);
                continue;
            }

            var exactDays = Sql.Real(
                $"SELECT julianday(ClosedAt) - julianday(ReceivedAt) AS took FROM Complaints WHERE {where} AND Status = 'Resolved' AND ClosedAt IS NOT NULL AND date(ClosedAt, '+7 hours') >= @from ORDER BY took LIMIT 1 OFFSET @k",
                ("@opd", opd ?? ""), ("@from", "2026-09-01"), ("@k", ((n + 1) / 2) - 1));
            var median = tally.MedianResolution!.Value;
            Assert.InRange(exactDays, median.Lower.TotalDays - 1e-6, (median.Upper ?? TimeSpan.MaxValue).TotalDays + 1e-6);
            checkedOpds++;
        }

        Assert.True(checkedOpds > 5);
    }

    [Fact]
    public async Task NowMeasures_DrillDownTargets_CountWhatTheWallShows()
    {
        var wall = (await factory.SettledSituationAsync()).Complaints;
        var now = SituationAppFactory.Now.UtcDateTime;
        await using var db = await ContextAsync();

        Assert.Equal(wall.Open, await CountAsync(DrillDown.OpenComplaints()));
        Assert.Equal(wall.Overdue, await CountAsync(DrillDown.OverdueComplaints()));
        Assert.Equal(wall.InTriage, await CountAsync(DrillDown.InTriage()));
        Assert.Equal(wall.NewToday, await CountAsync(DrillDown.NewToday()));
        foreach (var backlog in wall.WorstBacklogs)
        {
            Assert.Equal(backlog.Open, await CountAsync(DrillDown.OpenComplaints(backlog.OpdCode)));
            Assert.Equal(backlog.Overdue, await CountAsync(DrillDown.OverdueComplaints(backlog.OpdCode)));
        }

        Assert.Equal(Sql.Scalar("SELECT COUNT(*) FROM Complaints WHERE Status NOT IN ('Resolved','Rejected') AND DueAt < @now", ("@now", TrendDatabase.Stamp(now))), wall.Overdue);

        async Task<int> CountAsync(string url)
        {
            var query = ComplaintListQuery.Parse(Reader(url), new Dictionary<string, string[]>());
            return await TrendQueries.Complaints(db, query, query.Filter.Range(Today), now).CountAsync();
        }
    }

    [Theory]
    [InlineData(DeviceKind.Hotspot, null)]
    [InlineData(DeviceKind.Camera, null)]
    [InlineData(DeviceKind.Camera, "DISHUB")]
    public async Task UptimePerDay_MatchesIntervalArithmeticInSql(DeviceKind kind, string? opd)
    {
        var range = DayRange.Last(7, Today);
        var now = SituationAppFactory.Now;
        await using var db = await ContextAsync();

        var perDay = await DeviceUptimeQueries.PerDayAsync(db, kind, TrendFilter.Default with { Opd = opd }, range, now, CancellationToken.None);

        for (var i = 0; i < range.Days; i++)
        {
            var start = Wib.StartOfDayUtc(range.From.AddDays(i));
            var end = start.AddDays(1) < now.UtcDateTime ? start.AddDays(1) : now.UtcDateTime;
            var span = "MAX(0.0, MIN(julianday(COALESCE(i.\"To\", @now)), julianday(@end)) - MAX(julianday(i.\"From\"), julianday(@start)))";
            (string, object)[] p = [("@now", TrendDatabase.Stamp(now.UtcDateTime)), ("@start", TrendDatabase.Stamp(start)), ("@end", TrendDatabase.Stamp(end)), ("@kind", kind.ToString()), ("@opd", opd ?? "")];
            var scope = "FROM DeviceStatusIntervals i JOIN Devices d ON d.Id = i.DeviceId WHERE d.Kind = @kind AND d.Lifecycle = 'Active'" + (opd is null ? "" : " AND d.OpdCode = @opd");
            var monitoredDays = Sql.Real($"SELECT COALESCE(SUM({span}), 0) {scope}", p);
            var upDays = Sql.Real($"SELECT COALESCE(SUM({span}), 0) {scope} AND i.Status IN ('Online', 'Degraded')", p);

            Assert.True(monitoredDays > 0);
            Assert.Equal(monitoredDays * 24, perDay[i].Monitored.TotalHours, 2);
            Assert.Equal(upDays / monitoredDays, perDay[i].Ratio!.Value, 6);
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("DISHUB", null)]
    [InlineData(null, "33.74.01")]
    public async Task UptimePerDay_FromHourlyRollups_EqualsTheIntervalsForWholeDays(string? opd, string? kecamatan)
    {
        var range = DayRange.Last(7, Today);
        var now = SituationAppFactory.Now;
        var filter = TrendFilter.Default with { Opd = opd, Kecamatan = kecamatan };
        await using var db = await ContextAsync();

        // The rollups of the whole week, as a monitor that ran all week would hold them (a first start rolls up three days).
        await SituationRoom.Web.Features.Devices.DeviceRollupStore.RecomputeAsync(db, new DateTimeOffset(range.StartUtc.AddDays(-1), TimeSpan.Zero), now, CancellationToken.None);
        var whole = await DeviceUptimeQueries.WholeRollupDaysAsync(db, range, now, CancellationToken.None);
        Assert.NotNull(whole);
        Assert.Equal(range.From, whole.From);
        Assert.Equal(range.To.AddDays(-1), whole.To); // today is not over: it walks the intervals

        var fromRollups = await DeviceUptimeQueries.PerDayAsync(db, filter, range, now, useRollups: true, CancellationToken.None);
        var fromIntervals = await DeviceUptimeQueries.PerDayAsync(db, filter, range, now, useRollups: false, CancellationToken.None);
        for (var i = 0; i < range.Days; i++)
        {
            Assert.True(fromIntervals.Values.Any(days => days[i].Monitored > TimeSpan.Zero), $"day {i}: nothing monitored");
        }

        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            for (var i = 0; i < range.Days; i++)
            {
                var (r, v) = (fromRollups[kind][i], fromIntervals[kind][i]);
                Assert.True(Math.Abs((r.Monitored - v.Monitored).TotalSeconds) < 0.01, $"{kind} day {i} monitored: {r.Monitored} vs {v.Monitored}");
                Assert.True(Math.Abs((r.Up - v.Up).TotalSeconds) < 0.01, $"{kind} day {i} up: {r.Up} vs {v.Up}");
            }
        }

        // And both are the SQL of the hourly table, day by day, for the whole days.
        for (var i = 0; i < range.Days - 1; i++)
        {
            var start = Wib.StartOfDayUtc(range.From.AddDays(i));
            (string, object)[] p = [("@start", TrendDatabase.Stamp(start)), ("@end", TrendDatabase.Stamp(start.AddDays(1))), ("@opd", opd ?? ""), ("@kec", kecamatan ?? "")];
            var where = "Kind = 'Camera' AND HourStart >= @start AND HourStart < @end" + (opd is null ? "" : " AND OpdCode = @opd") + (kecamatan is null ? "" : " AND KecamatanCode = @kec");
            Assert.Equal(Sql.Real($"SELECT COALESCE(SUM(MonitoredSeconds), 0) FROM DeviceHourlyRollups WHERE {where}", p), fromRollups[DeviceKind.Camera][i].Monitored.TotalSeconds, 2);
        }
    }

    [Fact]
    public async Task DeviceList_RowsOfAWindow_AddUpToTheChart()
    {
        var range = DayRange.Last(3, Today);
        var now = SituationAppFactory.Now;
        await using var db = await ContextAsync();
        var chart = Uptime.Sum(await DeviceUptimeQueries.PerDayAsync(db, DeviceKind.Hotspot, TrendFilter.Default, range, now, CancellationToken.None));
        var rows = await DeviceUptimeQueries.PerDeviceAsync(db, DeviceKind.Hotspot, TrendFilter.Default, range.StartUtc, range.EndUtc, now, CancellationToken.None);
        var listed = Uptime.Sum(rows.Select(r => r.Uptime));

        Assert.True(chart.Monitored > TimeSpan.Zero);
        Assert.True(Math.Abs((chart.Monitored - listed.Monitored).TotalSeconds) < 0.05, $"{chart.Monitored} vs {listed.Monitored}");
        Assert.True(Math.Abs((chart.Up - listed.Up).TotalSeconds) < 0.05, $"{chart.Up} vs {listed.Up}");
    }

    [Fact]
    public async Task MonthCells_EqualTheSumOfTheirDayCells_InEveryColumn()
    {
        await using var db = await ContextAsync();
        string[] sums =
        [
            "Received", "Closed", "ClosedWithinSla", "Resolved", "ResolvedWithin6h", "ResolvedWithin12h", "ResolvedWithin1d", "ResolvedWithin2d",
            "ResolvedWithin3d", "ResolvedWithin4d", "ResolvedWithin5d", "ResolvedWithin6d", "ResolvedWithin7d", "ResolvedWithin8d", "ResolvedWithin9d",
            "ResolvedWithin10d", "ResolvedWithin14d", "ResolvedWithin21d", "ResolvedWithin30d",
        ];
        var keys = "OpdCode, KecamatanCode, CategoryCode, Channel";
        var months = $"SELECT Start, {keys}, {string.Join(", ", sums)} FROM ComplaintRollupCells WHERE Grain = 'Month'";
        var days = $"SELECT substr(Start, 1, 8) || '01', {keys}, {string.Join(", ", sums.Select(c => $"SUM({c})"))} FROM ComplaintRollupCells WHERE Grain = 'Day' GROUP BY 1, {keys}";

        Assert.True(Sql.Scalar("SELECT COUNT(DISTINCT Start) FROM ComplaintRollupCells WHERE Grain = 'Month'") >= 2);
        Assert.Equal(0, Sql.Scalar($"SELECT COUNT(*) FROM ({months} EXCEPT {days})"));
        Assert.Equal(0, Sql.Scalar($"SELECT COUNT(*) FROM ({days} EXCEPT {months})"));

        // And each month's cells count the raw complaints received in it, per owner.
        var raw = Sql.Rows("SELECT substr(date(ReceivedAt, '+7 hours'), 1, 8) || '01', COALESCE(OpdCode, ''), COUNT(*) FROM Complaints GROUP BY 1, 2");
        var cells = Sql.Rows("SELECT Start, OpdCode, SUM(Received) FROM ComplaintRollupCells WHERE Grain = 'Month' GROUP BY 1, 2 HAVING SUM(Received) > 0");
        Assert.Equal(raw.Select(r => $"{r[0]} {r[1]} {r[2]}").Order(), cells.Select(r => $"{r[0]} {r[1]} {r[2]}").Order());
    }

    [Fact]
    public async Task DeviceLists_NowMeasures_CountWhatTheWallShows()
    {
        var situation = factory.Services.GetRequiredService<LiveSituation>().Current;
        var now = SituationAppFactory.Now.UtcDateTime;
        await using var db = await ContextAsync();

        Assert.Equal(situation.Wifi.Active - situation.Wifi.Up, await DeviceUptimeQueries.Now(db, DeviceKind.Hotspot, DeviceMeasure.Down, TrendFilter.Default, now).CountAsync());
        Assert.Equal(situation.Cctv.DarkOver24h, await DeviceUptimeQueries.Now(db, DeviceKind.Camera, DeviceMeasure.DarkLong, TrendFilter.Default, now).CountAsync());
        Assert.Equal(situation.Cctv.SwitchedOff, await DeviceUptimeQueries.Now(db, DeviceKind.Camera, DeviceMeasure.SwitchedOff, TrendFilter.Default, now).CountAsync());
    }

    [Fact]
    public async Task SmartScores_Chart_HoldsEveryStoredMonthlyScore()
    {
        // The league scorer runs in the background from start; wait until it has stored a month.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Sql.Scalar("SELECT COUNT(*) FROM SmartScores WHERE PeriodKind = 'Month'") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var range = DayRange.Last(90, Today);
        await using var db = await ContextAsync();
        var scores = await TrendQueries.MonthlyScoresAsync(db, null, range, CancellationToken.None);

        Assert.NotEmpty(scores);
        Assert.Equal(Sql.Scalar("SELECT COUNT(*) FROM SmartScores WHERE PeriodKind = 'Month' AND PeriodStart >= @from AND PeriodStart <= @to", ("@from", "2026-08-01"), ("@to", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), scores.Count);
    }

    private static readonly (TrendDimension By, string Column)[] Dimensions =
    [
        (TrendDimension.Category, "CategoryCode"), (TrendDimension.Channel, "Channel"), (TrendDimension.Opd, "OpdCode"), (TrendDimension.Kecamatan, "KecamatanCode"),
    ];

    private Dictionary<(string Day, string Key), long> Grouped(string sql, string from, string to) =>
        Sql.Rows(sql, ("@from", from), ("@to", to)).ToDictionary(r => ((string)r[0], (string)r[1]), r => (long)r[2]);

    private async Task<SituationDbContext> ContextAsync()
    {
        await factory.Services.GetRequiredService<ComplaintRollup>().CatchUpAsync(CancellationToken.None);
        return await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
    }

    internal static Func<string, string?> Reader(string url)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        return key => values.TryGetValue(key, out var v) ? v.FirstOrDefault() : null;
    }
}
