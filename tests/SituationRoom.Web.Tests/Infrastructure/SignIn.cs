using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>
/// Signs in the way a person does: GET /masuk, post the form with its antiforgery token as one of the Development
/// demo users (seeded by the app itself). The client keeps the session cookie. Wall browser tests use the
/// Development device token instead.
/// </summary>
public static class SignIn
{
    public const string Administrator = "admin";
    public const string Leadership = "pimpinan";
    public const string Analyst = "analis";
    public const string OpdHeadDpu = "kepala.dpu";
    public const string OpdStaffDpu = "staf.dpu";
    public const string OpdHeadDinkes = "kepala.dinkes";

    /// <summary>appsettings.Development.json's Access:DevelopmentWallToken.</summary>
    public const string DevelopmentWallToken = "dev-wall-1708";

    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> factory, string userName = Administrator, bool allowAutoRedirect = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = allowAutoRedirect });
        var response = await PostSignInAsync(client, userName, Password(userName));
        var landed = response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location?.OriginalString ?? ""
            : response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        if (landed.StartsWith("/masuk", StringComparison.Ordinal) || (response.StatusCode != HttpStatusCode.Redirect && !response.IsSuccessStatusCode))
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {landed}");
        }

        return client;
    }

    public static string Password(string userName) => AccessSeed.DemoUsers.Single(u => u.UserName == userName).Password;

    /// <summary>One sign-in attempt with any password; the response is returned as it came.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync("/masuk");
        var document = new HtmlParser().ParseDocument(page);
        var form = document.QuerySelector("form[method=post]") ?? throw new InvalidOperationException("No sign-in form on /masuk.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name") ?? "", i.GetAttribute("value") ?? ""))
            .Where(f => f.Key != "returnUrl")
            .ToList();
        fields.Add(new("Input.UserName", userName));
        fields.Add(new("Input.Password", password));
        fields.Add(new("returnUrl", returnUrl));
        return await client.PostAsync("/masuk", new FormUrlEncodedContent(fields));
    }

    /// <summary>In a real browser: fills and submits the form, and waits until the app has let the person in.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string userName = Analyst)
    {
        await page.GotoAsync($"{baseUrl}/masuk");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", Password(userName));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=account]");
    }
}
