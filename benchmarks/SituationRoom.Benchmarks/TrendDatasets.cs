using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Trends;

namespace SituationRoom.Benchmarks;

/// <summary>
/// The SQLite files the trend benchmarks read, made once and kept in the temp folder (a million complaints take a
/// minute or two to write; BenchmarkDotNet starts a process per benchmark). Delete the folder to make them again.
/// </summary>
public static class TrendDatasets
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    public const string DemoYear = "demo-year";

    public const string Million = "million";

    // Bump when the generator or the schema changes, so old files are not measured by mistake.
    private const string Version = "v1";

    public static string Folder => Path.Combine(Path.GetTempPath(), "situationroom-trend-bench-" + Version);

    /// <summary>The path of a ready dataset, made first if it is missing.</summary>
    public static string Ensure(string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".db");
        var done = path + ".done";
        if (File.Exists(done))
        {
            EnsureDeviceRollups(path);
            return path;
        }

        using (var mutex = new Mutex(false, "situationroom-trend-bench-" + name))
        {
            mutex.WaitOne();
            try
            {
                if (!File.Exists(done))
                {
                    foreach (var stale in Directory.GetFiles(Folder, name + ".db*"))
                    {
                        File.Delete(stale);
                    }

                    Make(name, path).GetAwaiter().GetResult();
                    File.WriteAllText(done, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                }

                EnsureDeviceRollups(path);
            }
            finally
            {
                mutex.ReleaseMutex();
            }
        }

        return path;
    }

    /// <summary>
    /// The hourly device rollups over the whole device history, as a monitor that has run for those 14 days would have
    /// stored them (the demo loader writes intervals only, and a first start rolls up three days). Made once per file,
    /// also for files made before this step existed. Pending migrations are applied first.
    /// </summary>
    private static void EnsureDeviceRollups(string path)
    {
        // A file made before a later migration gets it (an index, say) rather than being measured on the old schema.
        using (var db = Factory(path).CreateDbContext())
        {
            if (db.Database.GetPendingMigrations().Any())
            {
                db.Database.Migrate();
            }
        }

        var marker = path + ".rollups";
        if (File.Exists(marker))
        {
            return;
        }

        using var mutex = new Mutex(false, "situationroom-trend-bench-rollups-" + Path.GetFileName(path));
        mutex.WaitOne();
        try
        {
            if (File.Exists(marker))
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            using (var db = Factory(path).CreateDbContext())
            {
                var first = db.DeviceStatusIntervals.Min(i => (DateTime?)i.From) ?? Now.UtcDateTime;
                var cells = Web.Features.Devices.DeviceRollupStore
                    .RecomputeAsync(db, new DateTimeOffset(DateTime.SpecifyKind(first, DateTimeKind.Utc)), Now, CancellationToken.None)
                    .GetAwaiter().GetResult();
                Console.WriteLine($"// {Path.GetFileName(path)}: {cells} hourly device rollups in {clock.ElapsedMilliseconds} ms");
            }

            SqliteConnection.ClearAllPools();
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    public static IDbContextFactory<SituationDbContext> Factory(string path)
    {
        var builder = new DbContextOptionsBuilder<SituationDbContext>();
        DataServices.Configure(builder, DataServices.ConnectionString(path));
        return new PooledDbContextFactory<SituationDbContext>(builder.Options);
    }

    private static async Task Make(string name, string path)
    {
        var clock = Stopwatch.StartNew();
        var factory = Factory(path);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();

            // The demo city: its wilayah, OPDs, 12,300 devices with 14 days of history, and (for the demo year) its complaints.
            var options = new DemoCityOptions { ComplaintDays = name == DemoYear ? 365 : 0, ComplaintsPerDay = name == DemoYear ? 110 : 0 };
            var city = DemoCityGenerator.Generate(options, Now);
            await DemoCityLoader.LoadAsync(db, city, CancellationToken.None);
            if (name == Million)
            {
                await InsertMillionAsync(db);
            }

            await InsertScoresAsync(db, city.Opds.Select(o => o.Code).ToList());
        }

        var rollup = new ComplaintRollup(factory, NullLogger<ComplaintRollup>.Instance);
        var build = Stopwatch.StartNew();
        await rollup.CatchUpAsync(CancellationToken.None);
        Console.WriteLine($"// {name}: cube built in {build.ElapsedMilliseconds} ms; dataset made in {clock.Elapsed.TotalSeconds:0} s at {path}");
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A million complaints over three years (about 900 a day, eight times the demo city), with the demo city's
    /// mix of categories, channels, places, owners and resolution times, written in one transaction.</summary>
    private static async Task InsertMillionAsync(SituationDbContext db)
    {
        const int Count = 1_000_000;
        var random = new Random(1708);
        var nowUtc = Now.UtcDateTime;
        var start = nowUtc.AddDays(-3 * 365);
        var categories = ComplaintCategories.Default.Select(c => (c.Code, c.OpdCode)).ToArray();
        double[] categoryWeights = [18, 14, 14, 9, 8, 8, 6, 4, 3, 6, 3, 2, 2, 2, 1];
        (ComplaintChannel Channel, double Weight)[] channels =
        [
            (ComplaintChannel.Sms, 32), (ComplaintChannel.App, 24), (ComplaintChannel.Web, 14), (ComplaintChannel.WhatsApp, 14),
            (ComplaintChannel.SocialMedia, 10), (ComplaintChannel.CallCentre, 6),
        ];
        var places = SemarangReference.Geography.Select(g => (g.Code, (double)g.Population)).ToArray();
        var kelurahan = SemarangReference.Kelurahan.GroupBy(k => k.KecamatanCode).ToDictionary(g => g.Key, g => g.Select(k => k.Code).ToArray());
        var opds = await db.Opds.Select(o => o.Code).ToListAsync();
        var quality = opds.ToDictionary(o => o, _ => 0.45 + (random.NextDouble() * 0.53));
        string[] bigOpds = ["DPU", "DLH", "DISHUB", "SATPOLPP", "DISPERKIM"];

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        string[] columns = ["Ticket", "Channel", "Text", "KecamatanCode", "KelurahanCode", "CategoryCode", "OpdCode", "Status", "ReceivedAt", "DueAt", "ClosedAt", "UpdatedAt", "ReopenCount"];
        command.CommandText = $"INSERT INTO \"Complaints\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        command.Prepare();

        var span = (nowUtc - start).Ticks;
        for (var n = 0; n < Count; n++)
        {
            // Evenly through time with jitter; order does not matter to SQLite's indexes.
            var received = start.AddTicks((long)((n + random.NextDouble()) / Count * span));
            var (category, owner) = categories[Pick(random, categoryWeights)];
            owner ??= bigOpds[random.Next(bigOpds.Length)];
            if (random.NextDouble() < 0.04)
            {
                owner = opds[random.Next(opds.Count)];
            }

            var kecamatan = places[Pick(random, places.Select(p => p.Item2).ToArray())].Code;
            var q = quality.GetValueOrDefault(owner, 0.7);
            var status = ComplaintStatus.InProgress;
            DateTime? closed = null;
            if (random.NextDouble() < 0.06)
            {
                status = ComplaintStatus.Rejected;
                closed = received.AddDays(0.2 + (random.NextDouble() * 1.5));
            }
            else if (random.NextDouble() > 0.01)
            {
                status = ComplaintStatus.Resolved;
                var days = random.NextDouble() < 0.10 * (1.2 - q) ? 12 + (random.NextDouble() * 40) : LogNormal(random, 2 + (11 * (1 - q)), 0.7) + 1.5;
                closed = received.AddDays(days);
            }

            if (closed > nowUtc)
            {
                status = ComplaintStatus.InProgress;
                closed = null;
            }

            object?[] values =
            [
                $"LHB-{n + 1:0000000}", channels[Pick(random, channels.Select(c => c.Weight).ToArray())].Channel.ToString(), "Pengaduan (data uji beban)",
                kecamatan, kelurahan[kecamatan][random.Next(kelurahan[kecamatan].Length)], category, owner, status.ToString(),
                received, received.AddDays(10), closed, closed ?? received, 0,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>Monthly SMART scores for three years, as the league scorer would have stored them.</summary>
    private static async Task InsertScoresAsync(SituationDbContext db, List<string> opds)
    {
        var random = new Random(17);
        var month = new DateOnly(2026, 11, 1);
        for (var m = 0; m < 36; m++, month = month.AddMonths(-1))
        {
            foreach (var opd in opds)
            {
                double Score() => Math.Round(40 + (random.NextDouble() * 60), 2);
                db.SmartScores.Add(new Web.Features.Scorecards.SmartScore
                {
                    OpdCode = opd,
                    PeriodKind = "Month",
                    PeriodStart = month,
                    RuleSetVersion = "smart-2026.1",
                    Composite = Score(),
                    Systemic = Score(),
                    Monitorable = Score(),
                    Accessible = Score(),
                    Reliable = Score(),
                    Timebound = Score(),
                    ComputedAt = Now.UtcDateTime,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double LogNormal(Random random, double median, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * normal);
    }
}
