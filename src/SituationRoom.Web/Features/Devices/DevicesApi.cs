namespace SituationRoom.Web.Features.Devices;

public static class DevicesApi
{
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddSingleton<DeviceHistoryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceHistoryWriter>());
        services.AddSingleton<DeviceTelemetry>();
        return services;
    }
}
