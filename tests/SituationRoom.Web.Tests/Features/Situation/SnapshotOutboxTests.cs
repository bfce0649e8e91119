using SituationRoom.Core.Situation;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Tests.Features.Situation;

/// <summary>The hub's per-client outbox: one send in flight, the newest waiting, no client holding up another.</summary>
public sealed class SnapshotOutboxTests
{
    private static SituationSnapshot Version(long v) => SituationSnapshot.Empty(DateTimeOffset.UnixEpoch) with { Version = v };

    [Fact]
    public async Task Offer_WhileASendIsInFlight_OnlyTheNewestFollows()
    {
        var sent = new List<long>();
        var gate = new TaskCompletionSource();
        var outbox = new SnapshotOutbox(
            async s =>
            {
                sent.Add(s.Version);
                if (s.Version == 1)
                {
                    await gate.Task;
                }
            },
            ex => throw ex);

        outbox.Offer(Version(1));
        outbox.Offer(Version(2));
        outbox.Offer(Version(3));
        outbox.Offer(Version(2));
        gate.SetResult();
        await WaitUntil(() => sent.Count >= 2);

        Assert.Equal([1L, 3L], sent);
    }

    [Fact]
    public async Task Offer_OneClientStuck_AnotherStillGetsEverySnapshot()
    {
        var stuck = new SnapshotOutbox(_ => new TaskCompletionSource().Task, ex => throw ex);
        var quick = new List<long>();
        var healthy = new SnapshotOutbox(s => { quick.Add(s.Version); return Task.CompletedTask; }, ex => throw ex);

        for (var v = 1; v <= 5; v++)
        {
            stuck.Offer(Version(v));
            healthy.Offer(Version(v));
        }

        await WaitUntil(() => quick.Count == 5);
        Assert.Equal([1L, 2, 3, 4, 5], quick);
    }

    [Fact]
    public async Task Offer_SendFails_ReportsItAndSendsTheNextOne()
    {
        var failures = new List<Exception>();
        var sent = new List<long>();
        var outbox = new SnapshotOutbox(
            s =>
            {
                sent.Add(s.Version);
                return s.Version == 1 ? Task.FromException(new IOException("gone")) : Task.CompletedTask;
            },
            failures.Add);

        outbox.Offer(Version(1));
        outbox.Offer(Version(2));
        await WaitUntil(() => sent.Count == 2);

        Assert.Equal([1L, 2L], sent);
        Assert.Equal("gone", Assert.Single(failures).Message);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
