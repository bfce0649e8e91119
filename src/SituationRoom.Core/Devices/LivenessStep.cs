namespace SituationRoom.Core.Devices;

/// <summary>Changes oldest first: two when a report ends a silence the sweep had not yet acted on.</summary>
public sealed record LivenessStep(DeviceLiveState State, IReadOnlyList<StatusChange> Changes)
{
    public bool Changed => Changes.Count > 0;
}
