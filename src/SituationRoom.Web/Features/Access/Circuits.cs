using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

/// <summary>Connected circuits per user or device, so one account cannot hold the server's memory with endless tabs.</summary>
public sealed class CircuitCounts
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public int Count(string key) => counts.GetValueOrDefault(key);

    public void Up(string key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Down(string key) => counts.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1));

    /// <summary>Refuses a new circuit connection (negotiate) once the caller holds the cap. A reconnect is not
    /// refused: its old connection went down first, so it no longer counts.</summary>
    public static async Task CapAsync(HttpContext http, Func<Task> next)
    {
        if (http.Request.Path.StartsWithSegments("/_blazor/negotiate") && Sessions.Key(http.User) is { } key)
        {
            var cap = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.Limits.CircuitsPerUser;
            if (http.RequestServices.GetRequiredService<CircuitCounts>().Count(key) >= cap)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "30";
                await http.Response.WriteAsync($"Terlalu banyak jendela terbuka (maks. {cap}). / Too many open windows (at most {cap}).");
                return;
            }
        }

        await next();
    }
}

/// <summary>
/// Per circuit: counts its connection against the user's cap, and re-checks the session every
/// <see cref="AccessOptions.CircuitRevalidation"/>. A revoked wall token, a disabled user or a changed role sends the
/// page to a full reload, which meets the cookie check and ends at the sign-in page: a live circuit does not outlive
/// the right to it.
/// </summary>
internal sealed class AccessCircuitHandler(
    CircuitCounts counts,
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    IDbContextFactory<SituationDbContext> factory,
    IOptions<AccessOptions> options,
    ILogger<AccessCircuitHandler> logger) : CircuitHandler, IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private string? key;
    private bool up;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        key = Sessions.Key(user);
        if (key is not null)
        {
            _ = RevalidateAsync(user, stop.Token);
        }
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (key is not null && !up)
        {
            counts.Up(key);
            up = true;
        }

        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        stop.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Release();
        stop.Cancel();
        stop.Dispose();
    }

    private void Release()
    {
        if (key is not null && up)
        {
            counts.Down(key);
            up = false;
        }
    }

    private async Task RevalidateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.CircuitRevalidation);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var db = await factory.CreateDbContextAsync(cancellationToken);
                    if (!await Sessions.IsCurrentAsync(db, user, cancellationToken))
                    {
                        logger.LogInformation("Session of {User} is no longer valid; reloading its circuit", user.Identity?.Name);
                        navigation.NavigateTo(navigation.Uri, forceLoad: true);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup must not end the wall: try again at the next tick.
                    logger.LogWarning(ex, "Could not re-check the session of {User}", user.Identity?.Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
