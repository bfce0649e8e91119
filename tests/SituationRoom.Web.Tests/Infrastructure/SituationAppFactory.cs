using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file of its own, filled with a small demo city (so a test run stays quick)
/// and with the simulator off unless a test turns it on. The clock is fixed so counts can be compared exactly.
/// </summary>
public class SituationAppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase database = new();

    public string DatabasePath => database.Path;

    public ManualClock Clock { get; } = new(Now);

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "300",
        ["DemoCity:Cameras"] = "900",
        ["DemoCity:ComplaintDays"] = "60",
        ["DemoCity:ComplaintsPerDay"] = "60",
        ["DemoCity:Simulator:Enabled"] = "false",
    };

    /// <summary>
    /// The wall's snapshot once the start-up refresh of complaint clocks has finished and been composed in: that refresh
    /// rewrites stored dues in batches while the wall recomposes on its own timer, so a test comparing the wall with the
    /// database must not read in between.
    /// </summary>
    public async Task<SituationSnapshot> SettledSituationAsync()
    {
        var refresh = Services.GetServices<IHostedService>().OfType<ComplaintSlaRefresh>().Single();
        if (refresh.ExecuteTask is { } running)
        {
            await running;
        }

        return Services.GetRequiredService<LiveSituation>().Compose(Clock.GetUtcNow(), force: true)!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", database.Path);

        // Many tests sign in from the same (absent) client address; the limiter's own tests set small limits again.
        builder.UseSetting("Access:Limits:SignInPerMinute", "100000");
        builder.UseSetting("Access:Limits:AnonymousPerMinute", "100000");
        builder.UseSetting("Access:Limits:InvalidPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}
