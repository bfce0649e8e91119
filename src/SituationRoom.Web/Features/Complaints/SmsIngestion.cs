using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>One SMS as an ingestion client delivered it.</summary>
public sealed record SmsMessage(string Client, string MessageId, string From, string To, string Text, DateTimeOffset ReceivedAt);

public enum SmsIngestStatus
{
    /// <summary>First delivery: stored now.</summary>
    Stored,
    /// <summary>A retry of a message already stored: the first answer again, nothing written.</summary>
    Repeated,
    /// <summary>The message id was already used for a different message: nothing written.</summary>
    Conflict,
}

/// <param name="Outcome">"complaint" or "unparsed", as the API answers.</param>
public sealed record SmsIngestResult(SmsIngestStatus Status, string Outcome, string? Ticket, long InboxId);

/// <summary>
/// The SMS path. In one transaction: store the raw message in the inbox, then parse it; a complaint is created
/// and linked, anything else stays in the inbox as unparsed with its reason. The caller answers only after the
/// commit. If creating the complaint fails, the message is still kept (as unparsed, "intake_failed") for a person.
/// </summary>
public sealed class SmsIngestion(
    ComplaintWriter writer,
    ComplaintIntake intake,
    ComplaintTransitions transitions,
    IDbContextFactory<SituationDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ComplaintsOptions> options,
    ILogger<SmsIngestion> logger)
{
    public const string OutcomeComplaint = "complaint";
    public const string OutcomeUnparsed = "unparsed";
    public const string OutcomeReopened = "reopened";

    /// <summary>A "BUKA &lt;ticket&gt;" that could not reopen it (unknown ticket, still open, too late, another number): the
    /// sender is told why, and the message waits for a person, who may make it a new complaint.</summary>
    public const string ReopenRefused = "reopen_refused";

    /// <summary>The message was stored but its complaint could not be (a bug or bad reference data): a person takes it from here.</summary>
    public const string IntakeFailed = "intake_failed";

    /// <summary>The parser threw (a bug): the message is kept for a person.</summary>
    public const string ParseFailed = "parse_failed";

    private const string Savepoint = "complaint";
    private const int SqliteConstraintUnique = 2067;

    public async Task<SmsIngestResult> IngestAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        // Retries are common (gateways resend on any timeout): answer them without queueing for the writer.
        if (await FindAsync(message, cancellationToken) is { } known)
        {
            return known;
        }

        Complaint? created = null;
        Complaint? reopened = null;
        SmsIngestResult result;
        try
        {
            result = await writer.RunAsync(
                async (db, ct) =>
                {
                    if (await FindAsync(db, message, ct) is { } again)
                    {
                        return again;
                    }

                    var row = new SmsInboxMessage
                    {
                        Client = message.Client,
                        MessageId = message.MessageId,
                        From = message.From,
                        To = message.To,
                        Text = message.Text,
                        ReceivedAt = message.ReceivedAt.UtcDateTime,
                        StoredAt = clock.GetUtcNow().UtcDateTime,
                        State = SmsInboxState.Unparsed,
                    };
                    db.SmsInbox.Add(row);
                    await db.SaveChangesAsync(ct);

                    var parse = Parse(message);
                    if (parse.IsReopen)
                    {
                        reopened = await TryReopenAsync(db, row, parse, message, ct);
                        return Result(SmsIngestStatus.Stored, row, reopened?.Ticket);
                    }

                    if (!parse.IsComplaint)
                    {
                        row.Reason = parse.Reason;
                        await db.SaveChangesAsync(ct);
                        return Result(SmsIngestStatus.Stored, row, null);
                    }

                    created = await TryCreateComplaintAsync(db, row, parse.Body!, message, ct);
                    return Result(SmsIngestStatus.Stored, row, created?.Ticket);
                },
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique })
        {
            // Another process stored the same message between our look and our insert: its answer is ours.
            return await FindAsync(message, cancellationToken) ?? throw new InvalidOperationException("A unique index refused the message, yet no stored copy was found.", ex);
        }

        if (created is not null)
        {
            intake.Published(created);
        }

        if (reopened is not null)
        {
            transitions.Published(reopened);
        }

        return result;
    }

    private SmsParse Parse(SmsMessage message)
    {
        try
        {
            return LaporSms.Parse(message.Text, options.Value.SmsParsing());
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "SMS {MessageId} from client {Client} could not be parsed; it waits in the inbox", message.MessageId, message.Client);
            return SmsParse.NotComplaint(ParseFailed);
        }
    }

    private async Task<Complaint?> TryCreateComplaintAsync(SituationDbContext db, SmsInboxMessage row, string body, SmsMessage message, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync(Savepoint, ct);
        try
        {
            var complaint = await intake.AddAsync(db, new ComplaintSubmission(ComplaintChannel.Sms, body, message.ReceivedAt, ReporterPhone: message.From), ct);
            row.State = SmsInboxState.Complaint;
            row.ComplaintId = complaint.Id;
            await db.SaveChangesAsync(ct);
            return complaint;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "SMS {MessageId} from client {Client} is kept in the inbox, but its complaint could not be created", message.MessageId, message.Client);
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != row).ToList())
            {
                entry.State = EntityState.Detached;
            }

            row.State = SmsInboxState.Unparsed;
            row.ComplaintId = null;
            row.Reason = IntakeFailed;
            await db.SaveChangesAsync(ct);
            return null;
        }
    }

    private async Task<Complaint?> TryReopenAsync(SituationDbContext db, SmsInboxMessage row, SmsParse parse, SmsMessage message, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync(Savepoint, ct);
        try
        {
            var (outcome, complaint) = await transitions.ReopenBySmsAsync(db, parse.ReopenTicket!, message.From, parse.Body, ct);
            if (complaint is not null)
            {
                row.State = SmsInboxState.Reopened;
                row.ComplaintId = complaint.Id;
                await db.SaveChangesAsync(ct);
                return complaint;
            }

            // The reply is the refusal's Indonesian half: the sender's language is unknown, as for every citizen SMS.
            var why = outcome.Errors.Values.SelectMany(m => m).First().Split(" / ", 2)[0];
            row.Reason = ReopenRefused;
            db.SmsOutbox.Add(SmsOutboxSender.Message(null, message.From, $"Lapor Hendi {parse.ReopenTicket}: {why}", clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "SMS {MessageId} from client {Client} is kept in the inbox, but reopening {Ticket} failed", message.MessageId, message.Client, parse.ReopenTicket);
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != row).ToList())
            {
                entry.State = EntityState.Detached;
            }

            row.State = SmsInboxState.Unparsed;
            row.ComplaintId = null;
            row.Reason = IntakeFailed;
            await db.SaveChangesAsync(ct);
            return null;
        }
    }

    private async Task<SmsIngestResult?> FindAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, message, cancellationToken);
    }

    private static async Task<SmsIngestResult?> FindAsync(SituationDbContext db, SmsMessage message, CancellationToken cancellationToken)
    {
        var stored = await db.SmsInbox.AsNoTracking()
            .Where(m => m.Client == message.Client && m.MessageId == message.MessageId)
            .Select(m => new
            {
                Row = m,
                Ticket = db.Complaints.Where(c => c.Id == m.ComplaintId).Select(c => c.Ticket).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var same = stored.Row.From == message.From && stored.Row.Text == message.Text;
        return Result(same ? SmsIngestStatus.Repeated : SmsIngestStatus.Conflict, stored.Row, stored.Ticket);
    }

    private static SmsIngestResult Result(SmsIngestStatus status, SmsInboxMessage row, string? ticket) =>
        new(status, row.State switch
        {
            SmsInboxState.Complaint or SmsInboxState.Converted => OutcomeComplaint,
            SmsInboxState.Reopened => OutcomeReopened,
            _ => OutcomeUnparsed,
        }, ticket, row.Id);
}
