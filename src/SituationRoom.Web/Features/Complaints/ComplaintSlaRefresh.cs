using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// On start, re-reads every open complaint's clocks with today's policy and holiday calendar and stores any due or
/// escalation that changed: complaints loaded in bulk (the demo city) or stored before a holiday was configured
/// get the same verdict as live ones, and the wall learns which are escalated. A row changed meanwhile by an
/// officer is left alone (its transition stamped it already).
/// </summary>
public sealed class ComplaintSlaRefresh(
    IDbContextFactory<SituationDbContext> dbFactory,
    ComplaintSla sla,
    LiveSituation live,
    TimeProvider clock,
    ILogger<ComplaintSlaRefresh> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: yield first, or this work would hold up the host's start
        // (and Kestrel's listening) until it is done.
        await Task.Yield();
        try
        {
            var changed = await RefreshAsync(stoppingToken);
            logger.LogInformation("Complaint clocks refreshed: {Changed} open complaints had a new due or escalation", changed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Refreshing complaint clocks failed; stored dues stay as they were");
        }
    }

    internal async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var open = ComplaintQueries.OpenStatuses();
        var changed = 0;
        long after = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var complaints = await db.Complaints.AsNoTracking()
                .Where(c => c.Id > after && open.Contains(c.Status))
                .OrderBy(c => c.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (complaints.Count == 0)
            {
                return changed;
            }

            after = complaints[^1].Id;
            var ids = complaints.Select(c => c.Id).ToList();
            var history = (await db.ComplaintEvents.AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).ToListAsync(cancellationToken))
                .ToLookup(e => e.ComplaintId);
            foreach (var complaint in complaints)
            {
                var steps = ComplaintSla.InOrder(history[complaint.Id]).ToList();
                if (steps.Count == 0)
                {
                    continue;
                }

                var (due, escalates) = (complaint.DueAt, complaint.EscalatesAt);
                sla.Stamp(complaint, steps, now);
                if (complaint.DueAt != due || complaint.EscalatesAt != escalates)
                {
                    var seen = complaint.UpdatedAt;
                    var updated = await db.Complaints
                        .Where(c => c.Id == complaint.Id && c.UpdatedAt == seen)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.DueAt, complaint.DueAt).SetProperty(c => c.EscalatesAt, complaint.EscalatesAt), cancellationToken);
                    if (updated == 0)
                    {
                        continue;
                    }

                    changed++;

                    // The live situation loaded the stored clocks; only the ones rewritten here are news to it. The row
                    // was unchanged since our read (the update matched its UpdatedAt), so this is its current state.
                    live.Apply(ComplaintFacts.From(complaint), new DateTimeOffset(complaint.UpdatedAt, TimeSpan.Zero));
                }
            }
        }
    }
}
