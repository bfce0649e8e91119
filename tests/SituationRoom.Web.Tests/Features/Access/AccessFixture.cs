using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>One app for the access tests, with a signed-in client per role (redirects not followed, so a refusal
/// is seen as it is sent).</summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public const string Anonymous = "anonymous";
    public const string Wall = "wall";

    private readonly ConcurrentDictionary<string, Task<HttpClient>> clients = new();

    public SituationAppFactory Factory { get; } = new();

    public Task<HttpClient> ClientAsync(string role) => clients.GetOrAdd(role, CreateAsync);

    private async Task<HttpClient> CreateAsync(string role)
    {
        if (role == Anonymous)
        {
            return Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }

        if (role == Wall)
        {
            var wall = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var exchange = await wall.GetAsync($"/wall?device={SignIn.DevelopmentWallToken}");
            Assert.Equal(HttpStatusCode.Redirect, exchange.StatusCode);
            Assert.Equal("/wall", exchange.Headers.Location?.OriginalString);
            return wall;
        }

        return await Factory.SignInAsync(role, allowAutoRedirect: false);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            (await client).Dispose();
        }

        await Factory.DisposeAsync();
    }
}
