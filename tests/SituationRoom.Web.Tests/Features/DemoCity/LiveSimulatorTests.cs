using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.DemoCity;

/// <summary>The simulator through the real intake and workflow on a SQLite file, with the app's manual clock.</summary>
public sealed class LiveSimulatorTests
{
    [Fact]
    public async Task TickAsync_AnHourThroughTheRealWorkflow_OpenCountHoldsTheBacklogItFound()
    {
        using var factory = new FewDevicesFactory();
        using var _ = factory.CreateClient();
        var simulator = factory.Services.GetRequiredService<LiveSimulator>();

        // Longer ticks than the app's 2 s play the hour quickly; the flow's pace is per hour, so the balance is the same.
        var settings = new SimulatorOptions { Enabled = true, Tick = TimeSpan.FromSeconds(30), DeviceChurnPerTick = 0, AreaOutageChancePerTick = 0 };
        var start = Count(factory, OpenSql);
        var (lowest, highest) = (start, start);

        for (var tick = 0; tick < 120; tick++)
        {
            factory.Clock.Advance(settings.Tick);
            await simulator.TickAsync(settings, CancellationToken.None);
            var open = Count(factory, OpenSql);
            (lowest, highest) = (Math.Min(lowest, open), Math.Max(highest, open));
        }

        var arrived = Count(factory, "SELECT COUNT(*) FROM Complaints WHERE ReceivedAt > @start", ("@start", SituationAppFactory.Now.UtcDateTime));
        var resolved = Count(factory, "SELECT COUNT(*) FROM ComplaintEvents WHERE ToStatus = 'Resolved' AND Actor LIKE '%(simulasi)'");
        Assert.True(start > 100, $"the generated backlog is a real one ({start} open)");
        Assert.True(lowest >= start * 0.85 && highest <= start * 1.15, $"open started at {start} and ranged {lowest}–{highest} over the hour");
        Assert.True(arrived > 100 && resolved > arrived * 0.7, $"{arrived} arrived and {resolved} were resolved by the simulated officers");
    }

    // Heartbeats are not what is tested here; a few devices keep the ticks quick.
    private sealed class FewDevicesFactory : SituationAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["DemoCity:Hotspots"] = "30",
            ["DemoCity:Cameras"] = "30",
        };
    }

    private const string OpenSql = "SELECT COUNT(*) FROM Complaints WHERE Status NOT IN ('Resolved','Rejected')";

    private static int Count(SituationAppFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
