using Microsoft.Playwright;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>
/// One app on a real port and one Chromium for a whole browser test class: started before the first test, stopped
/// after the last. Each test opens its own page (its own cookies) with <see cref="NewPageAsync"/>.
/// </summary>
public abstract class BrowserAppTests(IReadOnlyDictionary<string, string> configuration) : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    protected AppProcess App { get; } = new(configuration);

    /// <summary>A fresh page at 1920x1080, signed in as <paramref name="userName"/> when one is given.</summary>
    protected async Task<IPage> NewPageAsync(string? userName = null)
    {
        var page = await (browser ?? throw new InvalidOperationException("The browser is not started.")).NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        if (userName is not null)
        {
            await SignIn.SignInAsync(page, App.BaseUrl, userName);
        }

        return page;
    }

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        (playwright, browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
