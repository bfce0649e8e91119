using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Scorecards;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Scorecards;

/// <summary>The stored SMART history: recomputation idempotent and deterministic, periods rolled up from days, and the
/// coverage rule and not-applicable renormalisation as the web path applies them.</summary>
public sealed class ScorecardRecorderTests(SituationAppFactory factory) : IClassFixture<SituationAppFactory>
{
    [Fact]
    public async Task Record_RunTwice_SecondRunWritesNothingAndTheRowsAreTheSame()
    {
        await factory.ScoreAsync(ScoringScope.Full);
        var first = factory.StoredRows();

        var again = await factory.ScoreAsync(ScoringScope.Full);
        var incremental = await factory.ScoreAsync(ScoringScope.Incremental);

        Assert.Equal(0, again.ValuesWritten + again.ScoresWritten);
        Assert.Equal(0, incremental.ValuesWritten + incremental.ScoresWritten);
        Assert.Equal(first, factory.StoredRows());
    }

    [Fact]
    public async Task Record_FromAnEmptyHistory_RebuildsExactlyTheSameRows()
    {
        await factory.ScoreAsync(ScoringScope.Full);
        var before = factory.StoredRows();

        factory.Execute("DELETE FROM SmartScores; DELETE FROM SmartIndicatorValues WHERE IsManual = 0 AND NOT (PeriodKind = 'Day' AND PeriodStart = '2026-11-20');");
        await factory.ScoreAsync(ScoringScope.Full);

        // Today's point-in-time readings were kept (they cannot be read again for a past day); everything else is rebuilt.
        Assert.Equal(before, factory.StoredRows());
    }

    [Fact]
    public async Task Record_StoresDaysWeeksMonthsAndQuartersOfEveryOpd()
    {
        var report = await factory.ScoreAsync();

        // History goes back 400 days, widened to the quarter; scores only from 1 January 2026, when smart-2026.1 took effect.
        var opds = factory.Count("SELECT COUNT(*) FROM Opds");
        var firstRules = new DateOnly(2026, 1, 1);
        Assert.Equal(new DateOnly(2025, 10, 1), report.FirstDay);
        Assert.Equal(0, factory.Count("SELECT COUNT(*) FROM SmartScores WHERE PeriodStart < '2026-01-01'"));
        Assert.Equal(opds * (report.Today.DayNumber - firstRules.DayNumber + 1), factory.Count("SELECT COUNT(*) FROM SmartScores WHERE PeriodKind = 'Day'"));
        Assert.Equal(opds * 11, factory.Count("SELECT COUNT(*) FROM SmartScores WHERE PeriodKind = 'Month'"));
        Assert.Equal(opds * 4, factory.Count("SELECT COUNT(*) FROM SmartScores WHERE PeriodKind = 'Quarter'"));
        Assert.Equal(opds, factory.Count("SELECT COUNT(*) FROM SmartScores WHERE PeriodKind = 'Week' AND PeriodStart = '2026-11-16'"));
        Assert.Equal(0, factory.Count("SELECT COUNT(*) FROM SmartScores WHERE PeriodStart > '2026-11-20'"));
    }

