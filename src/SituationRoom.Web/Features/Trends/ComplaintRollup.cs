using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Trends;

/// <summary>
/// Keeps the complaint cube (<see cref="ComplaintRollupCell"/>, by day and by month) equal to the complaints. Every change to a
/// complaint writes a ComplaintEvent (intake, every workflow move), so the events after the last one seen name the
/// complaints that changed; the days those complaints were received or closed on (now or before a reopen) are
/// recomputed whole from raw rows, and their months summed again from their days. Readers call <see cref="CatchUpAsync"/> first, so a chart is never behind the
/// list it drills into. On start the cube is rebuilt from scratch, which also heals any change made without an event.
/// </summary>
public sealed class ComplaintRollup(IDbContextFactory<SituationDbContext> dbFactory, ILogger<ComplaintRollup> logger)
{
    // Beyond this many changed complaints a full rebuild is cheaper than hunting their days.
    private const int MostTouchedForIncremental = 5_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private long seenEventId = -1;

    /// <summary>True once the cube has been built since start.</summary>
    public bool IsBuilt => Interlocked.Read(ref seenEventId) >= 0;

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var latest = await db.ComplaintEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            if (seenEventId >= 0 && latest <= seenEventId)
            {
                return;
            }

            // Raw rows read after this point include at least every change up to `latest`; later ones come next time.
            if (seenEventId < 0)
            {
                await RebuildAsync(db, cancellationToken);
            }
            else
            {
                var touched = await db.ComplaintEvents
                    .Where(e => e.Id > seenEventId && e.Id <= latest)
                    .Select(e => e.ComplaintId)
                    .Distinct()
                    .ToListAsync(cancellationToken);
                if (touched.Count > MostTouchedForIncremental)
                {
                    await RebuildAsync(db, cancellationToken);
                }
                else
                {
                    var days = await DaysOfAsync(db, touched, cancellationToken);
                    foreach (var run in Runs(days))
                    {
                        await RecomputeAsync(db, run, cancellationToken);
                    }
                }
            }

            Interlocked.Exchange(ref seenEventId, latest);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets what was seen, so the next catch-up rebuilds the cube from every complaint.</summary>
    public void Invalidate() => Interlocked.Exchange(ref seenEventId, -1);

    private async Task RebuildAsync(SituationDbContext db, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await db.ComplaintRollupCells.ExecuteDeleteAsync(cancellationToken);
        var first = await db.Complaints.MinAsync(c => (DateTime?)c.ReceivedAt, cancellationToken);
        var lastReceived = await db.Complaints.MaxAsync(c => (DateTime?)c.ReceivedAt, cancellationToken);
        var lastClosed = await db.Complaints.MaxAsync(c => c.ClosedAt, cancellationToken);
        if (first is null || lastReceived is null)
        {
            return;
        }

        var last = lastClosed > lastReceived ? lastClosed.Value : lastReceived.Value;
        var from = Wib.DateOf(Utc(first.Value));
        var to = Wib.DateOf(Utc(last));

        // A month per transaction: the one SQLite writer is never held for long, so intake goes on during a rebuild.
        foreach (var month in new DayRange(from, to).Buckets(Grain.Month))
        {
            await RecomputeAsync(db, month, cancellationToken);
        }

        logger.LogInformation("Complaint trends rebuilt for {Range} in {Elapsed} ms", new DayRange(from, to), clock.ElapsedMilliseconds);
    }

    /// <summary>Replaces the cube's day cells for every day of <paramref name="days"/> with a fresh tally of the raw rows,
    /// then the month cells of the months those days fall in with sums of their day cells.</summary>
    private static async Task RecomputeAsync(SituationDbContext db, DayRange days, CancellationToken cancellationToken)
    {
        var start = days.StartUtc;
        var end = days.EndUtc;
        var received = await Records(db.Complaints.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)).ToListAsync(cancellationToken);
        var closed = await Records(db.Complaints.Where(c => c.ClosedAt >= start && c.ClosedAt < end)).ToListAsync(cancellationToken);
        var complaints = received.Concat(closed).DistinctBy(c => c.Id).Select(c => new ComplaintRecord(
            c.Status,
            Utc(c.ReceivedAt),
            Utc(c.DueAt),
            c.ClosedAt is { } at ? Utc(at) : null,
            c.OpdCode ?? "",
            c.KecamatanCode ?? "",
            c.CategoryCode ?? "",
            c.Channel.ToString()));
        var cells = ComplaintCube.Tally(complaints, days);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(
                connection,
                transaction,
                "DELETE FROM \"ComplaintRollupCells\" WHERE \"Grain\" = 'Day' AND \"Start\" >= @from AND \"Start\" <= @to",
                cancellationToken,
                ("@from", Iso(days.From)),
                ("@to", Iso(days.To)));
            Insert(connection, transaction, cells.OrderBy(c => c.Key.Day).Select(c => ComplaintRollupCell.From(c.Key, c.Value)));

