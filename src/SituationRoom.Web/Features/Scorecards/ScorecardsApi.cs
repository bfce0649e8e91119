namespace SituationRoom.Web.Features.Scorecards;

public static class ScorecardsApi
{
    public static IServiceCollection AddScorecards(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScorecardsOptions>(configuration.GetSection(ScorecardsOptions.Section));
        services.AddSingleton<LeagueScorer>();
        services.AddHostedService(sp => sp.GetRequiredService<LeagueScorer>());
        return services;
    }
}
