using Microsoft.Playwright;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>
/// One app on a real port and one Chromium for a whole browser test class: started before the first test, stopped
/// after the last. Each test opens its own page (its own cookies) with <see cref="NewPageAsync"/>.
/// </summary>
public abstract class BrowserAppTests(IReadOnlyDictionary<string, string> configuration) : IAsyncLifetime
{
    private AppInBrowser? run;

    protected AppProcess App => Run.App;

    private AppInBrowser Run => run ?? throw new InvalidOperationException("The app and browser are not started.");

    /// <summary>A fresh page at 1920x1080, signed in as <paramref name="userName"/> when one is given.</summary>
    protected async Task<IPage> NewPageAsync(string? userName = null)
    {
        var page = await Run.NewPageAsync();
        if (userName is not null)
        {
            await SignIn.SignInAsync(page, App.BaseUrl, userName);
        }

        return page;
    }

    public async Task InitializeAsync() => run = await AppInBrowser.StartAsync(configuration);

    public async Task DisposeAsync()
    {
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }
}
