namespace SituationRoom.Web.Features.Wall;

public static class WallServices
{
    public static IServiceCollection AddWall(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WallOptions>(configuration.GetSection(WallOptions.Section));
        services.AddSingleton<WallRotations>();
        return services;
    }
}
