namespace SituationRoom.Core.Situation;

public enum WallAlertKind
{
    /// <summary>Many devices of one area dark together (see AreaIncidentsPanel).</summary>
    AreaIncident,

    /// <summary>A complaint entered the leadership queue a moment ago.</summary>
    Escalation,
}

/// <summary>A critical event that holds a rotating wall on the view that shows it.</summary>
/// <param name="Layer">The map layer it needs, or null when any layer of the view shows it.</param>
/// <param name="Subject">The area's name for an incident ("Trimulyo, Genuk" for a kelurahan); empty for an escalation (the wall prints the queue's size).</param>
public sealed record WallAlert(WallAlertKind Kind, WallView View, MapLayer? Layer, DateTimeOffset Since, string Subject)
{
    public bool Shows(WallView view, MapLayer layer) => View == view && (Layer is null || Layer == layer);

    /// <summary>
    /// The critical events open in a snapshot, most pressing first: open area incidents (shown on the map,
    /// which marks them on every layer), then a complaint escalated within <paramref name="escalationHold"/>.
    /// Escalations count only while recent: a city always has some complaints in the queue, and a wall that
    /// held for all of them would never rotate.
    /// </summary>
    public static IReadOnlyList<WallAlert> Open(SituationSnapshot snapshot, DateTimeOffset now, TimeSpan escalationHold)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var alerts = new List<WallAlert>();
        foreach (var incident in snapshot.AreaIncidents.Open)
        {
            // The map marks kecamatan: a kelurahan is named with the kecamatan it lies in, so the room finds it there.
            var subject = incident.AreaName == incident.KecamatanName ? incident.AreaName : $"{incident.AreaName}, {incident.KecamatanName}";
            alerts.Add(new WallAlert(WallAlertKind.AreaIncident, WallView.Map, null, incident.OpenedAt, subject));
        }

        if (snapshot.Complaints.LastEscalatedAt is { } escalated && escalated <= now && now - escalated < escalationHold)
        {
            alerts.Add(new WallAlert(WallAlertKind.Escalation, WallView.Complaints, null, escalated, ""));
        }

        return alerts;
    }
}
