using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>A citizen's complaint: where it came from, where it is, who owns it, and when it is due.</summary>
public sealed class Complaint
{
    public long Id { get; set; }

    /// <summary>The number the citizen is given, e.g. LH-2026-000123.</summary>
    public required string Ticket { get; set; }

    public ComplaintChannel Channel { get; set; }

    /// <summary>Exactly as the citizen wrote it; rendering makes it inert, storage never rewrites it.</summary>
    public required string Text { get; set; }

    /// <summary>Personal data (UU PDP 2022): shown masked except to officers who need it.</summary>
    public string? ReporterPhone { get; set; }

    public string? ReporterName { get; set; }

    public string? KecamatanCode { get; set; }

    public string? KelurahanCode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Where the citizen says it is, in their words (street, landmark), when the channel gives one.</summary>
    public string? Address { get; set; }

    /// <summary>A photo the citizen sent with the complaint (Open311 media_url), as given.</summary>
    public string? MediaUrl { get; set; }

    public string? CategoryCode { get; set; }

    /// <summary>The OPD that owns it now; null while it waits in triage.</summary>
    public string? OpdCode { get; set; }

    public ComplaintStatus Status { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The current closure clock's due, from SlaClock: 10 days after receipt, later by time paused.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When it enters (or entered) the leadership queue; null when closed or while no clock can fall due.</summary>
    public DateTime? EscalatesAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int ReopenCount { get; set; }

    public List<ComplaintEvent> History { get; set; } = [];
}

/// <summary>One step in a complaint's life: who moved it, to what, when, and why.</summary>
public sealed class ComplaintEvent
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public DateTime At { get; set; }

    public ComplaintStatus? FromStatus { get; set; }

    public ComplaintStatus ToStatus { get; set; }

    /// <summary>The owning OPD after this step (a handover names the receiving OPD).</summary>
    public string? OpdCode { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }

    public List<ComplaintEvidence> Evidence { get; set; } = [];
}

/// <summary>A photo recorded with a step (required to resolve): where it is, when it was taken, and where.</summary>
public sealed class ComplaintEvidence
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public long EventId { get; set; }

    public required string Url { get; set; }

    public DateTime TakenAt { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The time came from the photo's EXIF rather than from the officer.</summary>
    public bool TakenAtFromPhoto { get; set; }

    /// <summary>The coordinates came from the photo's EXIF GPS rather than from the officer.</summary>
    public bool PlaceFromPhoto { get; set; }
}

/// <summary>The next ticket number of a year, so tickets read LH-2026-000001 onwards each year.</summary>
public sealed class TicketCounter
{
    public required string Prefix { get; set; }

    public int Year { get; set; }

    public long Last { get; set; }
}
