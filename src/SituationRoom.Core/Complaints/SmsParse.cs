namespace SituationRoom.Core.Complaints;

/// <summary>What an incoming SMS turned out to be. <see cref="Reason"/> is one of <see cref="SmsParseReason"/> when it is not a complaint.</summary>
public sealed record SmsParse(bool IsComplaint, string? Body, string? Reason)
{
    public static SmsParse Complaint(string body) => new(true, body, null);

    public static SmsParse NotComplaint(string reason) => new(false, null, reason);
}
