using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using SituationRoom.Core.Situation;

namespace SituationRoom.Web.Features.Situation;

/// <summary>
/// /hubs/situation: the wall's snapshot for consumers other than the Blazor wall (another room's screens, a
/// dashboard, a script). A client gets the current snapshot on connecting, then each new one as
/// <c>snapshot</c>; <c>Current()</c> answers the latest on request. Read-only: there is nothing to send in.
/// Who may connect is decided in Access: the WallView policy, with a person's or display's cookie or a device token as
/// a bearer; <see cref="Access.HubSessions"/> closes a connection whose session has ended since.
/// </summary>
public sealed class SituationHub(LiveSituation live, SituationHubPush push, Access.HubSessions sessions) : Hub
{
    public const string Path = "/hubs/situation";
    public const string SnapshotMethod = "snapshot";

    public SituationSnapshot Current() => live.Current;

    public override Task OnConnectedAsync()
    {
        sessions.Opened(Context);
        push.Connected(Context.ConnectionId, live.Current);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context);
        push.Disconnected(Context.ConnectionId);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Pushes each published snapshot to every hub client through an outbox of one per client: a client still
/// receiving the previous snapshot gets only the latest when it is done (latest wins), and no client waits
/// for another. Publishing is already coalesced to one snapshot per <see cref="SituationOptions.PublishInterval"/>.
/// </summary>
public sealed class SituationHubPush(LiveSituation live, IHubContext<SituationHub> hub, ILogger<SituationHubPush> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, SnapshotOutbox> outboxes = new(StringComparer.Ordinal);
    private IDisposable? subscription;

    public int Clients => outboxes.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = live.Subscribe(snapshot =>
        {
            foreach (var outbox in outboxes.Values)
            {
                outbox.Offer(snapshot);
            }

            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    internal void Connected(string connectionId, SituationSnapshot current)
    {
        var client = hub.Clients.Client(connectionId);
        var outbox = new SnapshotOutbox(
            snapshot => client.SendAsync(SituationHub.SnapshotMethod, snapshot),
            ex => logger.LogWarning(ex, "Pushing the situation to hub client {Connection} failed", connectionId));
        outboxes[connectionId] = outbox;
        outbox.Offer(current);
    }

    internal void Disconnected(string connectionId) => outboxes.TryRemove(connectionId, out _);
}

/// <summary>One client's queue of length one: at most one send in flight, and only the newest snapshot waits.</summary>
internal sealed class SnapshotOutbox(Func<SituationSnapshot, Task> send, Action<Exception> failed)
{
    private readonly Lock gate = new();
    private SituationSnapshot? waiting;
    private bool sending;

    public void Offer(SituationSnapshot snapshot)
    {
        lock (gate)
        {
            if (waiting is null || snapshot.Version > waiting.Version)
            {
                waiting = snapshot;
            }

            if (sending)
            {
                return;
            }

            sending = true;
        }

        _ = PumpAsync();
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            SituationSnapshot next;
            lock (gate)
            {
                if (waiting is null)
                {
                    sending = false;
                    return;
                }

                next = waiting;
                waiting = null;
            }

            try
            {
                await send(next);
            }
            catch (Exception ex)
            {
                failed(ex);
            }
        }
    }
}
