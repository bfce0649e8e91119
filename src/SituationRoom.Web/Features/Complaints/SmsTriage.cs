using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Features.Complaints;

public sealed record TriageOutcome(bool Done, string? Ticket, IReadOnlyDictionary<string, string[]> Errors)
{
    public static TriageOutcome Refused(string field, string message) => new(false, null, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>What the operator decided when turning an SMS into a complaint; blanks are read from the text as for any SMS.</summary>
/// <param name="Text">The complaint as the operator reads it; blank keeps the message exactly as sent.</param>
public sealed record SmsConversion(
    string? Text = null,
    string? CategoryCode = null,
    string? OpdCode = null,
    string? KecamatanCode = null,
    string? KelurahanCode = null);

/// <summary>
/// What an operator does with an SMS that was not a complaint as written: make it one, or dismiss it. The officer is
/// the signed-in person from the server's authentication state and is recorded as the one who handled it; one who may
/// not triage (<see cref="OpdComplaintAccess.MayTriage"/>) is refused before anything else is looked at, and only the
/// refusal's audit line is stored.
/// </summary>
public sealed class SmsTriage(ComplaintWriter writer, ComplaintIntake intake, TimeProvider clock)
{
    private const int MaximumTextLength = 4000;

    public async Task<TriageOutcome> ConvertAsync(long inboxId, ClaimsPrincipal officer, SmsConversion conversion, CancellationToken cancellationToken)
    {
        if (await DeniedAsync(inboxId, officer, "convert", cancellationToken) is { } denied)
        {
            return denied;
        }

        var actor = Audit.Actor(officer);
        var text = conversion.Text;
        var category = Blank(conversion.CategoryCode);
        var opd = Blank(conversion.OpdCode);
        var (kecamatan, kelurahan) = (Blank(conversion.KecamatanCode), Blank(conversion.KelurahanCode));
        var errors = ComplaintPlaces.Check(kecamatan, kelurahan);
        if (text?.Length > MaximumTextLength)
        {
            errors["text"] = ["Isi pengaduan paling banyak 4000 karakter. / The complaint is at most 4000 characters."];
        }

        if (category is not null && ComplaintRouting.Category(category) is null)
        {
            errors["categoryCode"] = ["Kategori tidak dikenal. / Unknown category."];
        }

        if (errors.Count > 0)
        {
            return new TriageOutcome(false, null, errors);
        }

        Complaint? created = null;
        var outcome = await writer.RunAsync(
            async (db, ct) =>
            {
                var row = await db.SmsInbox.SingleOrDefaultAsync(m => m.Id == inboxId, ct);
                if (row is null || row.State != SmsInboxState.Unparsed)
                {
                    return AlreadyHandled(row);
                }

                if (opd is not null && !await db.Opds.AnyAsync(o => o.Code == opd, ct))
                {
                    return TriageOutcome.Refused("opdCode", $"OPD '{opd}' tidak dikenal. / Unknown OPD '{opd}'.");
                }

                var complaintText = string.IsNullOrWhiteSpace(text) ? row.Text : text;
                if (string.IsNullOrWhiteSpace(complaintText))
                {
                    return TriageOutcome.Refused("text", "Pesan ini kosong; tuliskan isi pengaduannya. / This message is empty; write the complaint.");
                }

                // The clocks start when the citizen texted, not when an operator got to it.
                created = await intake.AddAsync(
                    db,
                    new ComplaintSubmission(
                        ComplaintChannel.Sms,
                        complaintText,
                        new DateTimeOffset(row.ReceivedAt, TimeSpan.Zero),
                        ReporterPhone: row.From,
                        KecamatanCode: kecamatan,
                        KelurahanCode: kelurahan,
                        CategoryCode: category,
                        OpdCode: opd),
                    ct);
                Handled(row, SmsInboxState.Converted, actor, null);
                row.ComplaintId = created.Id;
                await db.SaveChangesAsync(ct);
                return new TriageOutcome(true, created.Ticket, new Dictionary<string, string[]>());
            },
            cancellationToken);
        if (created is not null)
        {
            intake.Published(created);
        }

        return outcome;
    }

    public async Task<TriageOutcome> DismissAsync(long inboxId, ClaimsPrincipal officer, string reason, CancellationToken cancellationToken)
    {
        if (await DeniedAsync(inboxId, officer, "dismiss", cancellationToken) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            return TriageOutcome.Refused("reason", "Alasan wajib diisi (paling banyak 1000 karakter). / A reason is required (at most 1000 characters).");
        }

        var actor = Audit.Actor(officer);
        return await writer.RunAsync(
            async (db, ct) =>
            {
                var row = await db.SmsInbox.SingleOrDefaultAsync(m => m.Id == inboxId, ct);
                if (row is null || row.State != SmsInboxState.Unparsed)
                {
                    return AlreadyHandled(row);
                }

                Handled(row, SmsInboxState.Dismissed, actor, reason);
                await db.SaveChangesAsync(ct);
                return new TriageOutcome(true, null, new Dictionary<string, string[]>());
            },
            cancellationToken);
    }

    /// <summary>Null when the officer may triage; otherwise the refusal, with its audit line stored on its own.</summary>
    private async Task<TriageOutcome?> DeniedAsync(long inboxId, ClaimsPrincipal officer, string step, CancellationToken cancellationToken)
    {
        if (OpdComplaintAccess.MayTriage(officer))
        {
            return null;
        }

        await writer.RunAsync(
            async (db, ct) =>
            {
                Audit.Add(
                    db,
                    clock.GetUtcNow(),
                    Audit.Actor(officer),
                    AuditActions.AccessDenied,
                    "sms:" + inboxId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    detail: $"{step} an unparsed SMS in triage as {officer.FindFirstValue(ClaimTypes.Role) ?? "-"}/{Sessions.OpdOf(officer) ?? "-"}");
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return TriageOutcome.Refused(
            "inboxId",
            "Anda tidak berwenang menangani SMS di kotak masuk; penolakan ini dicatat. / You may not handle SMS in the inbox; the refusal is recorded.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Handled(SmsInboxMessage row, SmsInboxState state, string actor, string? note)
    {
        row.State = state;
        row.HandledBy = actor.Trim();
        row.HandledAt = clock.GetUtcNow().UtcDateTime;
        row.HandledNote = note?.Trim();
    }

    private static TriageOutcome AlreadyHandled(SmsInboxMessage? row) => row is null
        ? TriageOutcome.Refused("inboxId", "Pesan tidak ditemukan. / Message not found.")
        : TriageOutcome.Refused("inboxId", "Pesan ini sudah ditangani petugas lain. / Another officer has already handled this message.");
}
