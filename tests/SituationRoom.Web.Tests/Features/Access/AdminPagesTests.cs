using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>
/// The administrators' pages as a browser without script uses them: GET the page, post one of its forms with the
/// antiforgery token it carries, read the answer's HTML. Every effect is then checked where it matters: a new user
/// signs in, a rotated key is accepted by the real ingestion endpoint, a revoked display loses its session.
/// </summary>
public sealed class AdminPagesTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly HtmlParser Parser = new();
    [Fact]
    public async Task CreateUser_AsAdministrator_PasswordShownOnceAndTheUserSignsInWithTheirOpd()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);

        var (status, page) = await PostFormAsync(admin, "/admin/users", "user-create", new()
        {
            ["Create.UserName"] = "Staf.Dinkes.Baru",
            ["Create.DisplayName"] = "Staf Dinkes Baru",
            ["Create.Role"] = AccessRoles.OpdStaff,
            ["Create.OpdCode"] = "DINKES",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var password = page.QuerySelector("[data-testid=new-password]")!.TextContent.Trim();
        Assert.True(password.Length >= 12, password);
        Assert.NotNull(page.QuerySelector("tr[data-user='staf.dinkes.baru']"));
        var again = await admin.GetStringAsync("/admin/users");
        Assert.DoesNotContain(password, again, StringComparison.Ordinal);

        using var person = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await SignIn.PostSignInAsync(person, "staf.dinkes.baru", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/scorecards/DINKES")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/scorecards/DPU")).StatusCode);

        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserCreated && a.Actor == SignIn.Administrator && a.Subject == "user:staf.dinkes.baru"));
        Assert.DoesNotContain(password, (await db.Users.SingleAsync(u => u.UserName == "staf.dinkes.baru")).PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_BadFields_EachErrorNextToItsFieldAndNothingStored()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);

        var (status, page) = await PostFormAsync(admin, "/admin/users", "user-create", new()
        {
            ["Create.UserName"] = "x",
            ["Create.DisplayName"] = "",
            ["Create.Role"] = AccessRoles.OpdHead,
            ["Create.OpdCode"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var (field, input) in new[] { ("userName", "#new-userName"), ("displayName", "#new-displayName"), ("opdCode", "#new-opdCode") })
        {
            var box = page.QuerySelector(input)!.Closest(".field")!;
            Assert.NotNull(box.QuerySelector($"[data-testid=error-{field}]"));
            Assert.Contains("invalid", box.ClassList);
        }

        Assert.Null(page.QuerySelector("[data-testid=new-password]"));
        await using var db = await Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "x"));
    }

    [Fact]
    public async Task ResetDisableEnable_OnThePage_EndSessionsAndChangeWhoSignsIn()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var (_, created) = await PostFormAsync(admin, "/admin/users", "user-create", new()
        {
            ["Create.UserName"] = "analis.kedua", ["Create.DisplayName"] = "Analis Kedua", ["Create.Role"] = AccessRoles.Analyst, ["Create.OpdCode"] = "",
        });
        var first = created.QuerySelector("[data-testid=new-password]")!.TextContent.Trim();
        var id = (await (await Db()).Users.SingleAsync(u => u.UserName == "analis.kedua")).Id;
        using var person = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(person, "analis.kedua", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/scorecards")).StatusCode);

        var (resetStatus, reset) = await PostFormAsync(admin, $"/admin/users?edit={id}", "user-password", []);
        var second = reset.QuerySelector("[data-testid=new-password]")!.TextContent.Trim();

        Assert.Equal(HttpStatusCode.OK, resetStatus);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/scorecards")).StatusCode);
        using var other = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(other, "analis.kedua", first)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(other, "analis.kedua", second)).StatusCode);

        var (_, disabled) = await PostFormAsync(admin, $"/admin/users?edit={id}", "user-status", []);
        Assert.NotNull(disabled.QuerySelector("tr[data-user='analis.kedua'] .state.off"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/scorecards")).StatusCode);
        using var third = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(third, "analis.kedua", second)).StatusCode);

        await PostFormAsync(admin, $"/admin/users?edit={id}", "user-status", []);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(third, "analis.kedua", second)).StatusCode);

        await using var db = await Db();
        var actions = await db.AuditEntries.Where(a => a.Subject == "user:analis.kedua" && a.Actor == SignIn.Administrator).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.UserCreated, AuditActions.PasswordReset, AuditActions.UserDisabled, AuditActions.UserEnabled], actions);
    }

    [Fact]
    public async Task ChangeRole_LastAdministrator_RefusedNextToTheRole()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var id = (await (await Db()).Users.SingleAsync(u => u.UserName == SignIn.Administrator)).Id;

        var (status, page) = await PostFormAsync(admin, $"/admin/users?edit={id}", "user-change", new()
        {
            ["Change.DisplayName"] = "Administrator", ["Change.Role"] = AccessRoles.Analyst, ["Change.OpdCode"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(page.QuerySelector("#edit-role")!.Closest(".field")!.QuerySelector("[data-testid=error-role]"));
        await using var db = await Db();
        Assert.Equal(AccessRoles.Administrator, (await db.Users.SingleAsync(u => u.Id == id)).Role);
    }

    [Theory]
    [InlineData(SignIn.Leadership, "/admin/users")]
    [InlineData(SignIn.Analyst, "/admin/clients")]
    [InlineData(SignIn.OpdHeadDpu, "/admin/walls")]
    [InlineData(AccessFixture.Wall, "/admin/users")]
    public async Task AdminPagePost_NotAnAdministrator_RefusedAndNothingMade(string role, string path)
    {
        var client = await fixture.ClientAsync(role);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = path switch { "/admin/users" => "user-create", "/admin/clients" => "client-create", _ => "wall-create" },
            ["Create.UserName"] = "penyusup", ["Create.DisplayName"] = "Penyusup", ["Create.Role"] = AccessRoles.Administrator, ["Create.Name"] = "penyusup", ["Create.Kind"] = IngestionClientKinds.SmsGateway,
        });

        using var response = await client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = await Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "penyusup"));
        Assert.False(await db.IngestionClients.AnyAsync(c => c.Name == "penyusup"));
        Assert.False(await db.WallDevices.AnyAsync(d => d.Name == "penyusup"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.Subject == "route:" + path));
    }

    [Fact]
    public async Task RotateThenRetire_OnThePage_TwoKeysWorkThenOnlyTheNewOne()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var (createdStatus, created) = await PostFormAsync(admin, "/admin/clients", "client-create", new()
        {
            ["Create.Name"] = "sms-gateway-halaman", ["Create.Kind"] = IngestionClientKinds.SmsGateway,
        });
        Assert.Equal(HttpStatusCode.OK, createdStatus);
        var oldKey = created.QuerySelector("[data-testid=new-key]")!.TextContent.Trim();
        var row = created.QuerySelector("tr[data-client='sms-gateway-halaman']")!;
        var rotate = row.QuerySelector("form[data-testid^=rotate-] input[name=_handler]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(oldKey));

        var (_, rotated) = await PostFormAsync(admin, "/admin/clients", rotate, []);
        var newKey = rotated.QuerySelector("[data-testid=new-key]")!.TextContent.Trim();

        Assert.NotEqual(oldKey, newKey);
        Assert.NotNull(rotated.QuerySelector("[data-testid=old-key-valid]"));
        Assert.Equal(2, rotated.QuerySelectorAll("tr[data-client='sms-gateway-halaman'] li[data-active=true]").Length);
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(oldKey));
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(newKey));

        var oldKeyRow = rotated.QuerySelectorAll("tr[data-client='sms-gateway-halaman'] li[data-active=true]").MinBy(li => int.Parse(li.GetAttribute("data-key")!, System.Globalization.CultureInfo.InvariantCulture))!;
        var retire = oldKeyRow.QuerySelector("input[name=_handler]")!.GetAttribute("value")!;
        var (_, retired) = await PostFormAsync(admin, "/admin/clients", retire, []);

        Assert.Single(retired.QuerySelectorAll("tr[data-client='sms-gateway-halaman'] li[data-active=true]"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SmsAsync(oldKey));
        Assert.Equal(HttpStatusCode.Created, await SmsAsync(newKey));
        await using var db = await Db();
        var actions = await db.AuditEntries.Where(a => a.Subject == "ingestion-client:sms-gateway-halaman").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.ClientCreated, AuditActions.CredentialRotated, AuditActions.CredentialRevoked], actions);
    }

    [Fact]
    public async Task CreateClient_BadFields_ErrorsNextToNameAndKind()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);

        var (status, page) = await PostFormAsync(admin, "/admin/clients", "client-create", new() { ["Create.Name"] = "a b", ["Create.Kind"] = "Toaster" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(page.QuerySelector("#new-name")!.Closest(".field")!.QuerySelector("[data-testid=error-name]"));
        Assert.NotNull(page.QuerySelector("#new-kind")!.Closest(".field")!.QuerySelector("[data-testid=error-kind]"));
        Assert.Null(page.QuerySelector("[data-testid=new-key]"));
    }

    [Fact]
    public async Task CreateClient_ComplaintSourceOnThePage_ItsKeyFilesComplaintsButNoSms()
    {
        const string shown = "Sumber pengaduan (aplikasi, call centre, Open311)";
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var empty = Parser.ParseDocument(await admin.GetStringAsync("/admin/clients"));
        Assert.Equal(shown, empty.QuerySelector($"#new-kind option[value={IngestionClientKinds.ComplaintSource}]")!.TextContent.Trim());

        var (status, created) = await PostFormAsync(admin, "/admin/clients", "client-create", new()
        {
            ["Create.Name"] = "call-centre-halaman", ["Create.Kind"] = IngestionClientKinds.ComplaintSource,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var key = created.QuerySelector("[data-testid=new-key]")!.TextContent.Trim();
        Assert.Equal(shown, created.QuerySelector("tr[data-client='call-centre-halaman'] td:nth-child(2)")!.TextContent.Trim());
        using var source = fixture.Factory.CreateClient();
        source.DefaultRequestHeaders.Add("X-Api-Key", key);
        var complaint = await source.PostAsJsonAsync("/api/complaints", new { channel = "CallCentre", text = "Pohon tumbang menutup Jl. Sriwijaya" });
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await SmsAsync(key));
    }

    [Fact]
    public async Task RevokeWall_OnThePage_EndsTheDisplaySession()
    {
        var admin = await fixture.ClientAsync(SignIn.Administrator);
        var (_, created) = await PostFormAsync(admin, "/admin/walls", "wall-create", new() { ["Create.Name"] = "Layar lobi Balai Kota" });
        var url = new Uri(created.QuerySelector("[data-testid=new-url]")!.TextContent.Trim());
        Assert.StartsWith("/wall?device=srw_", url.PathAndQuery, StringComparison.Ordinal);
        using var wall = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await wall.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/situation")).StatusCode);
        var revoke = created.QuerySelector("tr[data-device='Layar lobi Balai Kota'] input[name=_handler]")!.GetAttribute("value")!;

        var (unconfirmed, _) = await PostFormAsync(admin, "/admin/walls", revoke, []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/situation")).StatusCode);

        var (confirmed, page) = await PostFormAsync(admin, "/admin/walls", revoke, new() { ["confirm"] = "yes" });

        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Contains("gone", page.QuerySelector("tr[data-device='Layar lobi Balai Kota']")!.ClassList);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("/api/situation")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync(url.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task TopBar_Administrator_LinksTheAdminPages_OthersDoNot()
    {
        var admin = Parser.ParseDocument(await (await fixture.ClientAsync(SignIn.Administrator)).GetStringAsync("/admin/audit"));
        var analyst = Parser.ParseDocument(await (await fixture.ClientAsync(SignIn.Analyst)).GetStringAsync("/scorecards"));

        Assert.Equal("/admin/users", admin.QuerySelector("[data-testid=admin-link]")!.GetAttribute("href"));
        var nav = admin.QuerySelectorAll("[data-testid=admin-nav] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/users", nav);
        Assert.Contains("/admin/clients", nav);
        Assert.Contains("/admin/walls", nav);
        Assert.Null(analyst.QuerySelector("[data-testid=admin-link]"));
    }

    /// <summary>GET the page, fill the named form's hidden fields (handler, antiforgery token) and the given ones, post it.</summary>
    private static async Task<(HttpStatusCode Status, IDocument Page)> PostFormAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var before = Parser.ParseDocument(await client.GetStringAsync(url));
        var form = before.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form {formName} on {url}.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields)
            .ToList();
        using var response = await client.PostAsync(form.GetAttribute("action") ?? url, new FormUrlEncodedContent(values));
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private Task<HttpStatusCode> SmsAsync(string key) => fixture.SmsWithKeyAsync(key, "+6281234500001", "LaporHendi jalan berlubang di Jl. Majapahit");

    private Task<Web.Data.SituationDbContext> Db() => fixture.DbAsync();
}
