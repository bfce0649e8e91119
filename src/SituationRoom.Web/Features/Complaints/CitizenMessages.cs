using System.Globalization;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// What the citizen's phone receives. Always Bahasa Indonesia (the sender's language is unknown), short enough for
/// one or two SMS, and the handover said plainly, so that a passed-on complaint never looks ignored.
/// </summary>
public static class CitizenMessages
{
    private const int NoteLength = 120;
    private static readonly CultureInfo Indonesian = new("id-ID");

    public static string Receipt(string ticket, DateTimeOffset dueAt, ComplaintsOptions options) =>
        $"Lapor Hendi: pengaduan Anda diterima, nomor tiket {ticket}. Tindak lanjut paling lambat {Date(dueAt)}.{Link(ticket, options)}";

    /// <returns>Null for a step the citizen is not told about.</returns>
    public static string? StatusChanged(
        string ticket,
        ComplaintStatus from,
        ComplaintStatus to,
        string? opdName,
        string? previousOpdName,
        string? note,
        ComplaintsOptions options)
    {
        var opd = opdName ?? "OPD terkait";
        var text = to switch
        {
            ComplaintStatus.Verified => $"{ticket}: pengaduan Anda sudah diverifikasi dan segera diteruskan ke OPD yang berwenang.",
            ComplaintStatus.Dispatched => $"{ticket}: pengaduan Anda diteruskan ke {opd} untuk ditangani.",
            ComplaintStatus.InProgress when ComplaintWorkflow.IsReopen(from, to) => $"{ticket}: pengaduan Anda dibuka kembali dan ditangani lagi oleh {opd}.",
            ComplaintStatus.InProgress => $"{ticket}: {opd} sedang menangani pengaduan Anda.",
            ComplaintStatus.WaitingOnCitizen => $"{ticket}: {opd} membutuhkan keterangan dari Anda: {Short(note)}. Kirim keterangan lewat SMS {options.ShortNumber} dengan menyebut nomor tiket.",
            ComplaintStatus.HandedOver =>
                $"{ticket}: pengaduan Anda dialihkan dari {previousOpdName ?? "OPD sebelumnya"} ke {opd} karena bukan kewenangannya. Pengaduan tetap diproses.",
            ComplaintStatus.Resolved => $"{ticket}: selesai ditangani oleh {opd}. {Short(note)}. Belum tuntas? Dalam 30 hari balas: {ReopenCommand(ticket, options)} <alasan>.",
            ComplaintStatus.Rejected => $"{ticket}: pengaduan Anda ditolak. Alasan: {Short(note)}. Keberatan dapat diajukan dalam 30 hari.",
            _ => null,
        };
        return text is null ? null : text + Link(ticket, options);
    }

    /// <summary>"LaporHendi BUKA LH-2026-000123": what the citizen texts to reopen, with the configured words.</summary>
    public static string ReopenCommand(string ticket, ComplaintsOptions options)
    {
        var parsing = options.SmsParsing();
        var reopen = parsing.ReopenKeywords.OrderBy(k => k.Length).First();
        return $"{parsing.Keywords[0]} {reopen.ToUpperInvariant()} {ticket}";
    }

    internal static string Date(DateTimeOffset instant) => Wib.ToWib(instant).ToString("d MMM yyyy HH:mm", Indonesian) + " WIB";

    private static string Link(string ticket, ComplaintsOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? "" : $" Cek: {options.PublicBaseUrl.TrimEnd('/')}/complaints/{ticket}";

    private static string Short(string? note)
    {
        var text = (note ?? "").ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return text.Length <= NoteLength ? text : string.Concat(text.AsSpan(0, NoteLength - 1), "…");
    }
}
