using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>A complaint as a channel hands it over, before the city has routed it.</summary>
public sealed record ComplaintSubmission(
    ComplaintChannel Channel,
    string Text,
    DateTimeOffset ReceivedAt,
    string? ReporterPhone = null,
    string? ReporterName = null,
    string? KecamatanCode = null,
    string? KelurahanCode = null,
    double? Latitude = null,
    double? Longitude = null);

/// <summary>What the citizen is told: the ticket, and where the complaint went.</summary>
public sealed record ComplaintReceipt(long Id, string Ticket, string? CategoryCode, string? OpdCode, bool NeedsTriage);

/// <summary>
/// The one way a complaint enters the city, whatever the channel (SMS, web form, call centre, the simulator):
/// route it, give it a ticket, store it with its first history entry in one transaction, then tell the wall.
/// </summary>
public sealed class ComplaintIntake(
    IDbContextFactory<SituationDbContext> dbFactory,
    ComplaintRouting routing,
    LiveSituation live,
    IOptions<ComplaintsOptions> options)
{
    // SQLite has one writer anyway; serialising here also makes the per-year ticket counter safe.
    // REVIEW: several app instances on a server database would need the counter incremented in SQL.
    private readonly SemaphoreSlim writer = new(1, 1);

    public async Task<ComplaintReceipt> SubmitAsync(ComplaintSubmission submission, CancellationToken cancellationToken)
    {
        var route = routing.Route(submission.Text);
        var kecamatan = submission.KecamatanCode ?? route.Place?.KecamatanCode;
        var kelurahan = submission.KelurahanCode ?? (submission.KecamatanCode is null ? route.Place?.KelurahanCode : null);
        var receivedUtc = submission.ReceivedAt.UtcDateTime;
        var year = Wib.ToWib(submission.ReceivedAt).Year;
        var prefix = options.Value.TicketPrefix;

        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var counter = await db.TicketCounters.FindAsync([prefix, year], cancellationToken);
            if (counter is null)
            {
                counter = new TicketCounter { Prefix = prefix, Year = year };
                db.TicketCounters.Add(counter);
            }

            counter.Last++;
            var complaint = new Complaint
            {
                Ticket = TicketNumber.Format(prefix, year, counter.Last),
                Channel = submission.Channel,
                Text = submission.Text,
                ReporterPhone = submission.ReporterPhone,
                ReporterName = submission.ReporterName,
                KecamatanCode = kecamatan,
                KelurahanCode = kelurahan,
                Latitude = submission.Latitude,
                Longitude = submission.Longitude,
                CategoryCode = route.CategoryCode,
                OpdCode = route.NeedsTriage ? null : route.OpdCode,
                Status = ComplaintStatus.Received,
                ReceivedAt = receivedUtc,
                DueAt = receivedUtc.AddDays(options.Value.SlaDays),
                UpdatedAt = receivedUtc,
                History =
                [
                    new ComplaintEvent
                    {
                        At = receivedUtc,
                        ToStatus = ComplaintStatus.Received,
                        OpdCode = route.NeedsTriage ? null : route.OpdCode,
                        Actor = $"kanal:{submission.Channel}",
                        Note = route.NeedsTriage ? route.TriageReason : null,
                    },
                ],
            };
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            live.Apply(ComplaintFacts.From(complaint), submission.ReceivedAt);
            return new ComplaintReceipt(complaint.Id, complaint.Ticket, complaint.CategoryCode, complaint.OpdCode, route.NeedsTriage);
        }
        finally
        {
            writer.Release();
        }
    }
}
