using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Browser;

/// <summary>A city of 10,000 cameras listed whole on /cctv: the page holds only the rows in view, however far one scrolls.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeviceListBrowserTests() : BrowserAppTests(TenThousandCameras)
{
    private const string Scroller = "[data-testid=list-scroller]";

    private static readonly Dictionary<string, string> TenThousandCameras = new()
    {
        ["DemoCity:SeedWhenEmpty"] = "true",
        ["DemoCity:Hotspots"] = "300",
        ["DemoCity:Cameras"] = "10000",
        ["DemoCity:DeviceHistoryDays"] = "2",
        ["DemoCity:ComplaintDays"] = "5",
        ["DemoCity:Simulator:Enabled"] = "false",
    };

    [Fact]
    public async Task AllTenThousandCameras_ScrolledToTheEnd_FewRowsInThePageAndTheLastOneReached()
    {
        var page = await NewPageAsync(SignIn.Leadership);
        await page.GotoAsync($"{App.BaseUrl}/cctv?status=all");
        await page.WaitForSelectorAsync("[data-testid=device-list][data-interactive=true] tr[data-device]");
        var rows = page.Locator("[data-testid=device-list] tr[data-device]");

        Assert.Equal("10000", await page.Locator("[data-testid=list-count]").GetAttributeAsync("data-count"));
        Assert.InRange(await rows.CountAsync(), 5, 80);
        Assert.True(await page.Locator(Scroller).EvaluateAsync<double>("e => e.scrollHeight") > 10_000 * 40, "the scroller spans every row");

        // As someone dragging the scroll bar: ten jumps to the end, each showing its rows promptly.
        var slowest = TimeSpan.Zero;
        for (var step = 1; step <= 10; step++)
        {
            var watch = Stopwatch.StartNew();
            await page.Locator(Scroller).EvaluateAsync("(e, f) => { e.scrollTop = (e.scrollHeight - e.clientHeight) * f; }", step / 10.0);
            await page.WaitForFunctionAsync(
                """
                () => {
                  const s = document.querySelector('[data-testid=list-scroller]').getBoundingClientRect();
                  return [...document.querySelectorAll('[data-testid=list-scroller] tr[data-device]')]
                    .some(r => { const b = r.getBoundingClientRect(); return b.bottom > s.top + 40 && b.top < s.bottom; });
                }
                """,
                null,
                new PageWaitForFunctionOptions { Timeout = 15_000 });
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            Assert.InRange(await rows.CountAsync(), 5, 80);
        }

        // The list ends with the up cameras by id: the last row is the highest id among them.
        await page.WaitForFunctionAsync(
            "last => [...document.querySelectorAll('[data-testid=list-scroller] tr[data-device]')].some(r => r.dataset.device === last)",
            LastUpCamera(),
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.True(slowest < TimeSpan.FromSeconds(10), $"a jump took {slowest.TotalSeconds:0.0} s");
    }

    private string LastUpCamera()
    {
        using var connection = new SqliteConnection($"Data Source={App.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(Id) FROM Devices WHERE Kind = 'Camera' AND Lifecycle = 'Active' AND Status IN ('Online', 'Degraded')";
        return (string)command.ExecuteScalar()!;
    }
}
