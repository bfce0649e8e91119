using FsCheck;
using FsCheck.Fluent;
using SituationRoom.Core.Devices;

namespace SituationRoom.Core.Tests.Devices;

/// <summary>One device's history with a window, a "now" and maintenance, as the property tests generate it.</summary>
public sealed record DeviceHistory(
    IReadOnlyList<StatusInterval> Intervals,
    TimeWindow Window,
    DateTimeOffset Now,
    IReadOnlyList<TimeWindow> Maintenance)
{
    public override string ToString() =>
        $"window {Window.Start:HH:mm:ss}-{Window.End:HH:mm:ss}, now {Now:HH:mm:ss}, "
        + $"intervals [{string.Join(", ", Intervals.Select(i => $"{i.Status} {i.From:HH:mm:ss}-{i.To:HH:mm:ss}"))}], "
        + $"maintenance [{string.Join(", ", Maintenance.Select(m => $"{m.Start:HH:mm:ss}-{m.End:HH:mm:ss}"))}]";
}

/// <summary>Generators for property tests: contiguous histories with gaps, open ends and overlapping maintenance.</summary>
public static class DeviceHistories
{
    public static readonly DateTimeOffset Origin = new(2025, 10, 14, 0, 0, 0, TimeSpan.FromHours(7));

    private static readonly DeviceStatus[] Statuses = Enum.GetValues<DeviceStatus>();

    /// <summary>Histories whose every boundary falls on a whole unit (a minute, or a second).</summary>
    public static Arbitrary<DeviceHistory> OnGrid(TimeSpan unit, int span) => Arb.From(Generate(unit, span));

    private static Gen<DeviceHistory> Generate(TimeSpan unit, int span)
    {
        var piece =
            from status in Gen.Elements(Statuses)
            from length in Gen.Choose(1, span / 4)
            from gap in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, span / 10)))
            select (status, length, gap);
        var maintenance =
            from start in Gen.Choose(-span / 4, span)
            from length in Gen.Choose(-5, span / 3)
            select new TimeWindow(Origin + (unit * start), Origin + (unit * (start + length)));

        return
            from first in Gen.Choose(-span / 4, span / 2)
            from pieces in Gen.ListOf(piece).Select(p => p.Take(12).ToList())
            from openEnd in Gen.Elements(true, false)
            from windowStart in Gen.Choose(-span / 4, span / 2)
            from windowLength in Gen.Choose(-10, span)
            from now in Gen.Choose(-span / 4, span + (span / 4))
            from windows in Gen.ListOf(maintenance).Select(m => m.Take(4).ToList())
            select new DeviceHistory(
                Build(pieces, first, openEnd, unit),
                new TimeWindow(Origin + (unit * windowStart), Origin + (unit * (windowStart + windowLength))),
                Origin + (unit * now),
                windows);
    }

    private static List<StatusInterval> Build(List<(DeviceStatus Status, int Length, int Gap)> pieces, int first, bool openEnd, TimeSpan unit)
    {
        var intervals = new List<StatusInterval>();
        var at = first;
        for (var i = 0; i < pieces.Count; i++)
        {
            var (status, length, gap) = pieces[i];
            var from = at + gap;
            DateTimeOffset? to = openEnd && i == pieces.Count - 1 ? null : Origin + (unit * (from + length));
            intervals.Add(new StatusInterval(status, Origin + (unit * from), to));
            at = from + length;
        }

        return intervals;
    }
}
