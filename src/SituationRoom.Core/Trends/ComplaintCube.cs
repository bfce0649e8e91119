using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Trends;

/// <summary>One complaint as the trends see it: its current owner, place, category and channel, and its three instants.</summary>
/// <remarks>Unknown places, owners (in triage) and categories are the empty string, so they group and filter like any code.</remarks>
public sealed record ComplaintRecord(
    ComplaintStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    string Opd,
    string Kecamatan,
    string Category,
    string Channel);

/// <summary>A cell of the daily cube: one WIB day and one value of each dimension.</summary>
public readonly record struct CubeKey(DateOnly Day, string Opd, string Kecamatan, string Category, string Channel);

/// <summary>
/// The daily complaint cube. A complaint counts as received on the WIB day it arrived and as closed on the WIB day of
/// its current closure, both under its current owner, place, category and channel. So a day's cells depend only on
/// the complaints received or closed that day, and a changed complaint is fixed by recomputing those days.
/// </summary>
public static class ComplaintCube
{
    public static Dictionary<CubeKey, ComplaintTally> Tally(IEnumerable<ComplaintRecord> complaints, DayRange days)
    {
        var cells = new Dictionary<CubeKey, ComplaintTally>();
        foreach (var c in complaints)
        {
            var received = Wib.DateOf(c.ReceivedAt);
            if (days.Contains(received))
            {
                Cell(received, c).Received++;
            }

            if (c.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Rejected) || c.ClosedAt is not { } closedAt)
            {
                continue;
            }

            var closed = Wib.DateOf(closedAt);
            if (!days.Contains(closed))
            {
                continue;
            }

            var cell = Cell(closed, c);
            cell.Closed++;
            if (closedAt <= c.DueAt)
            {
                cell.ClosedWithinSla++;
            }

            if (c.Status == ComplaintStatus.Resolved)
            {
                cell.Resolved++;
                ResolutionTimes.Count(closedAt - c.ReceivedAt, cell.ResolvedWithin);
            }
        }

        return cells;

        ComplaintTally Cell(DateOnly day, ComplaintRecord c)
        {
            var key = new CubeKey(day, c.Opd, c.Kecamatan, c.Category, c.Channel);
            if (!cells.TryGetValue(key, out var tally))
            {
                cells[key] = tally = new ComplaintTally();
            }

            return tally;
        }
    }
}
