namespace SituationRoom.Core.Complaints;

public enum SlaStage
{
    Verification,
    Response,
    Closure,
}
