using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.DemoCity;

namespace SituationRoom.Benchmarks;

/// <summary>How long the demo city takes to generate and to load into a fresh SQLite file (the first start of the app).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DemoCityBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private DemoCityData city = default!;
    private string folder = "";

    [GlobalSetup]
    public void Setup()
    {
        city = DemoCityGenerator.Generate(new DemoCityOptions(), Now);
        folder = Directory.CreateTempSubdirectory("situationroom-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public DemoCityData Generate() => DemoCityGenerator.Generate(new DemoCityOptions(), Now);

    [Benchmark]
    public async Task MigrateAndLoad()
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<SituationDbContext>();
        DataServices.Configure(builder, DataServices.ConnectionString(path));
        await using var db = new SituationDbContext(builder.Options);
        await db.Database.MigrateAsync();
        await DemoCityLoader.LoadAsync(db, city, CancellationToken.None);
    }
}
