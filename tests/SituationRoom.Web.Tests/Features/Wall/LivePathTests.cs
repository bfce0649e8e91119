using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Components.Shared;
using SituationRoom.Web.Features.Wall;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Wall;

/// <summary>The live path's promises to many screens: a tile renders only when its panel changed, and a failing tile is contained.</summary>
public sealed class LivePathTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 3, 4, 5, TimeSpan.Zero);

    private static readonly WifiPanel Wifi = new(2250, 2190, 50, 0.9876, new[] { new AreaHealth("33.74.05", "Genuk", 140, 120, 0.91) }.ToValueList(), At);

    [Fact]
    public async Task TileBase_SamePanelObjectAgain_DoesNotRenderAgain()
    {
        await using var host = await RenderHost.StartAsync();
        var renders = new List<WifiPanel>();

        await host.ShowAsync(Wifi, stale: false, renders);
        await host.ShowAsync(Wifi, stale: false, renders);
        await host.ShowAsync(Wifi, stale: false, renders);

        Assert.Single(renders);
    }

    [Fact]
    public async Task TileBase_NewPanelObjectOrStalenessChange_RendersOncePerChange()
    {
        await using var host = await RenderHost.StartAsync();
        var renders = new List<WifiPanel>();
        var next = Wifi with { Up = 2191 };

        await host.ShowAsync(Wifi, stale: false, renders);
        await host.ShowAsync(next, stale: false, renders);
        await host.ShowAsync(next, stale: true, renders);
        await host.ShowAsync(next, stale: true, renders);

        Assert.Equal([Wifi, next, next], renders);
    }

    [Fact]
    public async Task ErrorBoundary_OneTileThrows_ItShowsANoticeAndTheOthersRender()
    {
        var broken = WifiPanel.Empty with { WorstKecamatan = null! };
        var cctv = new CctvPanel(9500, 9100, 120, 35, 350, 60, ValueList<OwnerHealth>.Empty, At);

        var page = await TileRenderer.RenderAsync<ContainedTiles>(new Dictionary<string, object?> { ["Wifi"] = broken, ["Cctv"] = cctv });

        Assert.Null(page.QuerySelector("[data-tile='wifi']"));
        Assert.Single(page.QuerySelectorAll(".tile-error"));
        Assert.Contains("Panel ini gagal ditampilkan", page.QuerySelector(".tile-error")!.TextContent);
        Assert.Equal("9.100", page.TestId("cctv-online"));
    }

    /// <summary>Two tiles each in an error boundary, as WallPage places them.</summary>
    private sealed class ContainedTiles : ComponentBase
    {
        [Parameter]
        public WifiPanel Wifi { get; set; } = default!;

        [Parameter]
        public CctvPanel Cctv { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenRegion(0);
            Contained(builder, b =>
            {
                b.OpenComponent<WifiTile>(0);
                b.AddComponentParameter(1, nameof(WifiTile.Panel), Wifi);
                b.CloseComponent();
            });
            builder.CloseRegion();
            builder.OpenRegion(1);
            Contained(builder, b =>
            {
                b.OpenComponent<CctvTile>(0);
                b.AddComponentParameter(1, nameof(CctvTile.Panel), Cctv);
                b.CloseComponent();
            });
            builder.CloseRegion();
        }

        private static void Contained(RenderTreeBuilder builder, RenderFragment tile)
        {
            builder.OpenComponent<ErrorBoundary>(0);
            builder.AddComponentParameter(1, nameof(ErrorBoundary.ChildContent), tile);
            builder.AddComponentParameter(2, nameof(ErrorBoundary.ErrorContent), (RenderFragment<Exception>)(_ => b =>
            {
                b.OpenComponent<TileError>(0);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    /// <summary>A tile that records every render, under a parent that re-renders it with whatever it is given.</summary>
    private sealed class CountingTile : TileBase<WifiPanel>
    {
        [Parameter]
        public List<WifiPanel> Renders { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder) => Renders.Add(Panel);
    }

    private sealed class Parent : ComponentBase
    {
        public WifiPanel Panel { get; set; } = default!;

        public bool Stale { get; set; }

        public List<WifiPanel> Renders { get; set; } = [];

        public Task Show() => InvokeAsync(StateHasChanged);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Panel is null)
            {
                return;
            }

            builder.OpenComponent<CountingTile>(0);
            builder.AddComponentParameter(1, nameof(CountingTile.Panel), Panel);
            builder.AddComponentParameter(2, nameof(CountingTile.IsStale), Stale);
            builder.AddComponentParameter(3, nameof(CountingTile.Renders), Renders);
            builder.CloseComponent();
        }
    }

    private sealed class RenderHost : IAsyncDisposable
    {
        private readonly ServiceProvider services;
        private readonly HtmlRenderer renderer;
        private Parent parent = default!;

        private RenderHost()
        {
            services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
            renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        }

        public static async Task<RenderHost> StartAsync()
        {
            var host = new RenderHost();
            await host.renderer.Dispatcher.InvokeAsync(async () =>
            {
                await host.renderer.RenderComponentAsync<ParentRegistry>();
                host.parent = ParentRegistry.Last!;
            });
            return host;
        }

        public async Task ShowAsync(WifiPanel panel, bool stale, List<WifiPanel> renders)
        {
            await renderer.Dispatcher.InvokeAsync(async () =>
            {
                parent.Panel = panel;
                parent.Stale = stale;
                parent.Renders = renders;
                await parent.Show();
            });
        }

        public async ValueTask DisposeAsync()
        {
            await renderer.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    // HtmlRenderer gives no handle on the component it created, so the root hands its child over.
    private sealed class ParentRegistry : ComponentBase
    {
        public static Parent? Last;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Parent>(0);
            builder.AddComponentReferenceCapture(1, c => Last = (Parent)c);
            builder.CloseComponent();
        }
    }
}
