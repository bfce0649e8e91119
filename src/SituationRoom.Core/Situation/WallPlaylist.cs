using System.Globalization;

namespace SituationRoom.Core.Situation;

/// <summary>
/// The views a wall rotates through, read from text such as <c>overview:30,map-wifi:20,complaints</c>:
/// view names separated by commas, each with an optional number of seconds (else that view's default).
/// </summary>
public sealed record WallPlaylist(ValueList<WallSlot> Slots)
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    private static readonly (string Token, WallView View, MapLayer Layer)[] Names =
    [
        ("overview", WallView.Overview, MapLayer.Complaints),
        ("complaints", WallView.Complaints, MapLayer.Complaints),
        ("wifi", WallView.Wifi, MapLayer.Wifi),
        ("cctv", WallView.Cctv, MapLayer.Cctv),
        ("league", WallView.League, MapLayer.Complaints),
        ("map", WallView.Map, MapLayer.Complaints),
        ("map-complaints", WallView.Map, MapLayer.Complaints),
        ("map-wifi", WallView.Map, MapLayer.Wifi),
        ("map-cctv", WallView.Map, MapLayer.Cctv),
    ];

    /// <summary>Every name a view can be given, for error messages and docs.</summary>
    public static IReadOnlyList<string> Tokens { get; } = [.. Names.Select(n => n.Token)];

    public bool IsRotating => Slots.Count > 1;

    public static string TokenOf(WallView view, MapLayer layer) =>
        view == WallView.Map && layer != MapLayer.Complaints
            ? "map-" + layer.ToString().ToLowerInvariant()
            : view.ToString().ToLowerInvariant();

    /// <summary>Reads one view name ("wifi", "map-cctv"); null when it names no view.</summary>
    public static (WallView View, MapLayer Layer)? View(string? token)
    {
        var name = token?.Trim();
        foreach (var n in Names)
        {
            if (string.Equals(n.Token, name, StringComparison.OrdinalIgnoreCase))
            {
                return (n.View, n.Layer);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a playlist. Every entry must name a view and, when it has one, a whole number of seconds between
    /// 5 and 3600; otherwise the result carries one error per bad entry and no playlist (a wall shows a clear
    /// notice rather than silently skipping what the operator typed).
    /// </summary>
    public static WallPlaylistParse Parse(string? text, Func<WallView, TimeSpan> defaultDuration)
    {
        ArgumentNullException.ThrowIfNull(defaultDuration);
        var errors = new List<WallPlaylistError>();
        var slots = new List<WallSlot>();
        var entries = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            return new WallPlaylistParse(null, [new WallPlaylistError("", WallPlaylistProblem.Empty)]);
        }

        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? entry : entry[..colon];
            var view = View(name);
            if (view is null)
            {
                errors.Add(new WallPlaylistError(name, WallPlaylistProblem.UnknownView));
                continue;
            }

            var duration = defaultDuration(view.Value.View);
            if (colon >= 0)
            {
                var seconds = entry[(colon + 1)..].Trim();
                if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                    || TimeSpan.FromSeconds(s) < MinDuration || TimeSpan.FromSeconds(s) > MaxDuration)
                {
                    errors.Add(new WallPlaylistError(entry, WallPlaylistProblem.BadSeconds));
                    continue;
                }

                duration = TimeSpan.FromSeconds(s);
            }

            slots.Add(new WallSlot(view.Value.View, view.Value.Layer, duration));
        }

        return errors.Count > 0
            ? new WallPlaylistParse(null, errors)
            : new WallPlaylistParse(new WallPlaylist(slots.ToValueList()), []);
    }

    public override string ToString() =>
        string.Join(',', Slots.Select(s => $"{s.Token}:{s.Duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}"));
}

/// <param name="Playlist">Null when any entry was wrong.</param>
/// <param name="Errors">One per wrong entry, naming it.</param>
public sealed record WallPlaylistParse(WallPlaylist? Playlist, IReadOnlyList<WallPlaylistError> Errors);

public enum WallPlaylistProblem
{
    Empty,
    UnknownView,

    /// <summary>Not a whole number of seconds from <see cref="WallPlaylist.MinDuration"/> to <see cref="WallPlaylist.MaxDuration"/>.</summary>
    BadSeconds,
}

/// <param name="Entry">The entry as typed (the view name alone for an unknown view).</param>
public sealed record WallPlaylistError(string Entry, WallPlaylistProblem Problem);
