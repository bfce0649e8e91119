namespace SituationRoom.Web.Features.Complaints;

public static class ComplaintsApi
{
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplaintsOptions>(configuration.GetSection(ComplaintsOptions.Section));
        services.AddSingleton<ComplaintRouting>();
        services.AddSingleton<ComplaintIntake>();
        services.AddSingleton<ComplaintTransitions>();
        return services;
    }
}
