using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>The "Complaints" configuration section.</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Complaints";

    /// <summary>The SMS short number citizens text.</summary>
    public string ShortNumber { get; set; } = "1708";

    /// <summary>The keywords that open a complaint by SMS, e.g. "LaporHendi". Empty: LaporSmsOptions.Default.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Words after the keyword that reopen a ticket by SMS ("LaporHendi BUKA LH-2026-000123 alasan"). Empty: LaporSmsOptions.Default.</summary>
    public List<string> ReopenKeywords { get; set; } = [];

    /// <summary>The citizen's own reopen (web form and SMS).</summary>
    public ReopenOptions Reopen { get; set; } = new();

    public string TicketPrefix { get; set; } = "LH";

    /// <summary>One clock per stage: SP4N-LAPOR! verification and OPD response, and the city's promise to close.</summary>
    public SlaOptions Sla { get; set; } = new();

    /// <summary>National holidays and cuti bersama (WIB dates): not working days for the working-day clocks.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Where citizens can follow a ticket, e.g. https://lapor.semarangkota.go.id; used in SMS replies. Empty: no link.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The public web form and the citizen's reopen form: posts per client address per window.</summary>
    public PublicFormOptions PublicForm { get; set; } = new();

    public SmsOutboxOptions Outbox { get; set; } = new();

    /// <summary>Where uploaded evidence photos are kept, relative to the content root.</summary>
    public string EvidenceFolder { get; set; } = "App_Data/complaint-evidence";

    public long EvidenceMaxBytes { get; set; } = 8 * 1024 * 1024;

    public LaporSmsOptions SmsParsing() => new()
    {
        Keywords = Keywords.Count == 0 ? LaporSmsOptions.Default.Keywords : Keywords,
        ReopenKeywords = ReopenKeywords.Count == 0 ? LaporSmsOptions.Default.ReopenKeywords : ReopenKeywords,
    };
}

public sealed class ReopenOptions
{
    /// <summary>Wrong proofs for one ticket in 24 hours, from any address, after which the web form refuses it until the
    /// day has passed: with four digits to guess, the per-address limit alone would not stop many addresses.</summary>
    public int MaxWrongProofsPerDay { get; set; } = 5;
}

public sealed class SlaOptions
{
    public SlaStageOptions Verification { get; set; } = new() { Days = 3, Kind = SlaDayKind.Working };

    public SlaStageOptions Response { get; set; } = new() { Days = 5, Kind = SlaDayKind.Working };

    public SlaStageOptions Closure { get; set; } = new() { Days = 10, Kind = SlaDayKind.Calendar };

    /// <summary>A running clock with this share of its time or less left, and no progress, is at risk.</summary>
    public double AtRiskFraction { get; set; } = 0.2;

    public SlaPolicy ToPolicy() => new(Verification.ToRule(), Response.ToRule(), Closure.ToRule(), AtRiskFraction);
}

public sealed class SlaStageOptions
{
    public int Days { get; set; }

    public SlaDayKind Kind { get; set; }

    public SlaStageRule ToRule() => new(Days, Kind);
}

public sealed class PublicFormOptions
{
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class SmsOutboxOptions
{
    /// <summary>How often the sender looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
