namespace SituationRoom.Core.Complaints;

/// <summary>Why a transition was refused. <see cref="Field"/> names the request property (camelCase, as in the API).</summary>
public sealed record TransitionError(string Field, string MessageId, string MessageEn);
