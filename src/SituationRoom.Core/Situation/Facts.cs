using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Situation;

/// <summary>What the live situation keeps in memory of one complaint: open ones, and those closed in the last 30 days.</summary>
/// <param name="EscalatesAt">When an open complaint enters the leadership queue (see SlaEscalation); null when it cannot.</param>
public sealed record ComplaintFact(
    long Id,
    string Ticket,
    ComplaintStatus Status,
    ComplaintChannel Channel,
    string? OpdCode,
    string? KecamatanCode,
    string? CategoryCode,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    string? MaskedPhone,
    string Excerpt,
    DateTimeOffset? EscalatesAt = null);

/// <summary>What the live situation keeps in memory of one device: its standing and its last day of history.</summary>
public sealed record DeviceFact(
    string Id,
    DeviceKind Kind,
    string OpdCode,
    string KecamatanCode,
    string? KelurahanCode,
    DeviceLifecycle Lifecycle,
    DeviceStatus Status,
    DateTimeOffset StatusSince,
    DateTimeOffset? LastReportAt,
    IReadOnlyList<StatusInterval> Recent)
{
    /// <summary>Announced maintenance and periods outside the Active lifecycle that touch the last day or lie ahead.</summary>
    public IReadOnlyList<TimeWindow> Excluded { get; init; } = [];
}

/// <summary>Display names for codes, so panels carry what the wall prints.</summary>
public sealed record SituationNames(IReadOnlyDictionary<string, string> Opds, IReadOnlyDictionary<string, string> Kecamatan)
{
    public IReadOnlyDictionary<string, string> Kelurahan { get; init; } = new Dictionary<string, string>();

    public string KelurahanName(string code) => Kelurahan.GetValueOrDefault(code, code);

    public string Opd(string code) => Opds.GetValueOrDefault(code, code);

    public string KecamatanName(string code) => Kecamatan.GetValueOrDefault(code, code);
}
