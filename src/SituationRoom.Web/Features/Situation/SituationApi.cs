using SituationRoom.Core.Situation;

namespace SituationRoom.Web.Features.Situation;

public static class SituationApi
{
    /// <summary>GET /api/situation: the snapshot the wall shows, as JSON, with the same numbers.</summary>
    public static IEndpointRouteBuilder MapSituationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/situation").WithTags("Situation").RequireAuthorization(Access.AccessPolicies.WallView);
        group.MapGet("/", (LiveSituation live) => TypedResults.Ok(live.Current));
        return app;
    }

    public static IServiceCollection AddSituation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SituationOptions>(configuration.GetSection(SituationOptions.Section));
        services.AddSingleton<LiveSituation>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSituation>());
        return services;
    }

    /// <summary>The SignalR hub that pushes the same snapshot to consumers outside the Blazor wall.</summary>
    public static IServiceCollection AddSituationHub(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<SituationHubPush>();
        services.AddHostedService(sp => sp.GetRequiredService<SituationHubPush>());
        return services;
    }

    public static IEndpointRouteBuilder MapSituationHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<SituationHub>(SituationHub.Path).RequireAuthorization(Access.AccessPolicies.WallView);
        return app;
    }

    /// <summary>Reads the starting picture before the app takes its first request.</summary>
    public static Task LoadSituationAsync(this WebApplication app) =>
        app.Services.GetRequiredService<LiveSituation>().LoadAsync(app.Lifetime.ApplicationStopping);

    internal static SituationSnapshot Snapshot(this LiveSituation live) => live.Current;
}
