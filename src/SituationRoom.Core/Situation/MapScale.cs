namespace SituationRoom.Core.Situation;

/// <summary>One shade of the map: the values from <paramref name="From"/> up to (not including) <paramref name="To"/>.</summary>
/// <param name="To">Null for the last class of a count, which is open-ended.</param>
public sealed record MapClass(double From, double? To)
{
    public bool Contains(double value) => value >= From && (To is null || value < To);
}

/// <summary>
/// How the map is shaded: five classes of one hue, class 0 the palest (all well) to 4 the strongest (worst), so
/// the order reads without telling colours apart; the number is written in every area as well.
/// Counts use round equal steps up to the worst area; uptime uses fixed bands, so a shade means the same every day.
/// </summary>
public sealed record MapScale(MapLayer Layer, ValueList<MapClass> Classes)
{
    public const int ClassCount = 5;

    private static readonly MapClass[] UptimeBands =
    [
        new(0.99, null),
        new(0.98, 0.99),
        new(0.97, 0.98),
        new(0.95, 0.97),
        new(0, 0.95),
    ];

    private static readonly int[] NiceSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];

    /// <summary>The number an area is shaded by on a layer; null when the area has nothing of that kind.</summary>
    public static double? ValueOf(MapLayer layer, KecamatanFigures area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return layer switch
        {
            MapLayer.Complaints => area.OpenComplaints,
            MapLayer.Wifi => area.WifiActive > 0 ? area.WifiUptime24h : null,
            MapLayer.Cctv => area.CamerasActive > 0 ? area.CamerasDark : null,
            _ => throw new ArgumentOutOfRangeException(nameof(layer)),
        };
    }

    public static MapScale For(MapLayer layer, IReadOnlyCollection<KecamatanFigures> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (layer == MapLayer.Wifi)
        {
            return new MapScale(layer, UptimeBands.ToValueList());
        }

        var max = areas.Select(a => ValueOf(layer, a) ?? 0).DefaultIfEmpty(0).Max();
        var step = NiceSteps.FirstOrDefault(s => s * ClassCount > max, NiceSteps[^1]);
        var classes = Enumerable.Range(0, ClassCount)
            .Select(i => new MapClass(i * step, i == ClassCount - 1 ? null : (i + 1) * step))
            .ToValueList();
        return new MapScale(layer, classes);
    }

    /// <summary>The class (0 best to 4 worst) of an area; null when it has no value on this layer.</summary>
    public int? ClassOf(KecamatanFigures area)
    {
        if (ValueOf(Layer, area) is not { } value)
        {
            return null;
        }

        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i].Contains(value))
            {
                return i;
            }
        }

        // Uptime above 100% cannot happen; a count beyond the last bound is in the open-ended class.
        return Layer == MapLayer.Wifi ? 0 : ClassCount - 1;
    }
}
