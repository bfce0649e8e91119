using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Features.DemoCity;

namespace SituationRoom.Web.Data;

/// <summary>Brings the database to the current schema before anything reads it, and fills an empty one with the demo city.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var factory = app.Services.GetRequiredService<IDbContextFactory<SituationDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();

        var demo = app.Services.GetRequiredService<IOptions<DemoCityOptions>>().Value;
        if (!demo.SeedWhenEmpty || await db.Opds.AnyAsync())
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var city = DemoCityGenerator.Generate(demo, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await DemoCityLoader.LoadAsync(db, city, CancellationToken.None);
        logger.LogInformation(
            "Demo city loaded in {Elapsed} ms: {Opds} OPD, {Devices} devices, {Complaints} complaints",
            clock.ElapsedMilliseconds,
            city.Opds.Count,
            city.Devices.Count,
            city.Complaints.Count);
    }
}
