namespace SituationRoom.Core.Devices;

public sealed class AreaPopulation
{
    public static readonly AreaPopulation Empty = new(new Dictionary<AreaKey, int>());

    private readonly IReadOnlyDictionary<AreaKey, int> counts;

    public AreaPopulation(IReadOnlyDictionary<AreaKey, int> counts) => this.counts = counts;

    public static AreaPopulation Count(IEnumerable<(string KecamatanCode, string? KelurahanCode)> activeDevices)
    {
        var counts = new Dictionary<AreaKey, int>();
        foreach (var (kecamatan, kelurahan) in activeDevices)
        {
            var key = AreaKey.Kecamatan(kecamatan);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (kelurahan is not null)
            {
                key = AreaKey.Kelurahan(kelurahan);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return new AreaPopulation(counts);
    }

    public int Of(AreaKey area) => counts.GetValueOrDefault(area);
}
