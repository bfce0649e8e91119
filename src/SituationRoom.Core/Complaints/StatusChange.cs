namespace SituationRoom.Core.Complaints;

/// <summary>One entry of a complaint's history. <see cref="OpdCode"/> is the OPD responsible after the change (for Dispatched: the OPD it went to).</summary>
public sealed record StatusChange(ComplaintStatus To, DateTimeOffset At, string? OpdCode);
