namespace SituationRoom.Web.Features.Complaints;

/// <summary>The "Complaints" configuration section.</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Complaints";

    /// <summary>The city's promise: every complaint followed up within this many calendar days of receipt.</summary>
    public int SlaDays { get; set; } = 10;

    /// <summary>The SMS short number citizens text.</summary>
    public string ShortNumber { get; set; } = "1708";

    /// <summary>The keywords that open a complaint by SMS, e.g. "LaporHendi".</summary>
    public List<string> Keywords { get; set; } = [];

    public string TicketPrefix { get; set; } = "LH";
}
