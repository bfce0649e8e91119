namespace SituationRoom.Core.Complaints;

/// <summary>
/// The legal status transitions and what each needs. Resolved and Rejected can be left only for InProgress, as the
/// citizen's reopen or appeal, within <see cref="ReopenWindow"/> of that closure and with a reason; an appeal of a
/// rejection made before any dispatch must name the OPD that takes it up. HandedOver stays open and leads only to
/// a new dispatch, so a handover is always routed on rather than quietly closed.
/// </summary>
public static class ComplaintWorkflow
{
    // Phone clocks drift; a photo stamped a few minutes "ahead" of the server is still genuine.
    private static readonly TimeSpan EvidenceClockSkew = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Transitions = new()
    {
        [ComplaintStatus.Received] = [ComplaintStatus.Verified, ComplaintStatus.Rejected],
        [ComplaintStatus.Verified] = [ComplaintStatus.Dispatched, ComplaintStatus.Rejected],
        [ComplaintStatus.Dispatched] = [ComplaintStatus.InProgress, ComplaintStatus.HandedOver, ComplaintStatus.Rejected, ComplaintStatus.WaitingOnCitizen],
        [ComplaintStatus.InProgress] = [ComplaintStatus.Resolved, ComplaintStatus.WaitingOnCitizen, ComplaintStatus.HandedOver, ComplaintStatus.Rejected],
        [ComplaintStatus.WaitingOnCitizen] = [ComplaintStatus.InProgress, ComplaintStatus.Rejected],
        [ComplaintStatus.HandedOver] = [ComplaintStatus.Dispatched],
        [ComplaintStatus.Resolved] = [ComplaintStatus.InProgress],
        [ComplaintStatus.Rejected] = [ComplaintStatus.InProgress],
    };

    public static TimeSpan ReopenWindow { get; } = TimeSpan.FromDays(30);

    public static IReadOnlyList<ComplaintStatus> NextStatuses(ComplaintStatus from) =>
        Transitions.TryGetValue(from, out var next) ? next : [];

    public static bool IsLegal(ComplaintStatus from, ComplaintStatus to) => NextStatuses(from).Contains(to);

    public static bool IsReopen(ComplaintStatus from, ComplaintStatus to) =>
        from is ComplaintStatus.Resolved or ComplaintStatus.Rejected && to == ComplaintStatus.InProgress;

    /// <param name="resolvedAt">When the complaint was last resolved or rejected; needed only to reopen it.</param>
    public static TransitionCheck Check(ComplaintStatus from, TransitionRequest request, DateTimeOffset now, DateTimeOffset? resolvedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var to = request.To;
        if (!IsLegal(from, to))
        {
            return new TransitionCheck([new TransitionError(
                "to",
                $"Status tidak dapat diubah dari {from.IndonesianName()} ke {to.IndonesianName()}.",
                $"Status cannot change from {from} to {to}.")]);
        }

        var errors = new List<TransitionError>();
        if (IsReopen(from, to))
        {
            CheckReopen(request, now, resolvedAt, errors);
        }

        switch (to)
        {
            case ComplaintStatus.Dispatched when IsBlank(request.TargetOpdCode):
                errors.Add(MissingTargetOpd());
                break;
            case ComplaintStatus.HandedOver when IsBlank(request.TargetOpdCode):
                errors.Add(MissingTargetOpd());
                break;
            case ComplaintStatus.HandedOver when string.Equals(request.TargetOpdCode?.Trim(), request.CurrentOpdCode?.Trim(), StringComparison.OrdinalIgnoreCase):
                errors.Add(new TransitionError(
                    "targetOpdCode",
                    "OPD tujuan harus berbeda dari OPD yang menangani saat ini.",
                    "The target OPD must differ from the OPD handling it now."));
                break;
            case ComplaintStatus.Resolved:
                CheckResolution(request, now, errors);
                break;
            case ComplaintStatus.Rejected when IsBlank(request.Reason):
                errors.Add(new TransitionError("reason", "Alasan penolakan wajib diisi.", "A reason for the rejection is required."));
                break;
        }

        return errors.Count == 0 ? TransitionCheck.Allowed : new TransitionCheck(errors);
    }

    private static void CheckReopen(TransitionRequest request, DateTimeOffset now, DateTimeOffset? resolvedAt, List<TransitionError> errors)
    {
        if (resolvedAt is null || now - resolvedAt.Value > ReopenWindow)
        {
            errors.Add(new TransitionError(
                "resolvedAt",
                "Pengaduan hanya dapat dibuka kembali dalam 30 hari setelah diselesaikan atau ditolak.",
                "A complaint can be reopened only within 30 days of being resolved or rejected."));
        }

        if (IsBlank(request.Reason))
        {
            errors.Add(new TransitionError("reason", "Alasan membuka kembali pengaduan wajib diisi.", "A reason for reopening is required."));
        }

        if (IsBlank(request.CurrentOpdCode) && IsBlank(request.TargetOpdCode))
        {
            errors.Add(MissingTargetOpd());
        }
    }

    private static void CheckResolution(TransitionRequest request, DateTimeOffset now, List<TransitionError> errors)
    {
        if (IsBlank(request.ResolutionNote))
        {
            errors.Add(new TransitionError("resolutionNote", "Catatan penyelesaian wajib diisi.", "A resolution note is required."));
        }

        var evidence = request.Evidence ?? [];
        if (evidence.Count == 0)
        {
            errors.Add(new TransitionError(
                "evidence",
                "Lampirkan minimal satu foto hasil pekerjaan di lokasi.",
                "Attach at least one photo of the work on site."));
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            var photo = evidence[i];
            if (IsBlank(photo.Url))
            {
                errors.Add(new TransitionError($"evidence[{i}].url", "Alamat foto bukti kosong.", "The evidence photo has no URL."));
            }

            if (photo.TakenAt > now + EvidenceClockSkew)
            {
                errors.Add(new TransitionError(
                    $"evidence[{i}].takenAt",
                    "Waktu pengambilan foto tidak boleh di masa depan.",
                    "The photo cannot have been taken in the future."));
            }

            if (photo.Latitude.HasValue != photo.Longitude.HasValue
                || photo.Latitude is < -90 or > 90 or double.NaN
                || photo.Longitude is < -180 or > 180 or double.NaN)
            {
                errors.Add(new TransitionError(
                    $"evidence[{i}].latitude",
                    "Koordinat foto tidak lengkap atau di luar jangkauan.",
                    "The photo's coordinates are incomplete or out of range."));
            }
        }
    }

    private static TransitionError MissingTargetOpd() =>
        new("targetOpdCode", "OPD tujuan wajib diisi.", "A target OPD is required.");

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
