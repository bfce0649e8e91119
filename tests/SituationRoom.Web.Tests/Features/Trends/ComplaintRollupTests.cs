using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Trends;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Trends;

/// <summary>The cube follows the complaints as they move: closed, reopened, handed to another OPD.</summary>
public sealed class ComplaintRollupTests : IClassFixture<SituationAppFactory>
{
    private readonly SituationAppFactory factory;
    private readonly TrendDatabase sql;

    public ComplaintRollupTests(SituationAppFactory factory)
    {
        this.factory = factory;
        sql = new TrendDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task CatchUp_AfterResolveReopenAndHandover_CubeEqualsTheComplaints()
    {
        var rollup = factory.Services.GetRequiredService<ComplaintRollup>();
        var transitions = factory.Services.GetRequiredService<ComplaintTransitions>();
        await rollup.CatchUpAsync(CancellationToken.None);

        // An old complaint still in progress: its received day is weeks back, its closure will be today.
        var row = sql.Rows("SELECT Id, OpdCode, Latitude, Longitude FROM Complaints WHERE Status = 'InProgress' AND OpdCode IS NOT NULL AND date(ReceivedAt, '+7 hours') < '2026-11-01' ORDER BY Id LIMIT 1")[0];
        var id = (long)row[0];
        var opd = (string)row[1];
        Evidence[] photo = [new("https://bukti.example/foto.jpg", SituationAppFactory.Now.AddHours(-1), row[2] as double?, row[3] as double?)];

        var resolved = await transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.Resolved, "petugas uji", "Sudah diperbaiki", Evidence: photo), CancellationToken.None);
        Assert.True(resolved.Moved, string.Join("; ", resolved.Errors.SelectMany(e => e.Value)));
        await AssertCubeMatchesAsync();

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var reopened = await transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.InProgress, "warga", "Belum beres"), CancellationToken.None);
        Assert.True(reopened.Moved, string.Join("; ", reopened.Errors.SelectMany(e => e.Value)));
        await AssertCubeMatchesAsync();

        var receiver = opd == "DLH" ? "DPU" : "DLH";
        var handed = await transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.HandedOver, $"petugas {opd}", "Bukan kewenangan kami", receiver), CancellationToken.None);
        Assert.True(handed.Moved, string.Join("; ", handed.Errors.SelectMany(e => e.Value)));
        await AssertCubeMatchesAsync();
    }

    [Fact]
    public async Task CatchUp_ChangeWithoutEvent_HealedByARebuild()
    {
        var rollup = factory.Services.GetRequiredService<ComplaintRollup>();
        await rollup.CatchUpAsync(CancellationToken.None);
        sql.Execute("UPDATE Complaints SET CategoryCode = 'taman' WHERE Id = (SELECT MIN(Id) FROM Complaints WHERE CategoryCode = 'jalan')");

        rollup.Invalidate();

        await AssertCubeMatchesAsync();
    }

    private async Task AssertCubeMatchesAsync()
    {
        await factory.Services.GetRequiredService<ComplaintRollup>().CatchUpAsync(CancellationToken.None);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
        var all = new DayRange(new DateOnly(2026, 9, 1), Wib.DateOf(factory.Clock.GetUtcNow()));
        var cells = await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, all, TrendDimension.Opd, CancellationToken.None);
        var actual = cells.ToDictionary(c => (c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Key), c => c.Tally);
        var received = Grouped("SELECT date(ReceivedAt, '+7 hours'), COALESCE(OpdCode, ''), COUNT(*) FROM Complaints GROUP BY 1, 2");
        var closed = Grouped($"SELECT date(ClosedAt, '+7 hours'), COALESCE(OpdCode, ''), COUNT(*) FROM Complaints WHERE {TrendDatabase.Closed} GROUP BY 1, 2");
        var byCategory = ComplaintTrend.Fold(await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, all, TrendDimension.Category, CancellationToken.None), [all]);

        foreach (var key in actual.Keys.Union(received.Keys).Union(closed.Keys))
        {
            var tally = actual.GetValueOrDefault(key) ?? new ComplaintTally();
            Assert.True(received.GetValueOrDefault(key) == tally.Received, $"received {key}: {received.GetValueOrDefault(key)} in SQL, {tally.Received} in the cube");
            Assert.True(closed.GetValueOrDefault(key) == tally.Closed, $"closed {key}: {closed.GetValueOrDefault(key)} in SQL, {tally.Closed} in the cube");
        }

        // Month cells are summed again from their days whenever one of those days changes.
        var today = Wib.DateOf(factory.Clock.GetUtcNow());
        var months = all.Buckets(Grain.Month);
        var monthly = ComplaintTrend.Fold(await TrendQueries.ComplaintCellsAsync(db, TrendFilter.Default, months, Grain.Month, TrendDimension.Opd, today, CancellationToken.None), months);
        foreach (var (month, i) in months.Select((m, i) => (m, i)))
        {
            var from = month.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = month.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var row in sql.Rows($"SELECT COALESCE(OpdCode, ''), COUNT(*) FROM Complaints WHERE {TrendDatabase.Closed} AND date(ClosedAt, '+7 hours') BETWEEN @from AND @to GROUP BY 1", ("@from", from), ("@to", to)))
            {
                Assert.True((long)row[1] == monthly.ByKey[(string)row[0]][i].Closed, $"closed in {month} by {row[0]}");
            }
        }

        foreach (var row in sql.Rows("SELECT COALESCE(CategoryCode, ''), COUNT(*) FROM Complaints GROUP BY 1"))
        {
            Assert.Equal((long)row[1], byCategory.TotalOf((string)row[0]).Received);
        }
    }

    private Dictionary<(string Day, string Key), long> Grouped(string query) =>
        sql.Rows(query).ToDictionary(r => ((string)r[0], (string)r[1]), r => (long)r[2]);
}
