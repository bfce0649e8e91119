namespace SituationRoom.Core.Complaints;

public sealed record TransitionCheck(IReadOnlyList<TransitionError> Errors)
{
    public static TransitionCheck Allowed { get; } = new([]);

    public bool IsAllowed => Errors.Count == 0;
}
