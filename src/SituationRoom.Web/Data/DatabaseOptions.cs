namespace SituationRoom.Web.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file. Relative paths are taken from the app's content root.</summary>
    public string Path { get; set; } = "App_Data/situationroom.db";

    public string FullPath(string contentRoot)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }
}
