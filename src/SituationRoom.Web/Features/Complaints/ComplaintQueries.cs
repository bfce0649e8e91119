using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>One complaint with everything its page and GET /api/complaints/{ticket} show.</summary>
public sealed record ComplaintDetail(
    Complaint Complaint,
    string? KecamatanName,
    string? KelurahanName,
    IReadOnlyDictionary<string, string> OpdNames,
    SlaEvaluation Sla,
    SmsInboxMessage? SourceSms)
{
    public ComplaintCategory? Category => ComplaintRouting.Category(Complaint.CategoryCode);

    public string? OpdName(string? code) => code is null ? null : OpdNames.GetValueOrDefault(code, code);

    public IEnumerable<ComplaintEvidence> Evidence => Complaint.History.SelectMany(e => e.Evidence);
}

/// <summary>A line of a queue: enough to show and sort it, and its clocks evaluated now.</summary>
public sealed record ComplaintListItem(
    long Id,
    string Ticket,
    ComplaintStatus Status,
    ComplaintChannel Channel,
    string? CategoryCode,
    string? OpdCode,
    string? KecamatanCode,
    string? KelurahanCode,
    DateTime ReceivedAt,
    string Text,
    SlaEvaluation Sla)
{
    public DateTimeOffset? NextDeadline => SlaEscalation.NextDeadline(Sla);

    /// <summary>Overdue first (the longest overdue on top), then at risk, then on track by the nearest deadline, then clocks paused.</summary>
    public (int, DateTimeOffset, DateTime) Urgency => (
        NextDeadline is null ? 3 : Sla.State switch { SlaState.Overdue => 0, SlaState.AtRisk => 1, _ => 2 },
        NextDeadline ?? DateTimeOffset.MaxValue,
        ReceivedAt);

    /// <summary>The stages that missed or are past their due, with how late.</summary>
    public IEnumerable<(SlaStageResult Stage, TimeSpan Late)> Breaches(DateTimeOffset now) => Sla.Stages
        .Where(s => s.State is SlaState.Overdue or SlaState.Missed)
        .Select(s => (s, (s.CompletedAt ?? now) - s.Due));
}

/// <summary>One page of the leadership queue, with how many there are in all.</summary>
public sealed record EscalatedSlice(IReadOnlyList<ComplaintListItem> Items, int Total, int Page, int Pages);

/// <summary>The reads behind the complaint pages and APIs, shared where two callers need the same one.</summary>
public static class ComplaintQueries
{
    public const int QueueLimit = 300;

