using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
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

    private static List<string> Read(SqliteCommand command, Func<SqliteDataReader, string> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private T Query<T>(string sql, (string Name, object Value)[] parameters, Func<SqliteCommand, T> run)
    {
        // The app makes the database as it starts; a test may read before its first request.
        _ = Server;
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return run(command);
    }

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
