namespace SituationRoom.Core.Complaints;

public sealed record SmsParse(bool IsComplaint, string? Body, string? Reason)
{
    public static SmsParse Complaint(string body) => new(true, body, null);

    public static SmsParse NotComplaint(string reason) => new(false, null, reason);
}