    [Theory]
    [InlineData("2026-10")]
    [InlineData("2026-11")]
    public async Task MonthRolledUpFromDays_EqualsTheMonthComputedDirectly(string key)
    {
        await factory.ScoreAsync();
        var month = Period.ParseKey(key);
        var now = SituationAppFactory.Now;
        await using var db = await Db();
        var complaints = await ScoringInputs.ComplaintsAsync(db, month.StartUtc.AddDays(-1), CancellationToken.None);
        var devices = await ScoringInputs.DeviceStandingsAsync(
            db, await ScoringInputs.DevicesAsync(db, factory.Services.GetRequiredService<LiveSituation>(), CancellationToken.None), month.StartUtc, month.EndUtc, CancellationToken.None);
        var stored = (await db.SmartIndicatorValues.AsNoTracking()
                .Where(v => !v.IsManual && v.PeriodKind == "Month" && v.PeriodStart == month.Start)
                .ToListAsync())
            .ToDictionary(v => (v.OpdCode, v.IndicatorCode), v => v.Value);
        var compared = 0;

        foreach (var opd in await db.Opds.Select(o => o.Code).ToListAsync())
        {
            var window = new TimeWindow(new DateTimeOffset(month.StartUtc, TimeSpan.Zero), new DateTimeOffset(month.EndUtc, TimeSpan.Zero));
            var direct = AutomaticIndicators.Compute(complaints.OwnedBy(opd), devices[opd].ToList(), window, now);
            foreach (var (code, reading) in direct)
            {
                var rolledUp = stored.GetValueOrDefault((opd, code));
                Assert.True(reading.Value is null == rolledUp is null, $"{opd} {code}: direct {reading.Value}, from days {rolledUp}");
                if (reading.Value is { } value)
                {
                    Assert.True(Math.Abs(value - rolledUp!.Value) < 1e-9, $"{opd} {code}: direct {value}, from days {rolledUp}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 50, $"only {compared} readings compared");
    }

    [Fact]
    public async Task OpdWithOnlyManualIndicators_IsScoredRenormalisedButNotRanked()
    {
        await AddOpdWithOnlyManualIndicatorsAsync("UJI-MANUAL");
        await factory.ScoreAsync(ScoringScope.Incremental);
        using var client = await factory.SignInAsync();

        var league = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/scorecards?period={ScorecardTesting.Month}");
        var line = league.GetProperty("opds").EnumerateArray().Single(o => o.GetProperty("opd").GetString() == "UJI-MANUAL");
        var explain = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/scorecards/UJI-MANUAL/explain?period={ScorecardTesting.Month}");

        // S: level 4 → 80; A: 90% online → 90; R: 4.6 → level 5 → 100. M and T have no data: their weight is shared out.
        Assert.Equal(90, line.GetProperty("composite").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("dimensions").GetProperty("timebound").ValueKind);
        Assert.Equal(0, line.GetProperty("automaticCoverage").GetDouble());
        Assert.True(line.GetProperty("insufficientData").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("rank").ValueKind);
        var ranked = league.GetProperty("opds").EnumerateArray().Where(o => o.GetProperty("ranked").GetBoolean()).ToList();
        Assert.Equal(league.GetProperty("ranked").GetInt32(), ranked.Count);
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(o => o.GetProperty("rank").GetInt32()).Order().Select((r, i) => i + 1));

        var dimensions = explain.GetProperty("dimensions").EnumerateArray().ToList();
        var systemic = dimensions.Single(d => d.GetProperty("dimension").GetString() == "Systemic");
        Assert.Equal(100.0 / 3, systemic.GetProperty("effectiveWeight").GetDouble(), 3);
        var feeds = systemic.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "S.feeds_connected");
        Assert.False(feeds.GetProperty("applicable").GetBoolean());
        Assert.Equal(0, feeds.GetProperty("effectiveWeight").GetDouble());
        var integrated = systemic.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "S.systems_integrated");
        Assert.Equal(100, integrated.GetProperty("effectiveWeight").GetDouble());
        Assert.Equal(90, dimensions.SelectMany(d => d.GetProperty("indicators").EnumerateArray()).Sum(i => i.GetProperty("contribution").ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : i.GetProperty("contribution").GetDouble()), 2);
    }

    [Fact]
    public async Task Wall_League_LeavesOutOpdsWithInsufficientData()
    {
        await AddOpdWithOnlyManualIndicatorsAsync("UJI-WALL");
        await factory.ScoreAsync(ScoringScope.Incremental);

        var panel = factory.Services.GetRequiredService<LiveSituation>().Current.League;
        await using var db = await Db();
        var rankable = await db.SmartScores.CountAsync(s => s.PeriodKind == "Month" && s.PeriodStart == new DateOnly(2026, 11, 1) && s.Rankable && s.Composite != null);

        Assert.Equal(rankable, panel.Ranked);
        Assert.DoesNotContain(panel.Top.Concat(panel.Bottom), e => e.OpdCode == "UJI-WALL");
        Assert.True(panel.Top.Count > 0);
    }

    private async Task AddOpdWithOnlyManualIndicatorsAsync(string code)
    {
        await using var db = await Db();
        db.Opds.Add(new Opd { Code = code, Name = "Dinas Uji " + code, ShortName = code, Kind = "Dinas" });
        foreach (var (indicator, value) in new[] { ("S.systems_integrated", 4.0), ("A.online_services", 90.0), ("R.satisfaction", 4.6) })
        {
            db.SmartIndicatorValues.Add(new SmartIndicatorValue
            {
                OpdCode = code,
                PeriodKind = "Month",
                PeriodStart = new DateOnly(2026, 11, 1),
                IndicatorCode = indicator,
                Value = value,
                Weight = 1,
                IsManual = true,
                RecordedAt = SituationAppFactory.Now.UtcDateTime,
                RecordedBy = "uji",
            });
        }

        await db.SaveChangesAsync();
    }

    private Task<SituationDbContext> Db() =>
        factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
}
