using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>One app for the access tests, with a signed-in client per role (redirects not followed, so a refusal
/// is seen as it is sent).</summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public const string Anonymous = "anonymous";
    public const string Wall = "wall";

    private static int messageNumber;

    private readonly ConcurrentDictionary<string, Task<HttpClient>> clients = new();

    private readonly ConcurrentDictionary<string, Task<string>> ingestionKeys = new();

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

    /// <summary>The key of an ingestion client of the given kind (<see cref="Web.Features.Access.IngestionClientKinds"/>),
    /// made once through the real key service, as an administrator makes one.</summary>
    public Task<string> IngestionKeyAsync(string kind) => ingestionKeys.GetOrAdd(kind, CreateKeyAsync);

    private async Task<string> CreateKeyAsync(string kind)
    {
        var (issued, errors) = await Factory.Services.GetRequiredService<Web.Features.Access.IngestionKeys>()
            .CreateAsync(IngestionClientName(kind), kind, "test", CancellationToken.None);
        Assert.Empty(errors);
        return issued!.Key;
    }

    public static string IngestionClientName(string kind) => "matrix-" + kind.ToLowerInvariant();

    public Task<Web.Data.SituationDbContext> DbAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<Web.Data.SituationDbContext>>().CreateDbContextAsync();

    /// <summary>One SMS through the real ingestion endpoint with the given client key; a fresh message id each time.</summary>
    public async Task<HttpStatusCode> SmsWithKeyAsync(string key, string from, string text)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/sms")
        {
            Content = JsonContent.Create(new
            {
                messageId = "access-" + Interlocked.Increment(ref messageNumber),
                from,
                to = "1708",
                text,
                receivedAt = SituationAppFactory.Now,
            }),
        };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
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