    public static async Task<ComplaintDetail?> DetailAsync(SituationDbContext db, string ticket, ComplaintSla sla, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var parsed))
        {
            return null;
        }

        var normalised = parsed.ToString();
        var complaint = await db.Complaints.AsNoTracking()
            .Include(c => c.History).ThenInclude(e => e.Evidence)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Ticket == normalised, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        complaint.History = [.. ComplaintSla.InOrder(complaint.History)];
        var opdNames = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        var kecamatan = complaint.KecamatanCode is null ? null : SemarangReference.Kecamatan.FirstOrDefault(k => k.Code == complaint.KecamatanCode)?.Name;
        var kelurahan = complaint.KelurahanCode is null ? null : SemarangReference.Kelurahan.FirstOrDefault(k => k.Code == complaint.KelurahanCode)?.Name;
        var source = complaint.Channel == ComplaintChannel.Sms
            ? await db.SmsInbox.AsNoTracking().FirstOrDefaultAsync(m => m.ComplaintId == complaint.Id, cancellationToken)
            : null;
        return new ComplaintDetail(complaint, kecamatan, kelurahan, opdNames, sla.Evaluate(complaint.History, now), source);
    }

    /// <summary>An OPD's open complaints, most urgent first.</summary>
    public static async Task<IReadOnlyList<ComplaintListItem>> QueueAsync(SituationDbContext db, string opdCode, ComplaintSla sla, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = OpenStatuses();
        var query = db.Complaints
            .Where(c => c.OpdCode == opdCode && open.Contains(c.Status))
            // Stored escalation instants put the most urgent first even when the queue is longer than one page.
            .OrderBy(c => c.EscalatesAt == null)
            .ThenBy(c => c.EscalatesAt)
            .ThenBy(c => c.DueAt);
        var items = await ListAsync(db, query, sla, now, cancellationToken);
        return [.. items.OrderBy(i => i.Urgency)];
    }

    public const int EscalatedPageSize = 50;

    /// <summary>
    /// One page of the leadership queue: open complaints past a stage deadline, the longest overdue first, that is by
    /// the stored instant they entered the queue (the earliest missed or running deadline), then by id. Filtered,
    /// counted, sorted and paged in SQL on the EscalatesAt index, so the queue costs the same at ten or ten thousand.
    /// </summary>
    /// <param name="page">1-based; clamped to the pages there are.</param>
    public static async Task<EscalatedSlice> EscalatedAsync(SituationDbContext db, ComplaintSla sla, DateTimeOffset now, int page, CancellationToken cancellationToken)
    {
        var query = Escalated(db, now);
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + EscalatedPageSize - 1) / EscalatedPageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await ListAsync(db, query.Skip((page - 1) * EscalatedPageSize).Take(EscalatedPageSize), sla, now, cancellationToken);
        return new EscalatedSlice(items, total, page, pages);
    }

    /// <summary>The leadership queue's rows in its order, as SQL (shared by the page and the test that holds it to an index).</summary>
    public static IQueryable<Complaint> Escalated(SituationDbContext db, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        return db.Complaints
            .Where(c => c.EscalatesAt != null && c.EscalatesAt < nowUtc)
            .OrderBy(c => c.EscalatesAt)
            .ThenBy(c => c.Id);
    }

    /// <summary>What the city's verifiers must act on: not yet verified or dispatched, or handed over and waiting for a new owner.</summary>
    public static async Task<IReadOnlyList<ComplaintListItem>> AwaitingRoutingAsync(SituationDbContext db, ComplaintSla sla, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = new[] { ComplaintStatus.Received, ComplaintStatus.Verified, ComplaintStatus.HandedOver };
        var items = await ListAsync(
            db,
            db.Complaints.Where(c => waiting.Contains(c.Status)).OrderBy(c => c.OpdCode != null).ThenBy(c => c.ReceivedAt),
            sla,
            now,
            cancellationToken);
        return [.. items.OrderBy(i => i.OpdCode is not null).ThenBy(i => i.Urgency)];
    }

    public static Task<List<SmsInboxMessage>> UnparsedAsync(SituationDbContext db, CancellationToken cancellationToken) =>
        db.SmsInbox.AsNoTracking()
            .Where(m => m.State == SmsInboxState.Unparsed)
            .OrderBy(m => m.ReceivedAt)
            .Take(QueueLimit)
            .ToListAsync(cancellationToken);

    public static ComplaintStatus[] OpenStatuses() => Enum.GetValues<ComplaintStatus>().Where(s => s.IsOpen()).ToArray();

    private static async Task<List<ComplaintListItem>> ListAsync(
        SituationDbContext db,
        IQueryable<Complaint> query,
        ComplaintSla sla,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .Take(QueueLimit)
            .Select(c => new { c.Id, c.Ticket, c.Status, c.Channel, c.CategoryCode, c.OpdCode, c.KecamatanCode, c.KelurahanCode, c.ReceivedAt, c.Text })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var history = (await db.ComplaintEvents.AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.ComplaintId);
        return rows
            .Select(r => new ComplaintListItem(
                r.Id, r.Ticket, r.Status, r.Channel, r.CategoryCode, r.OpdCode, r.KecamatanCode, r.KelurahanCode, r.ReceivedAt, r.Text,
                sla.Evaluate(ComplaintSla.InOrder(history[r.Id]), now)))
            .ToList();
    }
}
