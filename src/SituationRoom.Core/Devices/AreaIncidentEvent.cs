namespace SituationRoom.Core.Devices;

public sealed record AreaIncidentEvent(AreaIncidentEventKind Kind, AreaIncident Incident);
