using Microsoft.Data.Sqlite;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>A SQLite file in a folder of its own, removed with its WAL files afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("situationroom-test-").FullName;

    public string Path => System.IO.Path.Combine(folder, "test.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the OS temp cleaner takes it later.
        }
    }
}
