using Microsoft.Extensions.Options;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Wall;

/// <summary>
/// One rotation per playlist for the whole server: every screen that shows the same playlist shows the same slot,
/// started at the same instant, whenever it was opened, and all of them hold and resume together. The first screen
/// to ask starts the playlist; each screen's tick then moves the shared state on (<see cref="WallRotation.Next"/> is a
/// plain function, so whichever screen asks first after a slot runs out moves it for all). Alerts are read from the
/// latest published snapshot, not from a screen's own copy, so two screens a snapshot apart cannot pull the shared
/// state back and forth.
/// </summary>
public sealed class WallRotations(LiveSituation live, IOptions<WallOptions> options)
{
    /// <summary>A playlist no screen has asked about for this long is forgotten; the next screen starts it afresh.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (WallRotationState State, DateTimeOffset AskedAt)> rotations = new(StringComparer.Ordinal);
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    /// <summary>Where the playlist's rotation is now, for every screen showing it.</summary>
    public WallRotationState At(WallPlaylist playlist, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        var alerts = WallAlert.Open(live.Current, now, options.Value.EscalationHold);
        var key = playlist.ToString();
        lock (gate)
        {
            var state = rotations.TryGetValue(key, out var known) ? known.State : WallRotationState.Start(playlist, now);
            var next = WallRotation.Next(playlist, state, alerts, now);
            rotations[key] = (next, now);
            Sweep(now);
            return next;
        }
    }

    // Under the gate; at most once a minute, so a wall's every-second tick costs a dictionary lookup.
    private void Sweep(DateTimeOffset now)
    {
        if (now - lastSweep < TimeSpan.FromMinutes(1))
        {
            return;
        }

        lastSweep = now;
        foreach (var key in rotations.Where(r => now - r.Value.AskedAt > Forget).Select(r => r.Key).ToList())
        {
            rotations.Remove(key);
        }
    }
}
