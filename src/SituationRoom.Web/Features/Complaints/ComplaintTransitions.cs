using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>A request to move a complaint on: to what, by whom, and what the move needs (note, target OPD, evidence).</summary>
public sealed record ComplaintMove(
    ComplaintStatus To,
    string Actor,
    string? Note = null,
    string? TargetOpdCode = null,
    IReadOnlyList<Evidence>? Evidence = null);

/// <summary>Either the complaint moved, or why not, by field.</summary>
public sealed record MoveOutcome(bool Moved, ComplaintStatus? Status, IReadOnlyDictionary<string, string[]> Errors)
{
    public static MoveOutcome NotFound { get; } = new(false, null, new Dictionary<string, string[]>
    {
        ["complaint"] = ["Pengaduan tidak ditemukan / Complaint not found"],
    });
}

/// <summary>Moves complaints through the workflow. Illegal moves are refused and change nothing; legal ones are recorded with who and when.</summary>
public sealed class ComplaintTransitions(
    IDbContextFactory<SituationDbContext> dbFactory,
    LiveSituation live,
    TimeProvider clock)
{
    public async Task<MoveOutcome> MoveAsync(long complaintId, ComplaintMove move, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
        if (complaint is null)
        {
            return MoveOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        var resolvedAt = complaint.Status is ComplaintStatus.Resolved or ComplaintStatus.Rejected && complaint.ClosedAt is { } closed
            ? new DateTimeOffset(closed, TimeSpan.Zero)
            : (DateTimeOffset?)null;
        var check = ComplaintWorkflow.Check(
            complaint.Status,
            // One note serves as the resolution note, the rejection reason or the reopen reason, whichever the move needs.
            new TransitionRequest(move.To, move.Note, move.Evidence ?? [], move.Note, complaint.OpdCode, move.TargetOpdCode),
            now,
            resolvedAt);
        if (!check.IsAllowed)
        {
            return new MoveOutcome(false, complaint.Status, check.Errors
                .GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.MessageId} / {e.MessageEn}").ToArray()));
        }

        var from = complaint.Status;
        var nowUtc = now.UtcDateTime;
        if (move.To is ComplaintStatus.Dispatched or ComplaintStatus.HandedOver && move.TargetOpdCode is not null)
        {
            complaint.OpdCode = move.TargetOpdCode;
        }

        if (!from.IsOpen() && move.To.IsOpen())
        {
            complaint.ReopenCount++;
        }

        complaint.Status = move.To;
        complaint.ClosedAt = move.To.IsOpen() ? null : nowUtc;
        complaint.UpdatedAt = nowUtc;
        db.ComplaintEvents.Add(new ComplaintEvent
        {
            ComplaintId = complaint.Id,
            At = nowUtc,
            FromStatus = from,
            ToStatus = move.To,
            OpdCode = complaint.OpdCode,
            Actor = move.Actor,
            Note = move.Note,
        });
        await db.SaveChangesAsync(cancellationToken);

        live.Apply(ComplaintFacts.From(complaint), now);
        return new MoveOutcome(true, complaint.Status, new Dictionary<string, string[]>());
    }
}
