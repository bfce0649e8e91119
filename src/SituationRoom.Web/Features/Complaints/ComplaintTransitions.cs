using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>A request to move a complaint on: to what, by whom, and what the move needs (note, target OPD, evidence).</summary>
/// <param name="Note">The resolution note, the rejection reason or the reopen reason, whichever the move needs.</param>
/// <param name="ExpectedStatus">The status the officer saw; when it has changed since, the move is refused rather than applied to a different situation.</param>
/// <param name="CategoryCode">Corrects the category on the way (triage).</param>
/// <param name="ExpectedOpdCode">The OPD whose queue the officer acts from; a complaint owned by another OPD is refused and audited.</param>
/// <param name="Officer">The signed-in person making the move from a page, from the server's authentication state: they must
/// be allowed to act on the complaint's stored OPD, or the move is refused and audited. Null for the app's own moves.</param>
public sealed record ComplaintMove(
    ComplaintStatus To,
    string Actor,
    string? Note = null,
    string? TargetOpdCode = null,
    IReadOnlyList<Evidence>? Evidence = null,
    ComplaintStatus? ExpectedStatus = null,
    string? CategoryCode = null,
    string? ExpectedOpdCode = null,
    ClaimsPrincipal? Officer = null);

/// <summary>Either the complaint moved, or why not, by field.</summary>
public sealed record MoveOutcome(bool Moved, ComplaintStatus? Status, IReadOnlyDictionary<string, string[]> Errors)
{
    public static MoveOutcome NotFound { get; } = Refused(null, "complaint", "Pengaduan tidak ditemukan / Complaint not found");

