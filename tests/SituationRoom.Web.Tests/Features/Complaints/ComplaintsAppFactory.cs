using System.Globalization;
using Microsoft.Data.Sqlite;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>The app for the complaint tests: the small demo city, a public form limit the tests do not reach, and
/// helpers to read the store directly, as a second process would.</summary>
public class ComplaintsAppFactory : SituationAppFactory
{
    /// <summary>The development keys of appsettings.Development.json ("Ingestion:DevelopmentKeys"), one per kind of client:
    /// each intake route takes one kind only (docs/access.md, "Ingestion clients").</summary>
    public const string SmsGatewayKey = "dev-lapor-hendi-1708";

    /// <inheritdoc cref="SmsGatewayKey"/>
    public const string ComplaintSourceKey = "dev-pengaduan-1708";

    /// <inheritdoc cref="SmsGatewayKey"/>
    public const string HotspotControllerKey = "dev-hotspot-1708";

    /// <inheritdoc cref="SmsGatewayKey"/>
    public const string CameraSystemKey = "dev-cctv-1708";

    protected virtual int PublicFormLimit => 10_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Complaints:PublicForm:PermitLimit"] = PublicFormLimit.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The SMS gateway, for POST /api/ingest/sms.</summary>
    public HttpClient SmsGateway() => Ingestion(SmsGatewayKey);

    /// <summary>A complaint source (call centre, app back end), for POST /api/complaints.</summary>
    public HttpClient ComplaintSource() => Ingestion(ComplaintSourceKey);

    public HttpClient Ingestion(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each row as its columns joined by "|", nulls as "".</summary>
    public List<string> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = Command(connection, sql, []);
        command.ExecuteNonQuery();
    }

    /// <summary>Row counts of everything a complaint write touches, to show that a refusal changed nothing.</summary>
    public string Counts() => string.Join(
        ",",
        new[] { "Complaints", "ComplaintEvents", "ComplaintEvidence", "SmsInbox", "SmsOutbox", "TicketCounters" }
            .Select(t => $"{t}={Scalar($"SELECT COUNT(*) FROM {t}")}")) + $",Last={Scalar("SELECT COALESCE(SUM(Last), 0) FROM TicketCounters")}";

    private SqliteConnection Open()
    {
        _ = Server;
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
