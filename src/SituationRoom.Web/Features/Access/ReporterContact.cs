using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

public enum ReporterAccess
{
    NotFound,

    /// <summary>Shown in full to an officer who may act on the complaint's OPD; the look is in the audit trail.</summary>
    Revealed,

    /// <summary>A city-wide reader (leadership, analyst) asking through the API: masked, nothing recorded.</summary>
    Masked,

    /// <summary>Refused, and the refusal is in the audit trail.</summary>
    Refused,
}

/// <param name="Phone">In full when revealed, masked when masked, null when refused or not recorded.</param>
public sealed record ReporterLookup(ReporterAccess Access, string? Ticket, string? OpdCode, string? Phone, string? Name);

/// <summary>
/// The one place the reporter's contact is read for a person: GET /api/complaints/{ticket}/reporter and the
/// "Tampilkan nomor" controls of the complaint pages all come here, so the decision (from the session and the
/// complaint's stored OPD, never from the page) and its audit line are written once.
/// </summary>
public static class ReporterContact
{
    /// <param name="maskedForReaders">The API answers readers of every OPD with the masked contact; a page's reveal
    /// control is not theirs to press, so there a reader's request is refused and audited like anyone else's.</param>
    public static async Task<ReporterLookup> LookAsync(
        SituationDbContext db, ClaimsPrincipal user, string ticket, bool maskedForReaders, DateTimeOffset now, string? address, CancellationToken cancellationToken)
    {
        var normalised = TicketNumber.TryParse(ticket, out var parsed) ? parsed.ToString() : ticket;
        var complaint = await db.Complaints.AsNoTracking()
            .Where(c => c.Ticket == normalised)
            .Select(c => new { c.Ticket, c.OpdCode, c.ReporterPhone, c.ReporterName })
            .FirstOrDefaultAsync(cancellationToken);
        if (complaint is null)
        {
            return new ReporterLookup(ReporterAccess.NotFound, null, null, null, null);
        }

        var subject = "complaint:" + complaint.Ticket;
        if (OpdAccess.MayAct(user, complaint.OpdCode))
        {
            Audit.Add(db, now, Audit.Actor(user), AuditActions.ReporterViewed, subject, complaint.OpdCode, address: address);
            await db.SaveChangesAsync(cancellationToken);
            return new ReporterLookup(ReporterAccess.Revealed, complaint.Ticket, complaint.OpdCode, complaint.ReporterPhone, complaint.ReporterName);
        }

        if (maskedForReaders && OpdAccess.MaySeeInternals(user, complaint.OpdCode))
        {
            return new ReporterLookup(ReporterAccess.Masked, complaint.Ticket, complaint.OpdCode, Blank(PhoneMask.Mask(complaint.ReporterPhone)), Blank(NameMask.Mask(complaint.ReporterName)));
        }

        var owner = complaint.OpdCode ?? "triage";
        var why = OpdAccess.MaySeeInternals(user, complaint.OpdCode)
            ? $"reporter's number asked for by a reader of {owner}, who may not act on it"
            : $"reporter of another OPD's complaint ({owner})";
        Audit.Add(db, now, Audit.Actor(user), AuditActions.AccessDenied, subject, complaint.OpdCode, $"{why}, as {user.FindFirstValue(ClaimTypes.Role) ?? "-"}/{Sessions.OpdOf(user) ?? "-"}", address);
        await db.SaveChangesAsync(cancellationToken);
        return new ReporterLookup(ReporterAccess.Refused, complaint.Ticket, complaint.OpdCode, null, null);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
