using SituationRoom.Core.Wilayah;

namespace SituationRoom.Web.Data;

/// <summary>Where a kecamatan sits and how many people live there: places devices, weights complaints, draws the map.</summary>
/// <param name="Row">Row in the schematic map (0 = north, the coast).</param>
/// <param name="Column">Column in the schematic map (0 = west).</param>
public sealed record KecamatanGeography(string Code, double Latitude, double Longitude, int Population, int Row, int Column);

/// <summary>Kota Semarang's official wilayah (ODbL, see assets/reference/README.md) and approximate geography.</summary>
public static class SemarangReference
{
    private static readonly Lazy<(IReadOnlyList<Kecamatan> Kecamatan, IReadOnlyList<Kelurahan> Kelurahan)> Wilayah =
        new(LoadWilayah);

    public static IReadOnlyList<Kecamatan> Kecamatan => Wilayah.Value.Kecamatan;

    public static IReadOnlyList<Kelurahan> Kelurahan => Wilayah.Value.Kelurahan;

    // Centroids are approximate (to about a kilometre) and populations rounded from BPS figures of the 2020s:
    // enough to place demo devices and weight demo complaints, not for any official use.
    public static IReadOnlyList<KecamatanGeography> Geography { get; } =
    [
        new("33.74.01", -6.9825, 110.4145, 60_000, 1, 3),
        new("33.74.02", -6.9650, 110.4100, 120_000, 0, 3),
        new("33.74.03", -6.9790, 110.4330, 75_000, 1, 4),
        new("33.74.04", -6.9930, 110.4470, 75_000, 1, 5),
        new("33.74.05", -6.9730, 110.4770, 120_000, 0, 5),
        new("33.74.06", -7.0050, 110.4700, 190_000, 2, 5),
        new("33.74.07", -6.9960, 110.4230, 70_000, 2, 4),
        new("33.74.08", -7.0130, 110.4230, 78_000, 3, 4),
        new("33.74.09", -7.0150, 110.4050, 60_000, 3, 3),
        new("33.74.10", -7.0560, 110.4500, 190_000, 4, 5),
        new("33.74.11", -7.0650, 110.4200, 140_000, 4, 4),
        new("33.74.12", -7.0840, 110.3600, 95_000, 4, 2),
        new("33.74.13", -6.9830, 110.3830, 160_000, 1, 2),
        new("33.74.14", -7.0650, 110.3050, 80_000, 4, 0),
        new("33.74.15", -7.0000, 110.3400, 140_000, 2, 1),
        new("33.74.16", -6.9700, 110.3200, 33_000, 0, 0),
    ];

    private static (IReadOnlyList<Kecamatan>, IReadOnlyList<Kelurahan>) LoadWilayah()
    {
        using var stream = typeof(SemarangReference).Assembly.GetManifestResourceStream("SituationRoom.Web.semarang-wilayah.csv")
            ?? throw new InvalidOperationException("The embedded wilayah CSV is missing from the build.");
        using var reader = new StreamReader(stream);

        // The file is fixed reference data: a header, then four unquoted columns per row.
        var header = reader.ReadLine();
        if (header != "kecamatan_code,kecamatan,kelurahan_code,kelurahan")
        {
            throw new InvalidDataException($"Unexpected wilayah header: {header}");
        }

        var kecamatan = new List<Kecamatan>();
        var kelurahan = new List<Kelurahan>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var cells = line.Split(',');
            if (cells.Length != 4)
            {
                throw new InvalidDataException($"Wilayah line {lineNumber} has {cells.Length} columns, expected 4.");
            }

            if (kecamatan.Count == 0 || kecamatan[^1].Code != cells[0])
            {
                kecamatan.Add(new Kecamatan(cells[0], cells[1]));
            }

            kelurahan.Add(new Kelurahan(cells[2], cells[0], cells[3]));
        }

        return (kecamatan, kelurahan);
    }
}
