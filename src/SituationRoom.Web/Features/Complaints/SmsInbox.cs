namespace SituationRoom.Web.Features.Complaints;

/// <summary>What became of a message that reached the inbox. Stored as text: names are part of the schema.</summary>
public enum SmsInboxState
{
    /// <summary>Not a complaint as written (see <see cref="SmsInboxMessage.Reason"/>): waits for an operator.</summary>
    Unparsed,
    Complaint,
    /// <summary>Was unparsed; an operator turned it into a complaint.</summary>
    Converted,
    /// <summary>Was unparsed; an operator decided it needs nothing (promotions, chatter).</summary>
    Dismissed,
    /// <summary>The citizen's "BUKA &lt;ticket&gt;" reopened <see cref="SmsInboxMessage.ComplaintId"/>.</summary>
    Reopened,
}

/// <summary>
/// One SMS exactly as the gateway delivered it, stored before anything reads it, so no message is lost
/// whatever parsing or routing later makes of it. (Client, MessageId) is unique: a retry finds the first answer.
/// </summary>
public sealed class SmsInboxMessage
{
    public long Id { get; set; }

    /// <summary>The ingestion client that delivered it; message ids are only unique per gateway.</summary>
    public required string Client { get; set; }

    public required string MessageId { get; set; }

    /// <summary>The sender's number, personal data: shown masked.</summary>
    public required string From { get; set; }

    public required string To { get; set; }

    public required string Text { get; set; }

    /// <summary>When the gateway received it (UTC); the complaint's clocks start here.</summary>
    public DateTime ReceivedAt { get; set; }

    public DateTime StoredAt { get; set; }

    public SmsInboxState State { get; set; }

    /// <summary>Why it is not a complaint: an <c>SmsParseReason</c> code, or <see cref="SmsIngestion.IntakeFailed"/>.</summary>
    public string? Reason { get; set; }

    public long? ComplaintId { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledAt { get; set; }

    public string? HandledNote { get; set; }
}

public enum SmsOutboxState
{
    Pending,
    Sent,
    /// <summary>Gave up after the configured number of attempts; kept for the record.</summary>
    Failed,
}

/// <summary>
/// A message to a citizen, written in the same transaction as the change it reports, then sent by
/// <see cref="SmsOutboxSender"/>: a gateway that is down delays a reply, it never loses one or blocks intake.
/// </summary>
public sealed class SmsOutboxMessage
{
    public long Id { get; set; }

    public long? ComplaintId { get; set; }

    public required string To { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }

    public SmsOutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}
