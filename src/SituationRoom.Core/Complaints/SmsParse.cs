namespace SituationRoom.Core.Complaints;

/// <param name="ReopenTicket">Set when the citizen asks to reopen this ticket ("LaporHendi BUKA LH-2026-000123 …");
/// <see cref="Body"/> is then their reason (possibly empty) and <see cref="IsComplaint"/> is false.</param>
public sealed record SmsParse(bool IsComplaint, string? Body, string? Reason, string? ReopenTicket = null)
{
    public bool IsReopen => ReopenTicket is not null;

    public static SmsParse Complaint(string body) => new(true, body, null);

    public static SmsParse NotComplaint(string reason) => new(false, null, reason);

    public static SmsParse Reopen(TicketNumber ticket, string reason) => new(false, reason, null, ticket.ToString());
}
