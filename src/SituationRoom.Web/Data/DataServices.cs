using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SituationRoom.Web.Data;

public static class DataServices
{
    /// <summary>Registers the context (scoped, for endpoints) and its factory (for components and background work).</summary>
    public static IServiceCollection AddSituationData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, options.Path));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private }.ToString();

        services.AddPooledDbContextFactory<SituationDbContext>(o => Configure(o, connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<SituationDbContext>("database", tags: ["ready"]);
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas())
            // There is no generated model snapshot (dotnet-ef is not available here); MigrationsTests
            // compares the migrated schema with the model instead, so EF's own snapshot check is moot.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
