using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Every write to complaints, the inbox and the outbox runs here: one context, one transaction, committed only
/// when the work returns, one writer at a time in this process. SQLite has one writer anyway; taking turns here
/// keeps the ticket counter's read-increment-write and the inbox's "seen this message?" check race-free in
/// process, and the unique indexes keep them correct across processes.
/// </summary>
public sealed class ComplaintWriter(IDbContextFactory<SituationDbContext> dbFactory)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<SituationDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
