using System.Collections.Immutable;

namespace SituationRoom.Core.Devices;

internal sealed record OpenAreaIncident(
    AreaIncident Incident,
    AreaKey? Kecamatan,
    ImmutableHashSet<string> Members,
    ImmutableHashSet<string> DarkMembers);
