using SituationRoom.Core.Complaints;
using SituationRoom.Core.Wilayah;

namespace SituationRoom.Core.Tests.Complaints;

/// <summary>The city's real reference data, read once from the repository's assets so tests match what ships.</summary>
internal static class SemarangWilayah
{
    private static readonly Lazy<(IReadOnlyList<Kecamatan> Kecamatan, IReadOnlyList<Kelurahan> Kelurahan)> Data = new(Load);
    private static readonly Lazy<Gazetteer> LazyGazetteer = new(() => SemarangGazetteer.Create(Kecamatan, Kelurahan));

    public static IReadOnlyList<Kecamatan> Kecamatan => Data.Value.Kecamatan;

    public static IReadOnlyList<Kelurahan> Kelurahan => Data.Value.Kelurahan;

    public static Gazetteer Gazetteer => LazyGazetteer.Value;

    private static (IReadOnlyList<Kecamatan>, IReadOnlyList<Kelurahan>) Load()
    {
        var rows = File.ReadAllLines(FindCsv())
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .ToList();
        var kecamatan = rows.Select(r => new Kecamatan(r[0], r[1])).Distinct().ToList();
        var kelurahan = rows.Select(r => new Kelurahan(r[2], r[0], r[3])).ToList();
        return (kecamatan, kelurahan);
    }

    private static string FindCsv()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "assets", "reference", "semarang-wilayah.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("assets/reference/semarang-wilayah.csv not found above " + AppContext.BaseDirectory);
    }
}
