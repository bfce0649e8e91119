using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

/// <summary>
/// A hub connection outlives the request that opened it (a WebSocket is one request), so the per-request session check
/// does not reach it. As live circuits do, each open connection's session (a display's cookie, a device token presented
/// as a bearer, a person's cookie) is re-checked against the store every <see cref="AccessOptions.CircuitRevalidation"/>,
/// and the connection is closed once it no longer holds: a revoked device token stops its snapshots.
/// </summary>
public sealed class HubSessions(IDbContextFactory<SituationDbContext> factory, IOptions<AccessOptions> options, ILogger<HubSessions> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public int Open => connections.Count;

    public void Opened(HubCallerContext connection) => connections[connection.ConnectionId] = connection;

    public void Closed(HubCallerContext connection) => connections.TryRemove(connection.ConnectionId, out _);

    /// <summary>Closes every connection whose session no longer holds; returns how many it closed.</summary>
    public async Task<int> RevalidateAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // One check per session, however many connections it holds.
        foreach (var session in connections.Values.GroupBy(c => SessionKey(c.User)))
        {
            var user = session.First().User;
            if (session.Key.Length > 0 && user is not null && await Sessions.IsCurrentAsync(db, user, cancellationToken))
            {
                continue;
            }

            foreach (var connection in session)
            {
                logger.LogInformation("Session of {User} is no longer valid; closing its hub connection {Connection}", user?.Identity?.Name, connection.ConnectionId);
                connections.TryRemove(connection.ConnectionId, out _);
                connection.Abort();
                closed++;
            }
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CircuitRevalidation);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RevalidateAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup must not close every consumer: try again at the next tick.
                    logger.LogWarning(ex, "Could not re-check the sessions of {Count} hub connections", connections.Count);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string SessionKey(ClaimsPrincipal? user) =>
        user is not null && Sessions.Key(user) is { } key ? key + "|" + user.FindFirstValue(AccessClaims.Stamp) : "";
}
