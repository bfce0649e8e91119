using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>A complaint as a channel hands it over, before the city has routed it.</summary>
/// <param name="CategoryCode">Chosen by the sender (Open311 service, call centre); otherwise read from the text.</param>
/// <param name="OpdCode">Chosen by an operator turning an unparsed SMS into a complaint; otherwise the category's OPD.</param>
public sealed record ComplaintSubmission(
    ComplaintChannel Channel,
    string Text,
    DateTimeOffset ReceivedAt,
    string? ReporterPhone = null,
    string? ReporterName = null,
    string? KecamatanCode = null,
    string? KelurahanCode = null,
    double? Latitude = null,
    double? Longitude = null,
    string? CategoryCode = null,
    string? Address = null,
    string? MediaUrl = null,
    string? OpdCode = null);

/// <summary>What the citizen is told: the ticket, and where the complaint went.</summary>
public sealed record ComplaintReceipt(long Id, string Ticket, string? CategoryCode, string? OpdCode, bool NeedsTriage, DateTimeOffset DueAt);

/// <summary>
/// The one way a complaint enters the city, whatever the channel (SMS, web form, call centre, Open311, the
/// simulator): route it, give it a ticket, start its clocks, store it with its first history entry and the
/// citizen's receipt SMS in one transaction, then tell the wall and the outbox.
/// </summary>
public sealed class ComplaintIntake(
    ComplaintWriter writer,
    ComplaintRouting routing,
    ComplaintSla sla,
    LiveSituation live,
    SmsOutboxSender outbox,
    TimeProvider clock,
    IOptions<ComplaintsOptions> options)
{
    public async Task<ComplaintReceipt> SubmitAsync(ComplaintSubmission submission, CancellationToken cancellationToken)
    {
        var complaint = await writer.RunAsync((db, ct) => AddAsync(db, submission, ct), cancellationToken);
        Published(complaint);
        return Receipt(complaint);
    }

    /// <summary>Adds and saves the complaint inside the caller's transaction; the caller commits, then calls <see cref="Published"/>.</summary>
    internal async Task<Complaint> AddAsync(SituationDbContext db, ComplaintSubmission submission, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var routeText = submission.Address is { Length: > 0 } address ? submission.Text + "\n" + address : submission.Text;
        var route = routing.Route(routeText, submission.CategoryCode);
        var (kecamatan, kelurahan) = Place(submission, route);
        var receivedUtc = submission.ReceivedAt.UtcDateTime;
        var year = Wib.ToWib(submission.ReceivedAt).Year;
        var prefix = settings.TicketPrefix;

        var counter = await db.TicketCounters.FindAsync([prefix, year], cancellationToken);
        if (counter is null)
        {
            counter = new TicketCounter { Prefix = prefix, Year = year };
            db.TicketCounters.Add(counter);
        }

        counter.Last++;
        var opd = submission.OpdCode ?? (route.NeedsTriage ? null : route.OpdCode);
        var complaint = new Complaint
        {
            Ticket = TicketNumber.Format(prefix, year, counter.Last),
            Channel = submission.Channel,
            Text = submission.Text,
            ReporterPhone = Blank(submission.ReporterPhone),
            ReporterName = Blank(submission.ReporterName),
            KecamatanCode = kecamatan,
            KelurahanCode = kelurahan,
            Latitude = submission.Latitude,
            Longitude = submission.Longitude,
            Address = Blank(submission.Address),
            MediaUrl = Blank(submission.MediaUrl),
            CategoryCode = route.CategoryCode,
            OpdCode = opd,
            Status = ComplaintStatus.Received,
            ReceivedAt = receivedUtc,
            UpdatedAt = receivedUtc,
            History =
            [
                new ComplaintEvent
                {
                    At = receivedUtc,
                    ToStatus = ComplaintStatus.Received,
                    OpdCode = opd,
                    Actor = $"kanal:{submission.Channel}",
                    Note = opd is null ? route.TriageReason : null,
                },
            ],
        };
        sla.Stamp(complaint, complaint.History, submission.ReceivedAt);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(cancellationToken);
        if (complaint.ReporterPhone is { } phone)
        {
            db.SmsOutbox.Add(SmsOutboxSender.Message(
                complaint.Id,
                phone,
                CitizenMessages.Receipt(complaint.Ticket, new DateTimeOffset(complaint.DueAt, TimeSpan.Zero), settings),
                clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }

        return complaint;
    }

    /// <summary>After the commit: the wall hears of it and the receipt SMS goes out.</summary>
    internal void Published(Complaint complaint)
    {
        live.Apply(ComplaintFacts.From(complaint), new DateTimeOffset(complaint.UpdatedAt, TimeSpan.Zero));
        outbox.Wake();
    }

    internal static ComplaintReceipt Receipt(Complaint complaint) => new(
        complaint.Id,
        complaint.Ticket,
        complaint.CategoryCode,
        complaint.OpdCode,
        complaint.OpdCode is null,
        new DateTimeOffset(complaint.DueAt, TimeSpan.Zero));

    /// <summary>A place the sender gave wins over one read from the text; a kelurahan always brings its own kecamatan.</summary>
    private static (string? Kecamatan, string? Kelurahan) Place(ComplaintSubmission submission, ComplaintRoute route)
    {
        if (submission.KelurahanCode is { } given)
        {
            var kelurahan = SemarangReference.Kelurahan.FirstOrDefault(k => k.Code == given);
            return (kelurahan?.KecamatanCode ?? submission.KecamatanCode, given);
        }

        if (submission.KecamatanCode is { } kecamatan)
        {
            // The text may name a kelurahan of that kecamatan ("... di Sendangmulyo").
            return (kecamatan, route.Place?.KecamatanCode == kecamatan ? route.Place.KelurahanCode : null);
        }

        return (route.Place?.KecamatanCode, route.Place?.KelurahanCode);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
