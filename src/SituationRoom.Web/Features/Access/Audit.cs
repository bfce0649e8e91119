using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Scorecards;

namespace SituationRoom.Web.Features.Access;

/// <summary>Writes the audit trail. <see cref="Add"/> joins the caller's unit of work, so the change and its audit line
/// commit together or not at all.</summary>
public static class Audit
{
    public static AuditEntry Add(SituationDbContext db, DateTimeOffset at, string actor, string action, string subject, string? opdCode = null, string? detail = null, string? address = null)
    {
        var entry = new AuditEntry
        {
            At = at.UtcDateTime,
            Actor = Clip(actor, 120),
            Action = action,
            Subject = Clip(subject, 200),
            OpdCode = opdCode,
            Detail = detail is null ? null : Clip(detail, 2000),
            Address = address is null ? null : Clip(address, 64),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>An audit line on its own (a refusal, a sign-in attempt): nothing else to commit with it.</summary>
    public static async Task RecordAsync(
        IDbContextFactory<SituationDbContext> factory, DateTimeOffset at, string actor, string action, string subject, string? opdCode = null, string? detail = null, string? address = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        Add(db, at, actor, action, subject, opdCode, detail, address);
        await db.SaveChangesAsync();
    }

    public static string Actor(System.Security.Claims.ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "anonim";

    public static string? Address(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString();

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// Complaint transitions and manual indicator entries already keep their own append-only history; this copies each
/// new step into the one audit trail inside the same SaveChanges, so whatever code path writes them (pages, APIs,
/// other branches' handlers) is audited without asking it to remember.
/// </summary>
internal sealed class AuditTrailInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Copy(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Copy(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Copy(DbContext? context)
    {
        if (context is not SituationDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var steps = db.ChangeTracker.Entries<ComplaintEvent>().Where(e => e.State == EntityState.Added && e.Entity.FromStatus is not null).Select(e => e.Entity).ToList();
        foreach (var step in steps)
        {
            var complaint = db.ChangeTracker.Entries<Complaint>().Select(c => c.Entity).FirstOrDefault(c => c.Id == step.ComplaintId || c.History.Contains(step));
            Audit.Add(
                db,
                new DateTimeOffset(DateTime.SpecifyKind(step.At, DateTimeKind.Utc)),
                step.Actor,
                AuditActions.ComplaintTransition,
                "complaint:" + (complaint?.Ticket ?? step.ComplaintId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                step.OpdCode ?? complaint?.OpdCode,
                $"{step.FromStatus} -> {step.ToStatus}" + (step.Note is { Length: > 0 } note ? ": " + note : ""));
        }

        var entries = db.ChangeTracker.Entries<SmartIndicatorChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var change in entries)
        {
            Audit.Add(
                db,
                new DateTimeOffset(DateTime.SpecifyKind(change.ChangedAt, DateTimeKind.Utc)),
                change.ChangedBy,
                AuditActions.ManualIndicator,
                $"indicator:{change.OpdCode}/{change.IndicatorCode}/{change.PeriodStart:yyyy-MM}",
                change.OpdCode,
                FormattableString.Invariant($"{change.PreviousValue?.ToString() ?? "–"} -> {change.Value}: {change.Reason}"));
        }
    }
}
