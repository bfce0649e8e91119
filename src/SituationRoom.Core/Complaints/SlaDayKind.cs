namespace SituationRoom.Core.Complaints;

public enum SlaDayKind
{
    Calendar,
    Working,
}
