using SituationRoom.Core.Wilayah;

namespace SituationRoom.Core.Complaints;

public static class SemarangGazetteer
{
    /// <summary>Kelurahan or kecamatan names that are ordinary Indonesian or Javanese words ("kudu" = must, "bendungan" = weir).</summary>
    public static IReadOnlyList<string> CommonWordNames { get; } =
    [
        "Kudu", "Pesantren", "Bendungan", "Candi", "Tugu", "Wates", "Tandang", "Gemah", "Bringin", "Kuningan", "Sawah Besar",
    ];

    public static IReadOnlyList<Landmark> SpellingVariants { get; } =
    [
        new("Pendrikan Kidul", "33.74.01", "33.74.01.1014"),
        new("Pendrikan Lor", "33.74.01", "33.74.01.1015"),
    ];

    public static Gazetteer Create(IEnumerable<Kecamatan> kecamatan, IEnumerable<Kelurahan> kelurahan) =>
        new(kecamatan, kelurahan, SemarangLandmarks.All.Concat(SpellingVariants), CommonWordNames);
}
