using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Data;

/// <summary>
/// The migrations are written by hand, so this is what keeps them honest: a database built by the migrations
/// must have exactly the tables, columns, keys and indexes that the model would create on its own.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_BuildsExactlyTheModelsSchema()
    {
        using var migrated = new TempDatabase();
        using var created = new TempDatabase();
        await using (var db = Context(migrated.Path))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Context(created.Path))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = Schema(created.Path);
        var actual = Schema(migrated.Path);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, shape) in expected)
        {
            Assert.Equal(shape, actual[table]);
        }
    }

    [Fact]
    public async Task Migrate_AppliesEveryMigration_NonePending()
    {
        using var file = new TempDatabase();
        await using var db = Context(file.Path);
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Open_Database_IsInWalMode()
    {
        using var file = new TempDatabase();
        await using var db = Context(file.Path);
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private static SituationDbContext Context(string path)
    {
        var builder = new DbContextOptionsBuilder<SituationDbContext>();
        DataServices.Configure(builder, DataServices.ConnectionString(path));
        return new SituationDbContext(builder.Options);
    }

    /// <summary>Each table as text: columns (name, type, nullability, key), foreign keys and indexes, in a stable order.</summary>
    private static Dictionary<string, string> Schema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'")
            .Select(r => r[0]).ToList();
        return tables.ToDictionary(t => t, t => string.Join("\n", new[]
        {
            Query(connection, $"PRAGMA table_info(\"{t}\")").Select(r => $"col {r[1]} {r[2]} notnull={r[3]} pk={r[5]}").Order(),
            Query(connection, $"PRAGMA foreign_key_list(\"{t}\")").Select(r => $"fk {r[3]} -> {r[2]}.{r[4]} delete={r[6]}").Order(),
            Query(connection, $"PRAGMA index_list(\"{t}\")")
                .Where(r => r[3] != "pk")
                .Select(r => $"ix {r[1]} unique={r[2]} ({string.Join(",", Query(connection, $"PRAGMA index_info(\"{r[1]}\")").Select(c => c[2]))})")
                .Order(),
        }.SelectMany(x => x)));
    }

    private static List<string[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }
}
