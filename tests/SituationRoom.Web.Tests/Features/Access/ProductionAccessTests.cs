using System.Net;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>The app as it runs outside Development: no demo users or keys, the first administrator only from
/// configuration, plain HTTP to ingestion refused, HSTS, no detailed circuit errors.</summary>
public sealed class ProductionAccessTests : IAsyncLifetime
{
    private const string BootstrapPassword = "kata-sandi-awal-yang-panjang";
    private static readonly Uri Https = new("https://ruangsituasi.semarangkota.go.id");

    private readonly ProductionFactory factory = new(BootstrapPassword);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Start_Production_NoDemoUsersAndOnlyTheConfiguredAdministrator()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });

        var demo = await SignIn.PostSignInAsync(client, SignIn.Leadership, SignIn.Password(SignIn.Leadership));
        var demoAdmin = await SignIn.PostSignInAsync(client, SignIn.Administrator, SignIn.Password(SignIn.Administrator));
        var configured = await SignIn.PostSignInAsync(client, "admin", BootstrapPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, demoAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, configured.StatusCode);
        Assert.Contains(configured.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sr.session=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<Web.Data.SituationDbContext>>().CreateDbContextAsync();
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName).ToListAsync());
        Assert.False(await db.IngestionClients.AnyAsync());
        Assert.False(await db.WallDevices.AnyAsync());
    }

    [Fact]
    public async Task Ingestion_PlainHttp_RefusedNotRedirected_HttpsAccepted()
    {
        _ = factory.Server;
        var (key, _) = await factory.Services.GetRequiredService<IngestionKeys>().CreateAsync("sms-gateway-produksi", IngestionClientKinds.SmsGateway, "test", CancellationToken.None);
        using var plain = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://ruangsituasi.semarangkota.go.id"), AllowAutoRedirect = false });
        using var secure = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });

        using var refused = await SmsAsync(plain, key!.Key, "http-1");
        using var accepted = await SmsAsync(secure, key.Key, "https-1");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Contains("HTTPS", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<Web.Data.SituationDbContext>>().CreateDbContextAsync();
        Assert.Equal(["https-1"], await db.SmsInbox.Where(m => m.MessageId == "http-1" || m.MessageId == "https-1").Select(m => m.MessageId).ToListAsync());
    }

    [Fact]
    public async Task Responses_Production_CarryHstsAndCircuitsHideDetailedErrors()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });

        using var page = await client.GetAsync("/masuk");
        using var refusal = await client.GetAsync("/api/admin/users");

        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", refusal.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(refusal.Headers.Contains("Strict-Transport-Security"));
        // Configuration asks for detailed errors (as appsettings.Development.json does); outside Development they stay off.
        Assert.False(factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);
    }

    [Fact]
    public async Task Start_ProductionWithoutBootstrapPassword_Refuses()
    {
        await using var unset = new ProductionFactory(password: null);

        var error = Record.Exception(() => unset.CreateClient());

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains("Access:Bootstrap:Password", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
        }
    }

    private static Task<HttpResponseMessage> SmsAsync(HttpClient client, string key, string messageId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/sms")
        {
            Content = JsonContent.Create(new { messageId, from = "+6281234567000", to = "1708", text = "LaporHendi pohon tumbang di Jl. Pandanaran", receivedAt = SituationAppFactory.Now }),
        };
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }

    private sealed class ProductionFactory(string? password) : SituationAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Access:Bootstrap:Password"] = password,
            ["DetailedErrors"] = "true",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
