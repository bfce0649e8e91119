namespace SituationRoom.Core.Complaints;

internal sealed record GazetteerEntry(GazetteerEntryKind Kind, string KecamatanCode, string? KelurahanCode, string Name)
{
    public PlaceMatch ToMatch() => new(KecamatanCode, KelurahanCode, Name);
}
