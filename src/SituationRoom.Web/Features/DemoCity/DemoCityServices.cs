namespace SituationRoom.Web.Features.DemoCity;

public static class DemoCityServices
{
    public static IServiceCollection AddDemoCity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoCityOptions>(configuration.GetSection(DemoCityOptions.Section));
        services.AddSingleton<LiveSimulator>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSimulator>());
        return services;
    }
}
