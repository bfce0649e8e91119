using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>Renders one component to HTML with the framework's HtmlRenderer and parses it, in a chosen culture.</summary>
public static class TileRenderer
{
    public static async Task<IDocument> RenderAsync<TComponent>(IDictionary<string, object?> parameters, string culture = "id-ID")
        where TComponent : IComponent
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddLocalization(o => o.ResourcesPath = "Resources")
                .AddSingleton<IErrorBoundaryLogger, ErrorBoundaryLog>()
                .BuildServiceProvider();
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
                return output.ToHtmlString();
            });
            return new HtmlParser().ParseDocument(html);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    public static string TestId(this IDocument document, string id) =>
        document.QuerySelector($"[data-testid='{id}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"No element with data-testid '{id}'");

    // What AddRazorComponents registers in the app, so error boundaries work under this renderer too.
    private sealed class ErrorBoundaryLog(ILogger<ErrorBoundaryLog> logger) : IErrorBoundaryLogger
    {
        public ValueTask LogErrorAsync(Exception exception)
        {
            logger.LogWarning(exception, "A component failed inside an error boundary");
            return ValueTask.CompletedTask;
        }
    }
}
