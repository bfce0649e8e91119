using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>An administrator's entry or correction of a manual indicator, as typed: the value is text so that "3,5"
/// and "3.5" both read, and a field left empty can be named in the error.</summary>
public sealed record ManualIndicatorRequest(
    string? OpdCode,
    string? Period,
    string? IndicatorCode,
    string? Value,
    string? Reason,
    string? EvidenceUrl = null,
    EvidenceUpload? EvidenceFile = null);

/// <summary>An uploaded evidence file, read by the caller from the form.</summary>
public sealed record EvidenceUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>What was wrong, naming the field: "value", "reason", ... as the form and the API call them.</summary>
public sealed record FieldError(string Field, string TextId, string TextEn)
{
    public string Text => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? TextEn : TextId;
}

/// <summary>Either the change that was recorded or the reasons nothing was.</summary>
public sealed record ManualIndicatorResult(SmartIndicatorChange? Change, IReadOnlyList<FieldError> Errors)
{
    public bool Saved => Change is not null;
}

/// <summary>
/// Enters or corrects a manual indicator for one OPD and month. Every field is checked before anything is written, so
/// bad input changes nothing; a good one updates the value and appends its change, reason and evidence to
/// SmartIndicatorChanges in the same transaction. The caller then has the history rescored.
/// </summary>
public sealed class ManualIndicatorEntry(
    ScorecardRules rules,
    IOptions<ScorecardsOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<ManualIndicatorEntry> logger)
{
    public const int MinimumReasonLength = 10;

    private static readonly string[] EvidenceExtensions = [".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".csv"];

    public string EvidenceFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.EvidenceFolder));

    public static IReadOnlyList<string> AllowedEvidenceExtensions => EvidenceExtensions;

    /// <summary>The manual indicators an administrator may enter for a month: those of the rule set in force then.</summary>
    public IReadOnlyList<IndicatorRule> ManualIndicators(Period month) =>
        rules.Catalogue.For(month)?.Indicators.Where(i => i.Source == IndicatorSource.Manual).ToList() ?? [];

    public async Task<ManualIndicatorResult> SubmitAsync(SituationDbContext db, ManualIndicatorRequest request, string changedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (errors, opd, month, rule, value) = await ValidateAsync(db, request, now, cancellationToken);
        var previous = opd is null || month is null || rule is null
            ? null
            : await db.SmartIndicatorValues.FirstOrDefaultAsync(
                v => v.IsManual && v.OpdCode == opd && v.PeriodKind == ScorecardRecorder.MonthKind && v.PeriodStart == month.Start && v.IndicatorCode == rule.Code,
                cancellationToken);
        if (errors.Count == 0 && previous?.Value == value && request.EvidenceFile is null && string.IsNullOrWhiteSpace(request.EvidenceUrl))
        {
            errors.Add(new FieldError(
                "value",
                "Nilai sama dengan yang sudah tercatat; tidak ada yang diubah. Lampirkan bukti bila hanya ingin menambah bukti.",
                "The value equals the one already recorded; nothing was changed. Attach evidence if you only mean to add evidence."));
        }

        if (errors.Count > 0)
        {
            return new ManualIndicatorResult(null, errors);
        }

        var stored = request.EvidenceFile is { } upload ? await StoreEvidenceAsync(upload, now, cancellationToken) : null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reason = request.Reason!.Trim();
            if (previous is null)
            {
                previous = new SmartIndicatorValue
                {
                    OpdCode = opd!,
                    PeriodKind = ScorecardRecorder.MonthKind,
                    PeriodStart = month!.Start,
                    IndicatorCode = rule!.Code,
                    IsManual = true,
                    Weight = 1,
                };
                db.SmartIndicatorValues.Add(previous);
            }

            var change = new SmartIndicatorChange
            {
                OpdCode = opd!,
                PeriodKind = ScorecardRecorder.MonthKind,
                PeriodStart = month!.Start,
                IndicatorCode = rule!.Code,
                PreviousValue = previous.Value,
                Value = value!.Value,
                Reason = reason,
                EvidenceUrl = string.IsNullOrWhiteSpace(request.EvidenceUrl) ? null : request.EvidenceUrl.Trim(),
                EvidenceFile = stored,
                EvidenceFileName = stored is null ? null : Path.GetFileName(request.EvidenceFile!.FileName),
                ChangedBy = changedBy,
                ChangedAt = now.UtcDateTime,
            };
            previous.Value = value;
            previous.RecordedAt = now.UtcDateTime;
            previous.RecordedBy = changedBy;
            previous.Reason = reason;
            db.SmartIndicatorChanges.Add(change);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation(
                "Manual indicator {Indicator} of {Opd} for {Month} set from {Previous} to {Value} by {User}",
                change.IndicatorCode,
                change.OpdCode,
                month.Key,
                change.PreviousValue,
                change.Value,
                changedBy);
            return new ManualIndicatorResult(change, []);
        }
        catch
        {
            if (stored is not null)
            {
                File.Delete(Path.Combine(EvidenceFolder, stored));
            }

            throw;
        }
    }

    /// <summary>The stored evidence file of a change, or null when it has none or the file is gone.</summary>
    public string? EvidencePath(SmartIndicatorChange change)
    {
        if (change.EvidenceFile is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(EvidenceFolder, change.EvidenceFile));
        return path.StartsWith(EvidenceFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }

    private async Task<(List<FieldError> Errors, string? Opd, Period? Month, IndicatorRule? Rule, double? Value)> ValidateAsync(
        SituationDbContext db, ManualIndicatorRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        string? opd = null;
        if (string.IsNullOrWhiteSpace(request.OpdCode))
        {
            errors.Add(new FieldError("opd", "Pilih OPD.", "Choose an OPD."));
        }
        else if (await db.Opds.AnyAsync(o => o.Code == request.OpdCode, cancellationToken))
        {
            opd = request.OpdCode;
        }
        else
        {
            errors.Add(new FieldError("opd", $"OPD \"{request.OpdCode}\" tidak dikenal.", $"Unknown OPD \"{request.OpdCode}\"."));
        }

        Period? month = null;
        var thisMonth = Period.Containing(now, PeriodKind.Month);
        if (string.IsNullOrWhiteSpace(request.Period))
        {
            errors.Add(new FieldError("period", "Isi bulan, misalnya 2026-11.", "Enter the month, e.g. 2026-11."));
        }
        else if (!TryMonth(request.Period.Trim(), out var parsed))
        {
            errors.Add(new FieldError("period", $"\"{request.Period}\" bukan bulan; tulis seperti 2026-11.", $"\"{request.Period}\" is not a month; write it as 2026-11."));
        }
        else if (parsed.Start > thisMonth.Start)
        {
            errors.Add(new FieldError("period", $"{parsed.LabelId} belum dimulai.", $"{parsed.LabelEn} has not begun."));
        }
        else if (rules.Catalogue.For(parsed) is null)
        {
            errors.Add(new FieldError("period", $"Tidak ada aturan SMART yang berlaku pada {parsed.LabelId}.", $"No SMART rule set was in force in {parsed.LabelEn}."));
        }
        else
        {
            month = parsed;
        }

        IndicatorRule? rule = null;
        if (string.IsNullOrWhiteSpace(request.IndicatorCode))
        {
            errors.Add(new FieldError("indicator", "Pilih indikator.", "Choose an indicator."));
        }
        else if (month is not null)
        {
            var ruleSet = rules.Catalogue.For(month)!;
            rule = ruleSet.Indicator(request.IndicatorCode);
            if (rule is null)
            {
                errors.Add(new FieldError("indicator", $"Aturan {ruleSet.Version} tidak memiliki indikator {request.IndicatorCode}.", $"Rule set {ruleSet.Version} has no indicator {request.IndicatorCode}."));
            }
            else if (rule.Source != IndicatorSource.Manual)
            {
                errors.Add(new FieldError(
                    "indicator",
                    $"{rule.Code} dihitung otomatis dari data ruang situasi dan tidak dapat diisi manual.",
                    $"{rule.Code} is computed from the room's own data and cannot be entered by hand."));
                rule = null;
            }
        }

        double? value = null;
        if (string.IsNullOrWhiteSpace(request.Value))
        {
            errors.Add(new FieldError("value", "Isi nilai.", "Enter a value."));
        }
        else if (!TryNumber(request.Value, out var number))
        {
            errors.Add(new FieldError("value", $"\"{request.Value}\" bukan angka.", $"\"{request.Value}\" is not a number."));
        }
        else if (rule is not null && RangeError(rule, number) is { } rangeError)
        {
            errors.Add(rangeError);
        }
        else
        {
            value = number;
        }

        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length < MinimumReasonLength)
        {
            errors.Add(new FieldError(
                "reason",
                $"Tulis alasan perubahan, minimal {MinimumReasonLength} karakter (misalnya sumber angka atau apa yang dikoreksi).",
                $"Write the reason for the change, at least {MinimumReasonLength} characters (e.g. where the number comes from or what was corrected)."));
        }
        else if (reason.Length > 1000)
        {
            errors.Add(new FieldError("reason", "Alasan paling panjang 1.000 karakter.", "The reason may be at most 1,000 characters."));
        }

        if (!string.IsNullOrWhiteSpace(request.EvidenceUrl))
        {
            var url = request.EvidenceUrl.Trim();
            if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add(new FieldError("evidenceUrl", "Tautan bukti harus alamat web lengkap (https://...), paling panjang 500 karakter.", "The evidence link must be a full web address (https://...), at most 500 characters."));
            }
        }

        if (request.EvidenceFile is { } file)
        {
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (file.Length == 0)
            {
                errors.Add(new FieldError("evidenceFile", "Berkas bukti kosong.", "The evidence file is empty."));
            }
            else if (file.Length > options.Value.EvidenceMaxBytes)
            {
                var mb = options.Value.EvidenceMaxBytes / (1024.0 * 1024);
                errors.Add(new FieldError("evidenceFile", $"Berkas bukti paling besar {mb.ToString("0.#", CultureInfo.GetCultureInfo("id-ID"))} MB.", $"The evidence file may be at most {mb.ToString("0.#", CultureInfo.InvariantCulture)} MB."));
            }
            else if (!EvidenceExtensions.Contains(extension, StringComparer.Ordinal) || Path.GetFileName(file.FileName).Length > 200)
            {
                var allowed = string.Join(", ", EvidenceExtensions);
                errors.Add(new FieldError("evidenceFile", $"Jenis berkas bukti tidak diterima; gunakan {allowed}.", $"That kind of evidence file is not accepted; use {allowed}."));
            }
        }

        return (errors, opd, month, rule, value);
    }

    private static FieldError? RangeError(IndicatorRule rule, double value)
    {
        var (min, max, whole) = Range(rule);
        var id = CultureInfo.GetCultureInfo("id-ID");
        var outside = value < min || value > max;
        if (outside || (whole && value != Math.Floor(value)))
        {
            var range = $"{min.ToString("0.##", id)}–{max.ToString("0.##", id)}";
            var rangeEn = $"{min.ToString("0.##", CultureInfo.InvariantCulture)}–{max.ToString("0.##", CultureInfo.InvariantCulture)}";
            return whole
                ? new FieldError("value", $"{rule.Code} adalah tingkat bilangan bulat {range}.", $"{rule.Code} is a whole level {rangeEn}.")
                : new FieldError("value", $"{rule.Code} harus antara {range}.", $"{rule.Code} must be between {rangeEn}.");
        }

        return null;
    }

    /// <summary>What a value of this indicator may be: a percentage 0-100, a level on its rubric's scale (whole), a rating on its scale.</summary>
    public static (double Min, double Max, bool Whole) Range(IndicatorRule rule) => (rule.Unit, rule.Rubric) switch
    {
        (IndicatorUnit.Level, MaturityRubric m) => (m.Levels[0].MinRaw, m.MaxRaw, true),
        (_, MaturityRubric m) => (m.Levels[0].MinRaw, m.MaxRaw, false),
        (IndicatorUnit.Percent, _) => (0, 100, false),
        _ => (0, double.MaxValue, false),
    };

    private async Task<string> StoreEvidenceAsync(EvidenceUpload upload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A generated name: the uploader's own name is kept in the audit row, never used as a path.
        var relative = Path.Combine(Wib.ToWib(now).Year.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N") + Path.GetExtension(upload.FileName).ToLowerInvariant());
        var path = Path.Combine(EvidenceFolder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var target = File.Create(path))
        await using (var source = upload.Open())
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static bool TryMonth(string text, out Period month)
    {
        month = null!;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        month = Period.Containing(date, PeriodKind.Month);
        return true;
    }

    /// <summary>Accepts "3,5" (Indonesian) and "3.5"; refuses thousands separators, which are ambiguous between the two.</summary>
    private static bool TryNumber(string text, out double value)
    {
        var normalised = text.Trim().Replace(',', '.');
        return double.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value)
            && normalised.Count(c => c == '.') <= 1;
    }
}
