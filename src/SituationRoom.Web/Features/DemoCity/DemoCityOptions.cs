namespace SituationRoom.Web.Features.DemoCity;

/// <summary>The "DemoCity" configuration section: whether an empty database is filled, and how big the city is.</summary>
public sealed class DemoCityOptions
{
    public const string Section = "DemoCity";

    /// <summary>Fill an empty database with the demo city on start. Off for a real deployment.</summary>
    public bool SeedWhenEmpty { get; set; }

    public int RandomSeed { get; set; } = 1708;

    public int Hotspots { get; set; } = 2300;

    public int Cameras { get; set; } = 10_000;

    public int ComplaintDays { get; set; } = 365;

    public double ComplaintsPerDay { get; set; } = 110;

    public int DeviceHistoryDays { get; set; } = 14;

    public SimulatorOptions Simulator { get; set; } = new();
}

/// <summary>The live simulator that feeds the running app through the real ingestion code.</summary>
public sealed class SimulatorOptions
{
    public bool Enabled { get; set; }

    /// <summary>How often the simulator acts. Each tick sends device reports and, now and then, complaints.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Complaints per hour, on average; the demo runs hotter than a real city so the wall visibly moves.</summary>
    public double ComplaintsPerHour { get; set; } = 240;

    /// <summary>Share of active devices that change status in an ordinary tick.</summary>
    public double DeviceChurnPerTick { get; set; } = 0.0008;

    /// <summary>Chance per tick that a kelurahan loses power or backbone and its devices go dark together.</summary>
    public double AreaOutageChancePerTick { get; set; } = 0.004;

    public TimeSpan AreaOutageDuration { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>A device already dark this long when the simulator first sees it stays dark (a camera nobody has
    /// fixed for days), so the wall's "dark for more than 24 hours" keeps its meaning while the demo runs.</summary>
    public TimeSpan ChronicDarkAfter { get; set; } = TimeSpan.FromHours(6);
}
