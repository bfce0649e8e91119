using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Devices;

/// <summary>A device moved to a new status at a server-side instant.</summary>
public sealed record DeviceStatusChange(string DeviceId, DeviceStatus Status, DateTimeOffset At);

/// <summary>What a device last said: written now and then from memory, never per report.</summary>
public sealed record DeviceCheckpoint(string DeviceId, DateTimeOffset LastReportAt, DateTimeOffset? LastReportedAt, int? Clients, double? BitrateKbps);

/// <summary>One caller's share of a transaction: status changes, area incidents that opened, changed or closed, checkpoints.</summary>
public sealed record DeviceWrite(
    IReadOnlyList<DeviceStatusChange> Changes,
    IReadOnlyList<AreaIncidentRecord>? Incidents = null,
    IReadOnlyList<DeviceCheckpoint>? Checkpoints = null)
{
    /// <summary>Set by the monitor's sweep: a commit even when nothing changed, so the run's sign of life stays fresh.
    /// Ingestion never sets it, so a batch of heartbeats that changes nothing writes nothing.</summary>
    public bool RenewsSignOfLife { get; init; }

    public bool IsEmpty => Changes.Count == 0 && Incidents is not { Count: > 0 } && Checkpoints is not { Count: > 0 };

    public int Size => Changes.Count + (Incidents?.Count ?? 0) + (Checkpoints?.Count ?? 0);
}

/// <summary>
/// The one writer of device history. Concurrent batches queue here and are committed together in one
/// transaction (group commit); each caller's task completes only once its changes are durable, so an
/// ingestion endpoint answers 2xx only for what is on disk. Nothing is written per heartbeat.
/// </summary>
public sealed class DeviceHistoryWriter(
    IDbContextFactory<SituationDbContext> dbFactory,
    TimeProvider clock,
    ILogger<DeviceHistoryWriter> logger) : BackgroundService
{
    private const int MaxRowsPerTransaction = 20_000;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The monitor's current run: every commit renews its sign of life, so a crash leaves an honest AliveAt.</summary>
    public long? MonitorRunId { get; set; }

    public Task WriteAsync(IReadOnlyList<DeviceStatusChange> changes, CancellationToken cancellationToken) =>
        WriteAsync(new DeviceWrite(changes), cancellationToken);

    /// <summary>Queues synchronously (call it under the caller's lock to keep order) and completes once committed.</summary>
    public Task WriteAsync(DeviceWrite write, CancellationToken cancellationToken)
    {
        if (write.IsEmpty && (MonitorRunId is null || !write.RenewsSignOfLife))
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The device history writer has stopped.");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            var count = 0;
            while (count < MaxRowsPerTransaction && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                count += pending.Write.Size;
            }

            try
            {
                await CommitAsync(batch, stoppingToken);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                // The callers answer 503 and the feeds send again; the writer itself carries on.
                logger.LogError(ex, "Writing {Count} device rows failed", count);
                batch.ForEach(p => p.Done.TrySetException(ex));
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changes = batch.SelectMany(p => p.Write.Changes).ToList();
        PreparedBatch.Execute(
            connection,
            transaction,
            "UPDATE \"DeviceStatusIntervals\" SET \"To\" = @p0 WHERE \"DeviceId\" = @p1 AND \"To\" IS NULL",
            changes,
            c => [c.At.UtcDateTime, c.DeviceId]);
        PreparedBatch.Execute(
            connection,
            transaction,
            PreparedBatch.InsertSql("DeviceStatusIntervals", ["DeviceId", "Status", "From"]),
            changes,
            c => [c.DeviceId, c.Status.ToString(), c.At.UtcDateTime]);
        PreparedBatch.Execute(
            connection,
            transaction,
            "UPDATE \"Devices\" SET \"Status\" = @p0, \"StatusSince\" = @p1 WHERE \"Id\" = @p2",
            changes,
            c => [c.Status.ToString(), c.At.UtcDateTime, c.DeviceId]);
        PreparedBatch.Execute(
            connection,
            transaction,
            "UPDATE \"Devices\" SET \"LastReportAt\" = @p0, \"LastReportedAt\" = @p1, \"LastClients\" = @p2, \"LastBitrateKbps\" = @p3 WHERE \"Id\" = @p4",
            batch.SelectMany(p => p.Write.Checkpoints ?? []),
            c => [c.LastReportAt.UtcDateTime, c.LastReportedAt?.UtcDateTime, c.Clients, c.BitrateKbps, c.DeviceId]);

        // Keyed by area and start, so replaying the same transitions after a restart updates rather than duplicates.
        PreparedBatch.Execute(
            connection,
            transaction,
            PreparedBatch.InsertSql("AreaIncidents", ["Id", "Level", "AreaCode", "KecamatanCode", "OpenedAt", "ClosedAt", "DevicesDark", "DevicesAffected", "DevicesInArea", "MergedInto", "UpdatedAt"])
                + " ON CONFLICT (\"Id\") DO UPDATE SET \"ClosedAt\" = excluded.\"ClosedAt\", \"DevicesDark\" = excluded.\"DevicesDark\", "
                + "\"DevicesAffected\" = excluded.\"DevicesAffected\", \"DevicesInArea\" = excluded.\"DevicesInArea\", "
                + "\"MergedInto\" = excluded.\"MergedInto\", \"UpdatedAt\" = excluded.\"UpdatedAt\"",
            batch.SelectMany(p => p.Write.Incidents ?? []),
            i => [i.Id, i.Level.ToString(), i.AreaCode, i.KecamatanCode, i.OpenedAt, i.ClosedAt, i.DevicesDark, i.DevicesAffected, i.DevicesInArea, i.MergedInto, i.UpdatedAt]);

        if (MonitorRunId is { } run)
        {
            PreparedBatch.Execute(
                connection,
                transaction,
                "UPDATE \"DeviceMonitorRuns\" SET \"AliveAt\" = @p0 WHERE \"Id\" = @p1",
                [run],
                id => [clock.GetUtcNow().UtcDateTime, id]);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record Pending(DeviceWrite Write, TaskCompletionSource Done);
}
