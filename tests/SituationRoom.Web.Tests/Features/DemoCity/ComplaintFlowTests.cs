using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.DemoCity;

/// <summary>
/// The simulator's complaint decisions played hour after hour against the demo city's generated backlog, with a manual
/// clock and the simulator's own tick and pace: the workflow is applied the way the real one applies these moves (one
/// step each, resolved leaves the open set), without the database, so six hours take a second.
/// </summary>
public sealed class ComplaintFlowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    // The generated backlog: a year of complaints as the demo city makes them (few devices, which the flow ignores).
    private static readonly Lazy<Backlog> City = new(() => Backlog.Of(DemoCityGenerator.Generate(new DemoCityOptions { Hotspots = 20, Cameras = 20 }, Start)));

    [Theory]
    [InlineData(1708)]
    [InlineData(7)]
    [InlineData(20261120)]
    public void Next_SixHoursFromTheGeneratedBacklog_OpenCountStaysWithinTenPercentOfItsStart(int seed)
    {
        var settings = new SimulatorOptions();
        var city = City.Value.Copy();
        var clock = new ManualClock(Start);
        var flow = new ComplaintFlow(city.Worked(clock.GetUtcNow()), settings.ComplaintsPerHour, seed);
        var start = city.Open;
        var (lowest, highest) = (start, start);

        while (clock.GetUtcNow() < Start.AddHours(6))
        {
            clock.Advance(settings.Tick);
            city.Apply(flow.Next(city.Worked(clock.GetUtcNow()), clock.GetUtcNow(), settings.Tick), clock.GetUtcNow());
            (lowest, highest) = (Math.Min(lowest, city.Open), Math.Max(highest, city.Open));
        }

        Assert.True(start > 500, $"the generated backlog is a real one ({start} open)");
        Assert.True(lowest >= start * 0.9 && highest <= start * 1.1, $"open started at {start} and ranged {lowest}–{highest} over six hours");
        Assert.True(city.Arrived > 6 * settings.ComplaintsPerHour * 0.5, $"complaints kept arriving ({city.Arrived})");
        Assert.True(city.Resolved > city.Arrived * 0.8, $"and kept being resolved ({city.Resolved} of {city.Arrived})");
    }

    [Fact]
    public void Next_SixHours_OverdueComplaintsAreNotSweptAway()
    {
        var settings = new SimulatorOptions();
        var city = City.Value.Copy();
        var now = Start;
        var flow = new ComplaintFlow(city.Worked(now), settings.ComplaintsPerHour, 1708);
        var overdue = city.Overdue(now);

        for (; now < Start.AddHours(6); now += settings.Tick)
        {
            city.Apply(flow.Next(city.Worked(now + settings.Tick), now + settings.Tick, settings.Tick), now + settings.Tick);
        }

        // Officers pick overdue complaints up less often (they are stuck for a reason), so the wall's ▲ keeps meaning something.
        Assert.True(city.Overdue(now) >= overdue * 0.6, $"overdue went from {overdue} to {city.Overdue(now)}");
    }

    [Fact]
    public void Next_SameSeedAndComplaints_SameDecisions_OtherSeedOthers()
    {
        var backlog = City.Value.Worked(Start);

        var first = Play(new ComplaintFlow(backlog, 240, 1708), backlog);
        var second = Play(new ComplaintFlow(backlog, 240, 1708), backlog);
        var other = Play(new ComplaintFlow(backlog, 240, 1709), backlog);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);

        static string Play(ComplaintFlow flow, IReadOnlyList<OpenComplaint> open) => string.Join(
            ";",
            Enumerable.Range(1, 900).Select(i => flow.Next(open, Start.AddSeconds(2 * i), TimeSpan.FromSeconds(2)))
                .Select(s => $"{s.Arrivals}:{string.Join(",", s.Moves.Select(m => $"{m.Id}>{m.To}"))}"));
    }

    [Fact]
    public void Next_ADay_ArrivalsFollowTheHourOfDayAndAverageTheConfiguredRate()
    {
        var flow = new ComplaintFlow(City.Value.Worked(Start), 240, 1708);
        var byWibHour = new int[24];

        for (var now = Start; now < Start.AddDays(3); now += TimeSpan.FromSeconds(2))
        {
            byWibHour[Wib.ToWib(now).Hour] += flow.Next([], now, TimeSpan.FromSeconds(2)).Arrivals;
        }

        Assert.InRange(byWibHour.Sum() / 72.0, 240 * 0.95, 240 * 1.05);
        Assert.True(byWibHour[9] > 3 * byWibHour[2], $"09:00 WIB had {byWibHour[9]}, 02:00 WIB {byWibHour[2]}");
    }

    [Fact]
    public void Next_ResolvesOnlyFromInProgressAndMovesEachComplaintOneStep()
    {
        var open = new[]
        {
            new OpenComplaint(1, ComplaintStatus.Received), new OpenComplaint(2, ComplaintStatus.Verified),
            new OpenComplaint(3, ComplaintStatus.Dispatched), new OpenComplaint(4, ComplaintStatus.InProgress),
            new OpenComplaint(5, ComplaintStatus.HandedOver), new OpenComplaint(6, ComplaintStatus.WaitingOnCitizen),
        };
        var flow = new ComplaintFlow(open, 240, 1708);

        var moves = Enumerable.Range(1, 2000).SelectMany(i => flow.Next(open, Start.AddSeconds(2 * i), TimeSpan.FromSeconds(2)).Moves).ToList();

        Assert.Equal(
            new[] { (1L, ComplaintStatus.Verified), (2L, ComplaintStatus.Dispatched), (3L, ComplaintStatus.InProgress), (4L, ComplaintStatus.Resolved) },
            moves.Select(m => (m.Id, m.To)).Distinct().OrderBy(m => m.Id));
        Assert.All(moves, m => Assert.Equal(open.Single(o => o.Id == m.Id).Status, m.From));
    }

    /// <summary>The open complaints with their due times, moved as the workflow would move them.</summary>
    private sealed class Backlog
    {
        private readonly Dictionary<long, (ComplaintStatus Status, DateTimeOffset DueAt)> open;
        private long nextId;

        private Backlog(Dictionary<long, (ComplaintStatus, DateTimeOffset)> open, long nextId)
        {
            this.open = open;
            this.nextId = nextId;
        }

        public int Open => open.Count;

        public int Arrived { get; private set; }

        public int Resolved { get; private set; }

        public static Backlog Of(DemoCityData city) => new(
            city.Complaints.Where(c => c.Status.IsOpen()).ToDictionary(c => c.Id, c => (c.Status, new DateTimeOffset(c.DueAt, TimeSpan.Zero))),
            city.Complaints.Max(c => c.Id) + 1);

        public Backlog Copy() => new(new Dictionary<long, (ComplaintStatus, DateTimeOffset)>(open), nextId);

        public IReadOnlyList<OpenComplaint> Worked(DateTimeOffset now) =>
            open.Select(c => new OpenComplaint(c.Key, c.Value.Status, c.Value.DueAt < now)).ToList();

        public int Overdue(DateTimeOffset now) => open.Values.Count(c => c.DueAt < now);

        public void Apply(ComplaintFlowStep step, DateTimeOffset now)
        {
            foreach (var move in step.Moves)
            {
                Assert.Equal(move.From, open[move.Id].Status);
                if (move.To == ComplaintStatus.Resolved)
                {
                    open.Remove(move.Id);
                    Resolved++;
                }
                else
                {
                    open[move.Id] = (move.To, open[move.Id].DueAt);
                }
            }

            for (var i = 0; i < step.Arrivals; i++)
            {
                open[nextId++] = (ComplaintStatus.Received, now.AddDays(10));
            }

            Arrived += step.Arrivals;
        }
    }
}
