namespace SituationRoom.Core.Devices;

/// <summary>What a device's own clock has said so far: the newest report time, and a run of older reports if one is under way.</summary>
/// <param name="NewestAt">The device's time on the newest report taken as news.</param>
/// <param name="StaleSince">Server time of the first report in the current run of reports older than <paramref name="NewestAt"/>.</param>
/// <param name="StaleNewestAt">The newest device time within that run.</param>
public readonly record struct ReportClock(DateTimeOffset? NewestAt, DateTimeOffset? StaleSince = null, DateTimeOffset? StaleNewestAt = null)
{
    public static readonly ReportClock Unknown = default;
}

/// <summary>Whether a report is news or a duplicate, a replay or otherwise out of order.</summary>
/// <remarks>
/// A device's reports are ordered by its own clock, which may be hours off but is compared only with itself;
/// liveness still dates everything by the server's receive time. A report no newer than the newest seen is
/// ignored: controllers resend and replay buffers after reconnecting. A device whose clock was set back (a
/// camera booting at 1970 after a power cut) sends reports that are older but keep advancing among themselves;
/// once such a run has lasted <c>resetAfter</c> of server time it is believed. A replay is one burst, and a
/// resend repeats the same times, so neither lasts that long while advancing.
/// </remarks>
public static class ReportOrder
{
    public static (bool IsNew, ReportClock Clock) Check(ReportClock clock, DateTimeOffset reportedAt, DateTimeOffset receivedAt, TimeSpan resetAfter)
    {
        if (clock.NewestAt is not { } newest || reportedAt > newest)
        {
            return (true, new ReportClock(reportedAt));
        }

        if (clock is { StaleSince: { } since, StaleNewestAt: { } staleNewest })
        {
            if (reportedAt <= staleNewest)
            {
                return (false, clock);
            }

            return receivedAt - since >= resetAfter
                ? (true, new ReportClock(reportedAt))
                : (false, clock with { StaleNewestAt = reportedAt });
        }

        return (false, clock with { StaleSince = receivedAt, StaleNewestAt = reportedAt });
    }
}
