namespace SituationRoom.Core.Complaints;

/// <summary>Where a complaint stands in the city's workflow.</summary>
/// <remarks>Stored as text in the database, so names are part of the schema: rename with a migration.</remarks>
public enum ComplaintStatus
{
    Received,
    Verified,
    Dispatched,
    InProgress,
    /// <summary>Paused waiting on the citizen (more detail, access): the SLA clock stops while here.</summary>
    WaitingOnCitizen,
    /// <summary>"Bukan kewenangan": passed to another OPD. Still open, and shown as such to the citizen.</summary>
    HandedOver,
    Resolved,
    Rejected,
}

public static class ComplaintStatuses
{
    public static bool IsOpen(this ComplaintStatus status) =>
        status is not (ComplaintStatus.Resolved or ComplaintStatus.Rejected);

    public static string IndonesianName(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "Diterima",
        ComplaintStatus.Verified => "Diverifikasi",
        ComplaintStatus.Dispatched => "Diteruskan ke OPD",
        ComplaintStatus.InProgress => "Diproses",
        ComplaintStatus.WaitingOnCitizen => "Menunggu pelapor",
        ComplaintStatus.HandedOver => "Dialihkan (bukan kewenangan)",
        ComplaintStatus.Resolved => "Selesai",
        ComplaintStatus.Rejected => "Ditolak",
        _ => status.ToString(),
    };
}