    public static MoveOutcome Refused(ComplaintStatus? status, string field, string message) =>
        new(false, status, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Moves complaints through the workflow (Core's ComplaintWorkflow decides what is legal). Illegal moves are refused
/// and change nothing; legal ones are stored in one transaction with who and when, the evidence, the clocks'
/// new due and escalation, and the SMS that tells the citizen.
/// </summary>
public sealed class ComplaintTransitions(
    ComplaintWriter writer,
    ComplaintSla sla,
    LiveSituation live,
    SmsOutboxSender outbox,
    TimeProvider clock,
    IOptions<ComplaintsOptions> options)
{
    private const int MaximumNoteLength = 2000;
    private const int MaximumActorLength = 120;

    public Task<MoveOutcome> MoveAsync(long complaintId, ComplaintMove move, CancellationToken cancellationToken) =>
        MoveAsync(complaintId, [move], cancellationToken);

    /// <summary>Several steps at once (verify, then dispatch): all of them, or none.</summary>
    public async Task<MoveOutcome> MoveAsync(long complaintId, IReadOnlyList<ComplaintMove> moves, CancellationToken cancellationToken)
    {
        Complaint? moved = null;
        MoveOutcome outcome;
        try
        {
            outcome = await writer.RunAsync(
                async (db, ct) =>
                {
                    var complaint = await db.Complaints.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == complaintId, ct);
                    if (complaint is null)
                    {
                        return MoveOutcome.NotFound;
                    }

                    var opds = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.ShortName, StringComparer.OrdinalIgnoreCase, ct);
                    foreach (var move in moves)
                    {
                        if (Denied(complaint, move) is { } denied)
                        {
                            // Only the refusal's audit line is stored: earlier steps of this batch go with the tracker.
                            db.ChangeTracker.Clear();
                            Audit.Add(db, clock.GetUtcNow(), ActorOf(move), AuditActions.AccessDenied, "complaint:" + complaint.Ticket, complaint.OpdCode, denied.Detail);
                            await db.SaveChangesAsync(ct);
                            return denied.Outcome;
                        }

                        var result = Apply(db, complaint, move, opds);
                        if (!result.Moved)
                        {
                            // Nothing was saved: the context is dropped with its changes.
                            return result;
                        }
                    }

                    await db.SaveChangesAsync(ct);
                    moved = complaint;
                    return new MoveOutcome(true, complaint.Status, new Dictionary<string, string[]>());
                },
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another process changed it between our read and our write: nothing of ours was stored.
            return MoveOutcome.Refused(null, "complaint", "Pengaduan baru saja diubah orang lain; muat ulang lalu coba lagi. / The complaint was just changed by someone else; reload and try again.");
        }

        if (moved is not null)
        {
            Published(moved);
        }

        return outcome;
    }

    /// <summary>The actor recorded in the history and the audit trail for a citizen's own reopen.</summary>
    public const string CitizenWebActor = "pelapor (web)";

    public const string CitizenSmsActor = "pelapor (SMS)";

    /// <summary>
    /// The citizen reopens their resolved complaint from its page within 30 days, proving it is theirs with the last
    /// four digits of the number they reported from (or the whole contact the channel recorded). A wrong proof changes
    /// nothing but an audit line, and after <see cref="ReopenOptions.MaxWrongProofsPerDay"/> of them the ticket
    /// refuses further tries for a day.
    /// </summary>
    public async Task<MoveOutcome> ReopenByCitizenAsync(string ticket, string? proof, string? reason, string? address, CancellationToken cancellationToken)
    {
        Complaint? moved = null;
        MoveOutcome outcome;
        try
        {
            outcome = await writer.RunAsync(
                async (db, ct) =>
                {
                    var (result, complaint) = await ReopenAsync(
                        db,
                        ticket,
                        reason,
                        CitizenWebActor,
                        async (complaint, now) =>
                        {
                            var subject = "complaint:" + complaint.Ticket;
                            var since = (now - TimeSpan.FromDays(1)).UtcDateTime;
                            var wrong = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ComplaintReopenRefused && a.At >= since && a.Subject == subject, ct);
                            if (wrong >= options.Value.Reopen.MaxWrongProofsPerDay)
                            {
                                return MoveOutcome.Refused(complaint.Status, "proof", "Terlalu banyak percobaan yang salah untuk tiket ini. Coba lagi besok, atau SMS dari nomor yang Anda pakai melapor. / Too many wrong tries for this ticket. Try again tomorrow, or text from the number you reported from.");
                            }

                            if (CitizenReopen.Check(complaint.ReporterPhone, proof) == ReporterProofResult.Matches)
                            {
                                return null;
                            }

                            Audit.Add(db, now, CitizenWebActor, AuditActions.ComplaintReopenRefused, subject, complaint.OpdCode, "wrong proof", address);
                            await db.SaveChangesAsync(ct);
                            return complaint.ReporterPhone is null
                                ? MoveOutcome.Refused(complaint.Status, "proof", "Pengaduan ini tercatat tanpa nomor atau kontak pelapor, jadi tidak dapat dibuka kembali di sini. Hubungi 1708. / This complaint was recorded without the reporter's number or contact, so it cannot be reopened here. Call 1708.")
                                : CitizenReopen.IsPhone(complaint.ReporterPhone)
                                    ? MoveOutcome.Refused(complaint.Status, "proof", "4 angka terakhir tidak cocok dengan nomor HP pelapor. Tidak ada yang diubah. / The last 4 digits do not match the reporter's phone number. Nothing was changed.")
                                    : MoveOutcome.Refused(complaint.Status, "proof", "Kontak tidak cocok dengan kontak pelapor. Tidak ada yang diubah. / The contact does not match the reporter's. Nothing was changed.");
                        },
                        ct);
                    moved = complaint;
                    return result;
                },
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MoveOutcome.Refused(null, "complaint", "Pengaduan baru saja diubah orang lain; muat ulang lalu coba lagi. / The complaint was just changed by someone else; reload and try again.");
        }

        if (moved is not null)
        {
            Published(moved);
        }

        return outcome;
    }

    /// <summary>
    /// The SMS reopen ("LaporHendi BUKA LH-2026-000123 alasan"), inside the SMS ingestion's transaction: the sender's
    /// number must be the reporter's. Refusals are audited; the caller tells the sender and publishes a reopened one.
    /// </summary>
    internal Task<(MoveOutcome Outcome, Complaint? Reopened)> ReopenBySmsAsync(SituationDbContext db, string ticket, string from, string? reason, CancellationToken cancellationToken) =>
        ReopenAsync(
            db,
            ticket,
            reason,
            CitizenSmsActor,
            (complaint, now) =>
            {
                if (complaint.ReporterPhone is not null && PhoneDigits(from) == PhoneDigits(complaint.ReporterPhone))
                {
                    return Task.FromResult<MoveOutcome?>(null);
                }

                Audit.Add(db, now, CitizenSmsActor, AuditActions.ComplaintReopenRefused, "complaint:" + complaint.Ticket, complaint.OpdCode, "SMS from another number " + PhoneMask.Mask(from));
                return Task.FromResult<MoveOutcome?>(MoveOutcome.Refused(complaint.Status, "proof", "SMS harus dikirim dari nomor yang dipakai melapor. / The SMS must come from the number the complaint was made from."));
            },
            cancellationToken);

    /// <summary>After a commit: the wall learns of the change and the outbox sends the citizen's SMS.</summary>
    internal void Published(Complaint complaint)
    {
        live.Apply(ComplaintFacts.From(complaint), clock.GetUtcNow());
        outbox.Wake();
    }

    /// <param name="prove">Null when the citizen proved it is theirs; otherwise the refusal (it may write an audit line).</param>
    private async Task<(MoveOutcome Outcome, Complaint? Reopened)> ReopenAsync(
        SituationDbContext db,
        string ticket,
        string? reason,
        string actor,
        Func<Complaint, DateTimeOffset, Task<MoveOutcome?>> prove,
        CancellationToken cancellationToken)
    {
        var normalised = TicketNumber.TryParse(ticket, out var parsed) ? parsed.ToString() : null;
        var complaint = normalised is null ? null : await db.Complaints.Include(c => c.History).SingleOrDefaultAsync(c => c.Ticket == normalised, cancellationToken);
        if (complaint is null)
        {
            return (MoveOutcome.NotFound, null);
        }

        var now = clock.GetUtcNow();
        var closedAt = complaint.ClosedAt is { } closed ? ComplaintText.Utc(closed) : (DateTimeOffset?)null;
        var refusal = CitizenReopen.StateOf(complaint.Status, closedAt, now) switch
        {
            CitizenReopenState.Reopenable => null,
            CitizenReopenState.TooLate => MoveOutcome.Refused(
                complaint.Status,
                "resolvedAt",
                $"Batas 30 hari untuk membuka kembali sudah lewat ({CitizenMessages.Date(CitizenReopen.Deadline(closedAt!.Value))}). Silakan buat pengaduan baru. / The 30 days to reopen have passed ({CitizenReopen.Deadline(closedAt!.Value):yyyy-MM-dd}). Please make a new complaint."),
            CitizenReopenState.Rejected => MoveOutcome.Refused(
                complaint.Status,
                "status",
                "Pengaduan ini ditolak, bukan diselesaikan. Keberatan atas penolakan diajukan lewat 1708 atau petugas. / This complaint was rejected, not resolved. Appeal a rejection through 1708 or an officer."),
            _ => MoveOutcome.Refused(
                complaint.Status,
                "status",
                $"Pengaduan ini masih {complaint.Status.IndonesianName()}, belum diselesaikan; tidak ada yang perlu dibuka kembali. / This complaint is still open ({complaint.Status}); there is nothing to reopen."),
        };
        if (refusal is not null)
        {
            return (refusal, null);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaximumNoteLength)
        {
            return (MoveOutcome.Refused(complaint.Status, "reason", "Tuliskan apa yang belum selesai (paling banyak 2000 karakter). / Say what is not fixed (at most 2000 characters)."), null);
        }

        if (await prove(complaint, now) is { } wrong)
        {
            return (wrong, null);
        }

        var opds = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.ShortName, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var result = Apply(db, complaint, new ComplaintMove(ComplaintStatus.InProgress, actor, reason.Trim(), ExpectedStatus: ComplaintStatus.Resolved), opds);
        if (!result.Moved)
        {
            return (result, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (result, complaint);
    }

    /// <summary>Digits in the local 0 form, so +62 812..., 62812... and 0812... are the same number.</summary>
    internal static string PhoneDigits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("62", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }

    /// <summary>Who may move it, checked against the complaint's own OPD before anything about its state: a move from
    /// another OPD's queue, or by a person who may not act on that OPD, is an access refusal.</summary>
    private static (MoveOutcome Outcome, string Detail)? Denied(Complaint complaint, ComplaintMove move)
    {
        var owner = complaint.OpdCode;
        var step = $"{complaint.Status} -> {move.To}";
        var who = move.Officer is { } officer ? $" as {officer.FindFirstValue(ClaimTypes.Role) ?? "-"}/{Sessions.OpdOf(officer) ?? "-"}" : "";
        if (move.ExpectedOpdCode is { } queue && !string.Equals(queue, owner, StringComparison.OrdinalIgnoreCase))
        {
            return (
                MoveOutcome.Refused(
                    complaint.Status,
                    "expectedOpdCode",
                    $"Pengaduan ini sekarang ditangani {owner ?? "tim triase"}, bukan {queue}. / This complaint is now handled by {owner ?? "triage"}, not {queue}."),
                $"move {step} from the queue of {queue}; the complaint belongs to {owner ?? "triage"}{who}");
        }

        if (move.Officer is { } person && !OpdComplaintAccess.MayWork(person, owner))
        {
            return (
                MoveOutcome.Refused(
                    complaint.Status,
                    "complaint",
                    owner is null
                        ? "Anda tidak berwenang memverifikasi, meneruskan atau menolak pengaduan di antrean triase; penolakan ini dicatat. / You may not verify, route or reject complaints in triage; the refusal is recorded."
                        : $"Anda tidak berwenang mengubah pengaduan {owner}; penolakan ini dicatat. / You may not act on {owner}'s complaints; the refusal is recorded."),
                $"move {step} of {(owner is null ? "a complaint in triage" : owner + "'s complaint")}{who}");
        }

        return null;
    }

    private static string ActorOf(ComplaintMove move) =>
        move.Officer is { } officer ? Audit.Actor(officer) : string.IsNullOrWhiteSpace(move.Actor) ? "anonim" : move.Actor.Trim();

    private MoveOutcome Apply(SituationDbContext db, Complaint complaint, ComplaintMove move, Dictionary<string, string> opds)
    {
        var now = clock.GetUtcNow();
        if (move.ExpectedStatus is { } expected && expected != complaint.Status)
        {
            return MoveOutcome.Refused(
                complaint.Status,
                "expectedStatus",
                $"Status sudah berubah menjadi {complaint.Status.IndonesianName()}; muat ulang halaman. / The status has changed to {complaint.Status}; reload the page.");
        }

        var resolvedAt = !complaint.Status.IsOpen() && complaint.ClosedAt is { } closed
            ? new DateTimeOffset(closed, TimeSpan.Zero)
            : (DateTimeOffset?)null;
        var target = string.IsNullOrWhiteSpace(move.TargetOpdCode) ? null : move.TargetOpdCode.Trim();
        var check = ComplaintWorkflow.Check(
            complaint.Status,
            new TransitionRequest(move.To, move.Note, move.Evidence ?? [], move.Note, complaint.OpdCode, target),
            now,
            resolvedAt);
        var errors = check.Errors
            .Select(e => (e.Field, Message: $"{e.MessageId} / {e.MessageEn}"))
            .Concat(Validate(move, target, opds))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0)
        {
            return new MoveOutcome(false, complaint.Status, errors);
        }

        var from = complaint.Status;
        var previousOpd = complaint.OpdCode;
        var nowUtc = now.UtcDateTime;
        if (target is not null && (move.To is ComplaintStatus.Dispatched or ComplaintStatus.HandedOver || ComplaintWorkflow.IsReopen(from, move.To)))
        {
            complaint.OpdCode = opds.Keys.First(code => string.Equals(code, target, StringComparison.OrdinalIgnoreCase));
        }

        if (move.CategoryCode is not null)
        {
            complaint.CategoryCode = ComplaintRouting.Category(move.CategoryCode)!.Code;
        }

        if (ComplaintWorkflow.IsReopen(from, move.To))
        {
            complaint.ReopenCount++;
        }

        complaint.Status = move.To;
        complaint.ClosedAt = move.To.IsOpen() ? null : nowUtc;
        complaint.UpdatedAt = nowUtc;
        var step = new ComplaintEvent
        {
            ComplaintId = complaint.Id,
            At = nowUtc,
            FromStatus = from,
            ToStatus = move.To,
            OpdCode = complaint.OpdCode,
            Actor = move.Actor.Trim(),
            Note = string.IsNullOrWhiteSpace(move.Note) ? null : move.Note.Trim(),
            Evidence = (move.Evidence ?? [])
                .Select(e => new ComplaintEvidence
                {
                    ComplaintId = complaint.Id,
                    Url = e.Url.Trim(),
                    TakenAt = e.TakenAt.UtcDateTime,
                    Latitude = e.Latitude,
                    Longitude = e.Longitude,
                    TakenAtFromPhoto = e.TakenAtFromPhoto,
                    PlaceFromPhoto = e.PlaceFromPhoto,
                })
                .ToList(),
        };
        complaint.History.Add(step);
        sla.Stamp(complaint, ComplaintSla.InOrder(complaint.History).ToList(), now);

        if (complaint.ReporterPhone is { } phone
            && CitizenMessages.StatusChanged(
                complaint.Ticket,
                from,
                move.To,
                complaint.OpdCode is null ? null : opds.GetValueOrDefault(complaint.OpdCode),
                previousOpd is null ? null : opds.GetValueOrDefault(previousOpd),
                step.Note,
                options.Value) is { } text)
        {
            db.SmsOutbox.Add(SmsOutboxSender.Message(complaint.Id, phone, text, nowUtc));
        }

        return new MoveOutcome(true, complaint.Status, new Dictionary<string, string[]>());
    }

    private static IEnumerable<(string Field, string Message)> Validate(ComplaintMove move, string? target, Dictionary<string, string> opds)
    {
        if (string.IsNullOrWhiteSpace(move.Actor) || move.Actor.Trim().Length > MaximumActorLength)
        {
            yield return ("actor", "Nama petugas wajib diisi (paling banyak 120 karakter). / The officer's name is required (at most 120 characters).");
        }

        if (move.Note?.Length > MaximumNoteLength)
        {
            yield return ("note", "Catatan paling banyak 2000 karakter. / The note is at most 2000 characters.");
        }

        if (target is not null && !opds.ContainsKey(target))
        {
            yield return ("targetOpdCode", $"OPD '{target}' tidak dikenal. / Unknown OPD '{target}'.");
        }

        if (move.CategoryCode is not null && ComplaintRouting.Category(move.CategoryCode) is null)
        {
            yield return ("categoryCode", "Kategori tidak dikenal. / Unknown category.");
        }

        var evidence = move.Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(evidence[i].Url) && !IsSafeUrl(evidence[i].Url.Trim()))
            {
                yield return ($"evidence[{i}].url", "Alamat foto harus http(s):// atau /… di situs ini. / The photo address must be http(s):// or a /path on this site.");
            }
        }
    }

    /// <summary>Only web addresses are linked from the complaint page: a javascript: or data: URL would not be inert.</summary>
    internal static bool IsSafeUrl(string url) =>
        url.Length <= 1000
        && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));
}
