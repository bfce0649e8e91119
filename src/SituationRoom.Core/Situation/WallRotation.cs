namespace SituationRoom.Core.Situation;

/// <summary>Where a rotating wall is: which slot it shows since when, and whether an open event holds it there.</summary>
/// <param name="Index">The playlist slot being shown, or the one the wall resumes after when held on a view outside the playlist.</param>
/// <param name="Hold">The event holding the wall, or null while it rotates.</param>
public sealed record WallRotationState(int Index, WallView View, MapLayer Layer, DateTimeOffset Since, WallAlert? Hold)
{
    public static WallRotationState Start(WallPlaylist playlist, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        var first = playlist.Slots[0];
        return new WallRotationState(0, first.View, first.Layer, now, null);
    }
}

/// <summary>
/// The rotation decision: a plain function of the playlist, where the wall is, the open critical events and now.
/// A critical event holds the wall on the view that shows it for as long as it is open; then rotation resumes
/// with the slot after the one it interrupted, each slot getting its full time.
/// </summary>
public static class WallRotation
{
    public static WallRotationState Next(WallPlaylist playlist, WallRotationState state, IReadOnlyList<WallAlert> alerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alerts);
        var count = playlist.Slots.Count;
        var index = Math.Clamp(state.Index, 0, count - 1);

        if (alerts.Count > 0)
        {
            // Already on a view that shows an open event: stay, whatever the clock says.
            var showing = alerts.FirstOrDefault(a => a.Shows(state.View, state.Layer));
            if (showing is not null)
            {
                return state with { Index = index, Hold = showing };
            }

            var alert = alerts[0];
            var slot = IndexOf(playlist, alert);
            var layer = slot is { } i ? playlist.Slots[i].Layer : alert.Layer ?? MapLayer.Cctv;
            return new WallRotationState(slot ?? index, alert.View, layer, now, alert);
        }

        if (state.Hold is not null)
        {
            // Resume after the interrupted slot; a held slot of the playlist itself counts as shown.
            var resume = (index + 1) % count;
            var next = playlist.Slots[resume];
            return new WallRotationState(resume, next.View, next.Layer, now, null);
        }

        var current = playlist.Slots[index];
        var onSlot = state.View == current.View && state.Layer == current.Layer;
        if (onSlot && now - state.Since < current.Duration)
        {
            return state with { Index = index };
        }

        var following = onSlot ? (index + 1) % count : index;
        var upcoming = playlist.Slots[following];
        return new WallRotationState(following, upcoming.View, upcoming.Layer, now, null);
    }

    /// <summary>When the wall should next ask <see cref="Next"/> again, if nothing else happens before.</summary>
    public static DateTimeOffset DueAt(WallPlaylist playlist, WallRotationState state)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        ArgumentNullException.ThrowIfNull(state);
        return state.Since + playlist.Slots[Math.Clamp(state.Index, 0, playlist.Slots.Count - 1)].Duration;
    }

    private static int? IndexOf(WallPlaylist playlist, WallAlert alert)
    {
        for (var i = 0; i < playlist.Slots.Count; i++)
        {
            if (alert.Shows(playlist.Slots[i].View, playlist.Slots[i].Layer))
            {
                return i;
            }
        }

        return null;
    }
}
