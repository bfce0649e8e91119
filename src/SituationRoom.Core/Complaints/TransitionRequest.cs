namespace SituationRoom.Core.Complaints;

/// <summary>TargetOpdCode: where a dispatch, a handover, or an appeal of a rejection made before dispatch sends it.</summary>
public sealed record TransitionRequest(
    ComplaintStatus To,
    string? ResolutionNote = null,
    IReadOnlyList<Evidence>? Evidence = null,
    string? Reason = null,
    string? CurrentOpdCode = null,
    string? TargetOpdCode = null);
