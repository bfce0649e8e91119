using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Complaints;

internal static class ComplaintFacts
{
    public static ComplaintFact From(Complaint c) =>
        new ComplaintRow(c.Id, c.Ticket, c.Status, c.Channel, c.OpdCode, c.KecamatanCode, c.CategoryCode, c.ReceivedAt, c.DueAt, c.EscalatesAt, c.ClosedAt, c.ReporterPhone, c.Text)
            .ToFact();
}
