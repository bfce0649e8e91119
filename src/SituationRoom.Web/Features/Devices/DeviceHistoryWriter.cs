using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Devices;

/// <summary>A device moved to a new status at a server-side instant.</summary>
public sealed record DeviceStatusChange(string DeviceId, DeviceStatus Status, DateTimeOffset At);

/// <summary>
/// The one writer of device history. Concurrent batches queue here and are committed together in one
/// transaction (group commit); each caller's task completes only once its changes are durable, so an
/// ingestion endpoint answers 2xx only for what is on disk. Nothing is written per heartbeat.
/// </summary>
public sealed class DeviceHistoryWriter(
    IDbContextFactory<SituationDbContext> dbFactory,
    ILogger<DeviceHistoryWriter> logger) : BackgroundService
{
    private const int MaxChangesPerTransaction = 20_000;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(IReadOnlyList<DeviceStatusChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(changes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
            while (count < MaxChangesPerTransaction && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                count += pending.Changes.Count;
            }

            try
            {
                await CommitAsync(batch, stoppingToken);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                // The callers answer 503 and the feeds send again; the writer itself carries on.
                logger.LogError(ex, "Writing {Count} device status changes failed", count);
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
        using var close = Command(connection, transaction, "UPDATE \"DeviceStatusIntervals\" SET \"To\" = @at WHERE \"DeviceId\" = @id AND \"To\" IS NULL", "@at", "@id");
        using var open = Command(connection, transaction, "INSERT INTO \"DeviceStatusIntervals\" (\"DeviceId\", \"Status\", \"From\") VALUES (@id, @status, @at)", "@id", "@status", "@at");
        using var device = Command(connection, transaction, "UPDATE \"Devices\" SET \"Status\" = @status, \"StatusSince\" = @at, \"LastReportAt\" = @at WHERE \"Id\" = @id", "@status", "@at", "@id");
        foreach (var change in batch.SelectMany(p => p.Changes))
        {
            var at = change.At.UtcDateTime;
            var status = change.Status.ToString();
            Run(close, at, change.DeviceId);
            Run(open, change.DeviceId, status, at);
            Run(device, status, at, change.DeviceId);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        command.Prepare();
        return command;
    }

    private static void Run(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private sealed record Pending(IReadOnlyList<DeviceStatusChange> Changes, TaskCompletionSource Done);
}
