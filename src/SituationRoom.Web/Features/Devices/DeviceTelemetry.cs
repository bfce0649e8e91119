using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>One report from a hotspot controller or a camera management system.</summary>
public sealed record DeviceReport(string DeviceId, DateTimeOffset At, DeviceStatus Status);

/// <summary>What became of a batch: how many changed a device's status, and which ids the registry does not know.</summary>
public sealed record DeviceIngestResult(int Accepted, int StatusChanges, IReadOnlyList<string> UnknownDeviceIds);

/// <summary>
/// The ingestion path every device feed uses (the HTTP endpoints and the demo simulator alike):
/// decide in memory, make the status changes durable in one group commit, then update the live situation.
/// </summary>
public sealed class DeviceTelemetry(LiveSituation live, DeviceHistoryWriter writer, TimeProvider clock)
{
    private readonly Lock gate = new();

    public async Task<DeviceIngestResult> IngestAsync(DeviceKind kind, IReadOnlyList<DeviceReport> reports, CancellationToken cancellationToken)
    {
        // Liveness uses the server's receive time, never the device's clock, which may be off by hours.
        var receivedAt = clock.GetUtcNow();
        var unknown = reports
            .Where(r => live.Device(r.DeviceId) is not { } d || d.Kind != kind)
            .Select(r => r.DeviceId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            return new DeviceIngestResult(0, 0, unknown);
        }

        var changes = new List<DeviceStatusChange>();
        var updated = new Dictionary<string, DeviceFact>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var report in reports)
            {
                var fact = updated.GetValueOrDefault(report.DeviceId) ?? live.Device(report.DeviceId)!;
                if (fact.Status == report.Status)
                {
                    updated[report.DeviceId] = fact with { LastReportAt = receivedAt };
                    continue;
                }

                changes.Add(new DeviceStatusChange(report.DeviceId, report.Status, receivedAt));
                updated[report.DeviceId] = fact with
                {
                    Status = report.Status,
                    StatusSince = receivedAt,
                    LastReportAt = receivedAt,
                    Recent = Extend(fact.Recent, report.Status, receivedAt),
                };
            }

            // Memory moves first so that two batches for one device decide in order; the caller still hears
            // success only after the write below is committed.
            live.Apply(updated.Values);
        }

        await writer.WriteAsync(changes, cancellationToken);
        return new DeviceIngestResult(reports.Count, changes.Count, []);
    }

    private static IReadOnlyList<StatusInterval> Extend(IReadOnlyList<StatusInterval> recent, DeviceStatus status, DateTimeOffset at)
    {
        var horizon = at - SituationComposer.UptimeWindow - TimeSpan.FromHours(1);
        var next = new List<StatusInterval>(recent.Count + 1);
        foreach (var interval in recent)
        {
            if (interval.To is { } to && to < horizon)
            {
                continue;
            }

            next.Add(interval.To is null ? interval with { To = at } : interval);
        }

        next.Add(new StatusInterval(status, at, null));
        return next;
    }
}
