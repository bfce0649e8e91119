using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace SituationRoom.Web.Data;

public static class DataServices
{
    /// <summary>Registers the context (scoped, for endpoints) and its factory (for components and background work).</summary>
    public static IServiceCollection AddSituationData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddPooledDbContextFactory<SituationDbContext>((sp, o) =>
        {
            var path = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.FullPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            Configure(o, ConnectionString(path));
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<SituationDbContext>("database");
        return services;
    }

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();

    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas())
            // There is no generated model snapshot (dotnet-ef is not available here); MigrationsTests
            // compares the migrated schema with the model instead, so EF's own snapshot check is moot.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
