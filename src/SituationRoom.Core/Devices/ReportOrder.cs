namespace SituationRoom.Core.Devices;

/// <summary>What a device's own clock has said so far: the newest report time, and a run of older reports if one is under way.</summary>
/// <param name="NewestAt">The device's time on the newest report taken as news.</param>
/// <param name="StaleSince">Server time of the first report in the current run of reports older than <paramref name="NewestAt"/>.</param>
/// <param name="StaleNewestAt">The newest device time within that run.</param>
/// <param name="StaleFirstAt">The device time of the run's first report.</param>
public readonly record struct ReportClock(DateTimeOffset? NewestAt, DateTimeOffset? StaleSince = null, DateTimeOffset? StaleNewestAt = null, DateTimeOffset? StaleFirstAt = null)
{
    public static readonly ReportClock Unknown = default;
}

/// <summary>Whether a report is news or a duplicate, a replay or otherwise out of order.</summary>
/// <remarks>
/// A device's reports are ordered by its own clock, which may be hours off but is compared only with itself;
/// liveness still dates everything by the server's receive time. A report no newer than the newest seen is
/// ignored: controllers resend and replay buffers after reconnecting. A device whose clock was set back (a
/// camera booting at 1970 after a power cut, a clock that ran hours ahead corrected by NTP) sends reports that
/// are older but keep advancing among themselves. Such a run is believed as soon as its device time has kept the
/// server's pace for a few seconds, which a replay does not (it hands over minutes or hours of reports in one
/// burst), so the device is not taken for silent; any advancing run is believed once it has lasted
/// <c>resetAfter</c> of server time. A resend repeats the same times and is never believed.
/// </remarks>
public static class ReportOrder
{
    /// <summary>Server time a run must span before its pace means anything: a burst spans less.</summary>
    private static readonly TimeSpan PaceMinimum = TimeSpan.FromSeconds(5);

    /// <summary>How far device time may stray from server time in a paced run: delivery jitter, not a replay.</summary>
    private static readonly TimeSpan PaceSlack = TimeSpan.FromSeconds(10);

    private const double PaceShare = 0.25;

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

            var server = receivedAt - since;
            var device = reportedAt - (clock.StaleFirstAt ?? staleNewest);
            return server >= resetAfter || KeepsPace(device, server)
                ? (true, new ReportClock(reportedAt))
                : (false, clock with { StaleNewestAt = reportedAt });
        }

        return (false, clock with { StaleSince = receivedAt, StaleNewestAt = reportedAt, StaleFirstAt = reportedAt });
    }

    private static bool KeepsPace(TimeSpan device, TimeSpan server) =>
        server >= PaceMinimum && (device - server).Duration() <= (server * PaceShare > PaceSlack ? server * PaceShare : PaceSlack);
}
