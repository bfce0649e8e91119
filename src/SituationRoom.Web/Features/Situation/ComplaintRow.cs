using SituationRoom.Core.Complaints;
using SituationRoom.Core.Situation;

namespace SituationRoom.Web.Features.Situation;

/// <summary>The columns of a complaint the live situation needs, as read from the database.</summary>
public sealed record ComplaintRow(
    long Id,
    string Ticket,
    ComplaintStatus Status,
    ComplaintChannel Channel,
    string? OpdCode,
    string? KecamatanCode,
    string? CategoryCode,
    DateTime ReceivedAt,
    DateTime DueAt,
    DateTime? EscalatesAt,
    DateTime? ClosedAt,
    string? ReporterPhone,
    string Text)
{
    private const int ExcerptLength = 90;

    public ComplaintFact ToFact() => new(
        Id,
        Ticket,
        Status,
        Channel,
        OpdCode,
        KecamatanCode,
        CategoryCode,
        Utc(ReceivedAt),
        Utc(DueAt),
        ClosedAt is null ? null : Utc(ClosedAt.Value),
        PhoneMask.Mask(ReporterPhone),
        Text.Length <= ExcerptLength ? Text : string.Concat(Text.AsSpan(0, ExcerptLength - 1), "…"),
        EscalatesAt is null ? null : Utc(EscalatesAt.Value));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
