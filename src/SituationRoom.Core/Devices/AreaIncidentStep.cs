namespace SituationRoom.Core.Devices;

public sealed record AreaIncidentStep(AreaIncidentState State, IReadOnlyList<AreaIncidentEvent> Events);