            foreach (var month in days.Buckets(Grain.Month))
            {
                var first = new DateOnly(month.From.Year, month.From.Month, 1);
                (string, object)[] bounds = [("@month", Iso(first)), ("@last", Iso(first.AddMonths(1).AddDays(-1)))];
                await ExecuteAsync(connection, transaction, "DELETE FROM \"ComplaintRollupCells\" WHERE \"Grain\" = 'Month' AND \"Start\" = @month", cancellationToken, bounds);
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO \"ComplaintRollupCells\" ({ColumnList}) " +
                    $"SELECT 'Month', @month, \"OpdCode\", \"KecamatanCode\", \"CategoryCode\", \"Channel\", {string.Join(", ", Columns.Skip(6).Select(c => $"SUM(\"{c}\")"))} " +
                    "FROM \"ComplaintRollupCells\" WHERE \"Grain\" = 'Day' AND \"Start\" >= @month AND \"Start\" <= @last " +
                    "GROUP BY \"OpdCode\", \"KecamatanCode\", \"CategoryCode\", \"Channel\"",
                    cancellationToken,
                    bounds);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IQueryable<RawComplaint> Records(IQueryable<Features.Complaints.Complaint> complaints) =>
        complaints.AsNoTracking().Select(c => new RawComplaint(
            c.Id, c.Status, c.ReceivedAt, c.DueAt, c.ClosedAt, c.OpdCode, c.KecamatanCode, c.CategoryCode, c.Channel));

    /// <summary>Every WIB day on which the cube counts one of these complaints now or counted it before.</summary>
    private static async Task<SortedSet<DateOnly>> DaysOfAsync(SituationDbContext db, List<long> complaintIds, CancellationToken cancellationToken)
    {
        var days = new SortedSet<DateOnly>();
        foreach (var chunk in complaintIds.Chunk(500))
        {
            var instants = await db.Complaints
                .Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.ReceivedAt, c.ClosedAt })
                .ToListAsync(cancellationToken);
            foreach (var c in instants)
            {
                days.Add(Wib.DateOf(Utc(c.ReceivedAt)));
                if (c.ClosedAt is { } closed)
                {
                    days.Add(Wib.DateOf(Utc(closed)));
                }
            }

            // A reopened complaint was counted as closed on the day of its earlier closure; that day changes too.
            var closures = await db.ComplaintEvents
                .Where(e => chunk.Contains(e.ComplaintId) && (e.ToStatus == ComplaintStatus.Resolved || e.ToStatus == ComplaintStatus.Rejected))
                .Select(e => e.At)
                .ToListAsync(cancellationToken);
            foreach (var at in closures)
            {
                days.Add(Wib.DateOf(Utc(at)));
            }
        }

        return days;
    }

    private static IEnumerable<DayRange> Runs(SortedSet<DateOnly> days)
    {
        DateOnly? start = null, end = null;
        foreach (var day in days)
        {
            if (end is { } e && day == e.AddDays(1))
            {
                end = day;
                continue;
            }

            if (start is { } s)
            {
                yield return new DayRange(s, end!.Value);
            }

            start = end = day;
        }

        if (start is { } last)
        {
            yield return new DayRange(last, end!.Value);
        }
    }

    private static readonly string[] Columns =
    [
        "Grain", "Start", "OpdCode", "KecamatanCode", "CategoryCode", "Channel", "Received", "Closed", "ClosedWithinSla", "Resolved",
        "ResolvedWithin6h", "ResolvedWithin12h", "ResolvedWithin1d", "ResolvedWithin2d", "ResolvedWithin3d", "ResolvedWithin4d",
        "ResolvedWithin5d", "ResolvedWithin6d", "ResolvedWithin7d", "ResolvedWithin8d", "ResolvedWithin9d", "ResolvedWithin10d",
        "ResolvedWithin14d", "ResolvedWithin21d", "ResolvedWithin30d",
    ];

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    // The bulk path: prepared ADO.NET inserts, as DemoCityLoader does; EF change tracking would take far longer for a year.
    private static void Insert(DbConnection connection, DbTransaction transaction, IEnumerable<ComplaintRollupCell> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"ComplaintRollupCells\" ({ColumnList}) " +
            $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = Columns.Select((_, i) => Parameter(command, $"@p{i}", null)).ToArray();
        command.Prepare();
        foreach (var r in rows)
        {
            object[] values =
            [
                r.Grain, Iso(r.Start), r.OpdCode, r.KecamatanCode, r.CategoryCode, r.Channel,
                r.Received, r.Closed, r.ClosedWithinSla, r.Resolved, r.ResolvedWithin6h, r.ResolvedWithin12h, r.ResolvedWithin1d,
                r.ResolvedWithin2d, r.ResolvedWithin3d, r.ResolvedWithin4d, r.ResolvedWithin5d, r.ResolvedWithin6d, r.ResolvedWithin7d,
                r.ResolvedWithin8d, r.ResolvedWithin9d, r.ResolvedWithin10d, r.ResolvedWithin14d, r.ResolvedWithin21d, r.ResolvedWithin30d,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            command.ExecuteNonQuery();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record RawComplaint(
        long Id,
        ComplaintStatus Status,
        DateTime ReceivedAt,
        DateTime DueAt,
        DateTime? ClosedAt,
        string? OpdCode,
        string? KecamatanCode,
        string? CategoryCode,
        ComplaintChannel Channel);
}

/// <summary>Builds the cube on start and keeps it current between readers, so the first chart after a quiet spell is quick.</summary>
public sealed class ComplaintRollupRefresher(
    ComplaintRollup rollup,
    Microsoft.Extensions.Options.IOptions<TrendsOptions> options,
    TimeProvider clock,
    ILogger<ComplaintRollupRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: yield first, or this work would hold up the host's start
        // (and Kestrel's listening) until it is done.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await rollup.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Bringing the complaint trends up to date failed; readers will try again");
            }

            await Task.Delay(options.Value.RollupInterval, clock, stoppingToken);
        }
    }
}
