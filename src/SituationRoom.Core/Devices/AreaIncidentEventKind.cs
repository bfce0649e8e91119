namespace SituationRoom.Core.Devices;

public enum AreaIncidentEventKind
{
    Opened,
    Updated,
    Closed,
}
