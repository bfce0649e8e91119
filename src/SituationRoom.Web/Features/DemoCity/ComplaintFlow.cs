using SituationRoom.Core;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.DemoCity;

/// <summary>An open complaint as the simulated officers see it.</summary>
/// <param name="Overdue">Past its due time: such a complaint is stuck for a reason, so it is picked up less often.</param>
public readonly record struct OpenComplaint(long Id, ComplaintStatus Status, bool Overdue = false);

/// <summary>One tick of simulated complaint work: how many new complaints arrive, and which open ones move a step on.</summary>
public sealed record ComplaintFlowStep(int Arrivals, IReadOnlyList<ComplaintFlowMove> Moves);

public readonly record struct ComplaintFlowMove(long Id, ComplaintStatus From, ComplaintStatus To);

/// <summary>
/// The demo simulator's complaint decisions, kept apart from the ingestion they drive so they can be played fast in a
/// test. Arrivals follow the hour of day in WIB. Officers move each complaint a step on with a chance per hour chosen
/// so that, on average, every workflow stage passes on as many complaints as arrive: each stage, and so the open
/// count, holds around the size it had when the flow started (the demo city's generated backlog) instead of draining
/// or growing. Work follows the same daily rhythm as arrivals (the room staffs to demand), so the backlog does not
/// swing by hundreds between night and day at the demo's pace. The same seed and inputs give the same decisions.
/// </summary>
public sealed class ComplaintFlow
{
    /// <summary>The stages the simulated officers work, in order; the last one's next step is Resolved.</summary>
    public static readonly IReadOnlyList<ComplaintStatus> Stages =
        [ComplaintStatus.Received, ComplaintStatus.Verified, ComplaintStatus.Dispatched, ComplaintStatus.InProgress];

    // Relative arrivals per WIB hour (00-23): quiet nights, a morning peak, a second rise after evening prayers.
    private static readonly double[] HourWeights =
        [0.25, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.3, 1.7, 1.8, 1.7, 1.5, 1.2, 1.3, 1.4, 1.4, 1.3, 1.1, 1.0, 1.2, 1.3, 1.1, 0.8, 0.5];

    private static readonly double MeanHourWeight = HourWeights.Average();

    // A stage empty at the start still needs a finite pace; a few complaints' worth keeps them moving quickly through it.
    private const int MinimumStageSize = 5;

    // Overdue complaints are those the officers have not managed to close; they stay harder to close.
    private const double OverdueWeight = 0.1;

    private readonly double complaintsPerHour;
    private readonly double[] ratePerComplaintHour;
    private readonly Random random;

    /// <param name="backlog">The open complaints at the start: each stage is held around its size here.</param>
    /// <param name="complaintsPerHour">Mean arrivals per hour over a day.</param>
    public ComplaintFlow(IEnumerable<OpenComplaint> backlog, double complaintsPerHour, int seed)
    {
        var sizes = StageSizes(backlog);
        this.complaintsPerHour = complaintsPerHour;
        ratePerComplaintHour = sizes.Select(size => complaintsPerHour / Math.Max(size, MinimumStageSize)).ToArray();
        random = new Random(seed);
        Target = sizes;
    }

    /// <summary>The stage sizes this flow holds the backlog around, in the order of <see cref="Stages"/>.</summary>
    public IReadOnlyList<int> Target { get; }

    /// <summary>The pace of the day at this instant, 1 on average over a WIB day.</summary>
    public static double Rhythm(DateTimeOffset now) => HourWeights[Wib.ToWib(now).Hour] / MeanHourWeight;

    /// <summary>What happens in the <paramref name="tick"/> ending at <paramref name="now"/>, given the complaints open now.</summary>
    public ComplaintFlowStep Next(IReadOnlyList<OpenComplaint> open, DateTimeOffset now, TimeSpan tick)
    {
        var pace = Rhythm(now) * tick.TotalHours;
        var arrivals = Poisson(complaintsPerHour * pace);
        var sizes = StageSizes(open);
        var moves = new List<ComplaintFlowMove>();
        for (var stage = 0; stage < Stages.Count; stage++)
        {
            var count = Math.Min(sizes[stage], Poisson(ratePerComplaintHour[stage] * sizes[stage] * pace));
            if (count == 0)
            {
                continue;
            }

            // In id order, so the pick depends on the seed and the complaints, not on the order they were handed in.
            var status = Stages[stage];
            var waiting = open.Where(c => c.Status == status).OrderBy(c => c.Id).ToList();
            var next = stage + 1 < Stages.Count ? Stages[stage + 1] : ComplaintStatus.Resolved;
            foreach (var picked in PickWeighted(waiting, count))
            {
                moves.Add(new ComplaintFlowMove(picked.Id, status, next));
            }
        }

        return new ComplaintFlowStep(arrivals, moves);
    }

    private static int[] StageSizes(IEnumerable<OpenComplaint> complaints)
    {
        var sizes = new int[Stages.Count];
        foreach (var complaint in complaints)
        {
            var stage = IndexOf(complaint.Status);
            if (stage >= 0)
            {
                sizes[stage]++;
            }
        }

        return sizes;
    }

    private static int IndexOf(ComplaintStatus status)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i] == status)
            {
                return i;
            }
        }

        return -1;
    }

    private List<OpenComplaint> PickWeighted(List<OpenComplaint> candidates, int count)
    {
        var picked = new List<OpenComplaint>(count);
        for (var i = 0; i < count && candidates.Count > 0; i++)
        {
            var total = candidates.Sum(Weight);
            var roll = random.NextDouble() * total;
            var index = 0;
            while (index < candidates.Count - 1 && (roll -= Weight(candidates[index])) >= 0)
            {
                index++;
            }

            picked.Add(candidates[index]);
            candidates.RemoveAt(index);
        }

        return picked;
    }

    private static double Weight(OpenComplaint complaint) => complaint.Overdue ? OverdueWeight : 1;

    private int Poisson(double mean)
    {
        // Knuth's method: means here are small (a few per tick).
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
