namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it. Timers still run on real time, so background loops keep ticking.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
