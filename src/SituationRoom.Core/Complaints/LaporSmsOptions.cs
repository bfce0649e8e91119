namespace SituationRoom.Core.Complaints;

public sealed record LaporSmsOptions
{
    public static LaporSmsOptions Default { get; } = new();

    public IReadOnlyList<string> Keywords { get; init; } = ["LaporHendi"];
}
