using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Sends the outbox through <see cref="ISmsGateway"/>: woken right after a commit that queued a message, and every
/// poll interval in case a wake was missed or a retry fell due. A failed send waits twice as long each time and
/// is given up (kept, marked Failed) after the configured attempts. One bad message never stops the others.
/// </summary>
public sealed class SmsOutboxSender(
    IDbContextFactory<SituationDbContext> dbFactory,
    ISmsGateway gateway,
    TimeProvider clock,
    IOptions<ComplaintsOptions> options,
    ILogger<SmsOutboxSender> logger) : BackgroundService
{
    private const int Batch = 50;
    private readonly SemaphoreSlim wake = new(0, 1);

    public static SmsOutboxMessage Message(long? complaintId, string to, string text, DateTime nowUtc) => new()
    {
        ComplaintId = complaintId,
        To = to,
        Text = text,
        CreatedAt = nowUtc,
        NextAttemptAt = nowUtc,
        State = SmsOutboxState.Pending,
    };

    /// <summary>Asks for a send pass now; cheap, and several wakes before the pass collapse into one.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: yield first, or this work would hold up the host's start
        // (and Kestrel's listening) until it is done.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "An SMS outbox pass failed; the next pass tries again");
            }

            try
            {
                await wake.WaitAsync(options.Value.Outbox.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the messages due now; returns how many it tried.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Outbox;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.SmsOutbox
            .Where(m => m.State == SmsOutboxState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .ThenBy(m => m.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await gateway.SendAsync(message.To, message.Text, cancellationToken);
                message.State = SmsOutboxState.Sent;
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.Message.Length <= 1000 ? ex.Message : ex.Message[..1000];
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.State = SmsOutboxState.Failed;
                    logger.LogError(ex, "Gave up on SMS {Id} to {To} after {Attempts} attempts", message.Id, PhoneMask.Mask(message.To), message.Attempts);
                }
                else
                {
                    message.NextAttemptAt = now + (settings.FirstRetryAfter * Math.Pow(2, message.Attempts - 1));
                    logger.LogWarning(ex, "SMS {Id} to {To} failed (attempt {Attempts}); retrying at {Next}", message.Id, PhoneMask.Mask(message.To), message.Attempts, message.NextAttemptAt);
                }
            }

            // Saved one by one: a crash after a send repeats at most that one message, never the batch.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return due.Count;
    }
}
