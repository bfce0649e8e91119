using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>A request to move a complaint on: to what, by whom, and what the move needs (note, target OPD, evidence).</summary>
/// <param name="Note">The resolution note, the rejection reason or the reopen reason, whichever the move needs.</param>
/// <param name="ExpectedStatus">The status the officer saw; when it has changed since, the move is refused rather than applied to a different situation.</param>
/// <param name="CategoryCode">Corrects the category on the way (triage).</param>
/// <param name="ExpectedOpdCode">The OPD whose queue the officer acts from; a complaint owned by another OPD is refused.</param>
public sealed record ComplaintMove(
    ComplaintStatus To,
    string Actor,
    string? Note = null,
    string? TargetOpdCode = null,
    IReadOnlyList<Evidence>? Evidence = null,
    ComplaintStatus? ExpectedStatus = null,
    string? CategoryCode = null,
    string? ExpectedOpdCode = null);

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
    IDbContextFactory<SituationDbContext> dbFactory,
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
            live.Apply(ComplaintFacts.From(moved), clock.GetUtcNow());
            outbox.Wake();
        }

        return outcome;
    }

    /// <summary>The citizen reopens a resolved or rejected complaint within 30 days, proving it is theirs with the number they reported from.</summary>
    public async Task<MoveOutcome> ReopenByCitizenAsync(long complaintId, string phone, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reporter = await db.Complaints.Where(c => c.Id == complaintId).Select(c => new { c.ReporterPhone, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (reporter is null)
        {
            return MoveOutcome.NotFound;
        }

        if (reporter.ReporterPhone is null || PhoneDigits(phone) != PhoneDigits(reporter.ReporterPhone))
        {
            return MoveOutcome.Refused(reporter.Status, "phone", "Nomor HP tidak sesuai dengan nomor pelapor. / The phone number does not match the reporter's.");
        }

        return await MoveAsync(complaintId, new ComplaintMove(ComplaintStatus.InProgress, "pelapor (warga)", reason, ExpectedStatus: reporter.Status), cancellationToken);
    }

    /// <summary>Digits in the local 0 form, so +62 812..., 62812... and 0812... are the same number.</summary>
    internal static string PhoneDigits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("62", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }

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

        if (move.ExpectedOpdCode is { } owner && !string.Equals(owner, complaint.OpdCode, StringComparison.OrdinalIgnoreCase))
        {
            return MoveOutcome.Refused(
                complaint.Status,
                "expectedOpdCode",
                $"Pengaduan ini sekarang ditangani {complaint.OpdCode ?? "tim triase"}, bukan {owner}. / This complaint is now handled by {complaint.OpdCode ?? "triage"}, not {owner}.");
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
