using Microsoft.Playwright;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real port and one Chromium, for one test or one test class: <see cref="StartAsync"/> starts both,
/// disposing stops the browser and then the app.
/// </summary>
public sealed class AppInBrowser : IAsyncDisposable
{
    private AppInBrowser(AppProcess app, IPlaywright playwright, IBrowser browser) => (App, Playwright, Browser) = (app, playwright, browser);

    public AppProcess App { get; }

    public IBrowser Browser { get; }

    public string BaseUrl => App.BaseUrl;

    private IPlaywright Playwright { get; }

    public static async Task<AppInBrowser> StartAsync(IReadOnlyDictionary<string, string> configuration)
    {
        var app = new AppProcess(configuration);
        try
        {
            await app.StartAsync();
            var (playwright, browser) = await Chromium.LaunchAsync();
            return new AppInBrowser(app, playwright, browser);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new page, 1920x1080 unless told otherwise, in a browser context of its own (its own cookies).</summary>
    public Task<IPage> NewPageAsync(int width = 1920, int height = 1080) =>
        Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
