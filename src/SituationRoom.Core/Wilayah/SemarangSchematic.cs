namespace SituationRoom.Core.Wilayah;

/// <summary>One kecamatan's block on the schematic map: a rectangle of whole cells, column and row from 0.</summary>
public sealed record SchematicArea(string Code, int Column, int Row, int Columns, int Rows);

/// <summary>
/// A hand-drawn schematic of Semarang's 16 kecamatan on a 14 x 8 grid, north up. Real boundary data could not
/// be had offline, so this is not a survey map: it keeps each kecamatan's neighbours and rough size (the coast
/// along the top from Tugu in the west to Genuk in the east, the old centre below it, the large upland kecamatan
/// Mijen, Gunungpati and Tembalang along the south) so that the room can read "where" at a glance.
/// </summary>
public static class SemarangSchematic
{
    public const int Columns = 14;
    public const int Rows = 8;

    /// <summary>
    /// How wide each column is drawn, relative to the others. The old centre (columns 3 to 10, rows 2 to 4) holds the
    /// smallest kecamatan and the most people and complaints; drawn at their true share they were too small to carry a
    /// name and a value readable across the room, so they get more of the map than their area and the large outer
    /// kecamatan less. Neighbours stay neighbours.
    /// </summary>
    public static IReadOnlyList<double> ColumnWeights { get; } = [0.85, 0.85, 0.85, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 0.85, 0.85, 0.85];

    /// <summary>How tall each row is drawn, relative to the others (see <see cref="ColumnWeights"/>).</summary>
    public static IReadOnlyList<double> RowWeights { get; } = [0.9, 0.9, 1.25, 1.25, 1.25, 0.9, 0.9, 0.9];

    public static IReadOnlyList<SchematicArea> Areas { get; } =
    [
        // North coast, west to east.
        new("33.74.16", 0, 0, 3, 2),   // Tugu
        new("33.74.13", 3, 0, 2, 3),   // Semarang Barat
        new("33.74.02", 5, 0, 2, 2),   // Semarang Utara
        new("33.74.03", 7, 0, 2, 3),   // Semarang Timur
        new("33.74.04", 9, 0, 2, 3),   // Gayamsari
        new("33.74.05", 11, 0, 3, 3),  // Genuk

        // Centre.
        new("33.74.15", 0, 2, 3, 3),   // Ngaliyan
        new("33.74.01", 5, 2, 2, 1),   // Semarang Tengah
        new("33.74.09", 3, 3, 2, 2),   // Gajahmungkur
        new("33.74.07", 5, 3, 3, 1),   // Semarang Selatan
        new("33.74.08", 5, 4, 3, 1),   // Candisari
        new("33.74.06", 8, 3, 6, 2),   // Pedurungan

        // South uplands.
        new("33.74.14", 0, 5, 3, 3),   // Mijen
        new("33.74.12", 3, 5, 3, 3),   // Gunungpati
        new("33.74.11", 6, 5, 3, 3),   // Banyumanik
        new("33.74.10", 9, 5, 5, 3),   // Tembalang
    ];
}
