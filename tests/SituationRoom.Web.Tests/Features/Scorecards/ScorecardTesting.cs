using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.Scorecards;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Scorecards;

/// <summary>What the scorecard tests share: scoring the demo city on demand and reading rows back as plain text.</summary>
internal static class ScorecardTesting
{
    /// <summary>The period every test looks at: the month of <see cref="SituationAppFactory.Now"/> (20 November 2026).</summary>
    public const string Month = "2026-11";

    public static async Task<ScoringReport> ScoreAsync(this SituationAppFactory factory, ScoringScope scope = ScoringScope.Full)
    {
        _ = factory.Server;
        return await factory.Services.GetRequiredService<LeagueScorer>().RecomputeAsync(scope, CancellationToken.None);
    }

    /// <summary>Every stored automatic value and score, one line each, ordered by their natural key and without ids or
    /// times, so two states of the store compare as text.</summary>
    public static List<string> StoredRows(this SituationAppFactory factory)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        var rows = Query(connection, "SELECT OpdCode, PeriodKind, PeriodStart, IndicatorCode, printf('%.17g', Value), printf('%.17g', Weight) FROM SmartIndicatorValues WHERE IsManual = 0 ORDER BY 1, 2, 3, 4");
        rows.AddRange(Query(connection, "SELECT OpdCode, PeriodKind, PeriodStart, RuleSetVersion, printf('%.17g', Composite), printf('%.17g', Systemic), printf('%.17g', Monitorable), printf('%.17g', Accessible), printf('%.17g', Reliable), printf('%.17g', Timebound), printf('%.17g', AutomaticCoverage), Rankable FROM SmartScores ORDER BY 1, 2, 3"));
        return rows;
    }

    public static long Count(this SituationAppFactory factory, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(this SituationAppFactory factory, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Reads an Indonesian-formatted number as shown on a page ("1.234,56", "−0,50", "83,68").</summary>
    public static double? ParseId(string text)
    {
        var t = text.Trim().Replace("−", "-", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return t is "–" or "" ? null : double.Parse(t, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
