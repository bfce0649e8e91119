namespace SituationRoom.Core.Devices;

/// <summary>
/// The state after one input, and the changes to record, oldest first. Usually none or one; two when a report
/// ends a silence the sweep had not yet acted on (Offline at the silence, then the reported status).
/// </summary>
public sealed record LivenessStep(DeviceLiveState State, IReadOnlyList<StatusChange> Changes)
{
    public bool Changed => Changes.Count > 0;
}
