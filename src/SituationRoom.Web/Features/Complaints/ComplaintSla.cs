using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>The configured SLA policy and holiday calendar, and how a stored history is put to SlaClock.</summary>
public sealed class ComplaintSla(IOptions<ComplaintsOptions> options)
{
    public SlaPolicy Policy { get; } = options.Value.Sla.ToPolicy();

    public WorkingCalendar Calendar { get; } = new(options.Value.Holidays);

    /// <param name="history">In the order it happened; steps at the same instant keep this order.</param>
    public SlaEvaluation Evaluate(IEnumerable<ComplaintEvent> history, DateTimeOffset now)
    {
        var changes = history.Select(e => new StatusChange(e.ToStatus, new DateTimeOffset(e.At, TimeSpan.Zero), e.OpdCode)).ToList();

        // A sender's clock a little ahead of ours (tolerated at intake) must not hide the receipt from the clock.
        var receivedAt = changes.Min(c => c.At);
        return SlaClock.Evaluate(changes, Policy, Calendar, receivedAt > now ? receivedAt : now);
    }

    /// <summary>Stores the clock's verdict on the complaint: its due (pauses move it) and when it escalates.</summary>
    public SlaEvaluation Stamp(Complaint complaint, IReadOnlyList<ComplaintEvent> history, DateTimeOffset now)
    {
        var evaluation = Evaluate(history, now);
        complaint.DueAt = evaluation.DueAt.UtcDateTime;
        complaint.EscalatesAt = SlaEscalation.EscalatesAt(evaluation)?.UtcDateTime;
        return evaluation;
    }

    /// <summary>A stored history in replay order: by time, then as written.</summary>
    public static IEnumerable<ComplaintEvent> InOrder(IEnumerable<ComplaintEvent> history) =>
        history.OrderBy(e => e.At).ThenBy(e => e.Id == 0 ? long.MaxValue : e.Id);
}
