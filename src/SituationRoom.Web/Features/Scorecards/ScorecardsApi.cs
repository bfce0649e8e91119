using Microsoft.Extensions.Options;

namespace SituationRoom.Web.Features.Scorecards;

public static partial class ScorecardsApi
{
    public static IServiceCollection AddScorecards(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScorecardsOptions>(configuration.GetSection(ScorecardsOptions.Section));
        services.AddSingleton<IValidateOptions<ScorecardsOptions>, ScorecardsOptionsValidation>();
        services.AddOptions<ScorecardsOptions>().ValidateOnStart();
        services.AddSingleton(sp => ScorecardRules.Load(
            sp.GetRequiredService<IOptions<ScorecardsOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<ScorecardRecorder>();
        services.AddSingleton<LeagueScorer>();
        services.AddHostedService(sp => sp.GetRequiredService<LeagueScorer>());
        return services;
    }
}
