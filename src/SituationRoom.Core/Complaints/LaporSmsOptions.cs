namespace SituationRoom.Core.Complaints;

public sealed record LaporSmsOptions
{
    public static LaporSmsOptions Default { get; } = new();

    public IReadOnlyList<string> Keywords { get; init; } = ["LaporHendi"];

    /// <summary>Words after the keyword that, followed by a ticket number, ask to reopen that ticket.</summary>
    public IReadOnlyList<string> ReopenKeywords { get; init; } = ["Buka kembali", "Buka"];
}
