using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Devices;

/// <summary>The app with area incidents that open on three devices, as the small test city has few per kelurahan.</summary>
public class DeviceAppFactory : SituationAppFactory
{
    /// <summary>The Development keys of appsettings.Development.json ("Ingestion:DevelopmentKeys"): each feeds only its
    /// own kind of device, and the SMS gateway's feeds none.</summary>
    public const string HotspotKey = "dev-hotspot-1708";

    public const string CameraKey = "dev-cctv-1708";

    public const string SmsKey = "dev-lapor-hendi-1708";

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings)
            {
                ["Devices:AreaIncidents:MinDevices"] = "3",
                ["Devices:SweepInterval"] = "01:00:00",

                // Tests share one app and move its clock: silence would otherwise darken devices between tests.
                // The liveness tests have an app of their own with the real limit.
                ["Devices:SilenceMultiple"] = "1000",
            };
            foreach (var (key, value) in More)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>The SQLite file the app runs on.</summary>
    public virtual string DatabaseFile => DatabasePath;

    /// <summary>Override to change settings on top of these.</summary>
    protected virtual IReadOnlyDictionary<string, string?> More => new Dictionary<string, string?>();

    /// <summary>A client holding the given kind's key: the hotspot controller's or the camera system's.</summary>
    public HttpClient Client(DeviceKind kind) => Client(kind == DeviceKind.Hotspot ? HotspotKey : CameraKey);

    public HttpClient Client(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(IngestionAuth.HeaderName, key);
        return client;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public long Count(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(Scalar(sql, parameters), CultureInfo.InvariantCulture);

    public object? Scalar(string sql, params (string Name, object Value)[] parameters) =>
        Query(sql, parameters, command => command.ExecuteScalar());

    /// <summary>Each row as its columns joined by "|", nulls as "".</summary>
    public List<string> Rows(string sql, params (string Name, object Value)[] parameters) =>
        Query(sql, parameters, command => Read(command, reader => string.Join("|", Enumerable.Range(0, reader.FieldCount)
            .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)))));

    public List<string> Ids(string sql) => Query(sql, [], command => Read(command, reader => reader.GetString(0)));

    /// <summary>Each row's values as SQLite gives them.</summary>
    public List<object[]> Values(string sql) => Query(sql, [], command => Read(command, reader =>
    {
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }));

    private static List<T> Read<T>(SqliteCommand command, Func<SqliteDataReader, T> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private T Query<T>(string sql, (string Name, object Value)[] parameters, Func<SqliteCommand, T> run)
    {
        // The app makes the database as it starts; a test may read before its first request.
        if (!File.Exists(DatabaseFile))
        {
            _ = Server;
        }

        using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return run(command);
    }

    /// <summary>Seconds up and monitored of the active devices of a kind from <paramref name="from"/> to
    /// <paramref name="to"/>, each interval clipped to that window, straight from the interval rows in SQL.</summary>
    public (double Up, double Monitored) UptimeSql(string kind, DateTimeOffset from, DateTimeOffset to, string where = "")
    {
        var clipped = $"(julianday(MIN(COALESCE(i.\"To\", '{Sql(to)}'), '{Sql(to)}')) - julianday(MAX(i.\"From\", '{Sql(from)}'))) * 86400.0";
        var sql = $"""
            SELECT COALESCE(SUM(CASE WHEN i.Status IN ('Online', 'Degraded') THEN {clipped} ELSE 0 END), 0), COALESCE(SUM({clipped}), 0)
            FROM DeviceStatusIntervals i JOIN Devices d ON d.Id = i.DeviceId
            WHERE d.Kind = '{kind}' AND d.Lifecycle = 'Active' AND i."From" < '{Sql(to)}' AND (i."To" IS NULL OR i."To" > '{Sql(from)}') {where}
            """;
        var row = Values(sql)[0];
        return (Convert.ToDouble(row[0], CultureInfo.InvariantCulture), Convert.ToDouble(row[1], CultureInfo.InvariantCulture));
    }

    /// <summary>How EF writes a DateTime in SQLite, so text comparison orders instants.</summary>
    public static string Sql(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>Everything a refused request must leave as it was: rows and statuses of the device tables.</summary>
    public string State() => string.Join(
        "|",
        Count("SELECT COUNT(*) FROM DeviceStatusIntervals"),
        Count("SELECT COUNT(*) FROM Devices"),
        Count("SELECT COUNT(*) FROM Devices WHERE Status = 'Online'"),
        Count("SELECT COUNT(*) FROM DeviceLifecyclePeriods"),
        Count("SELECT COUNT(*) FROM DeviceMaintenanceWindows"),
        Count("SELECT COUNT(*) FROM AreaIncidents"),
        Scalar("SELECT group_concat(Lifecycle || KecamatanCode || OpdCode || Name, ',') FROM Devices"));
}

/// <summary>
/// The app over a SQLite file and a clock that outlive it: dispose one (a graceful stop) and start another on the same
/// file, and that is a restart. Use <see cref="Clock"/> of neither; move the shared one.
/// </summary>
public sealed class RestartableDeviceApp(string databaseFile, ManualClock clock) : DeviceAppFactory
{
    public override string DatabaseFile => databaseFile;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Path", databaseFile);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }
}
