using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

/// <summary>
/// At start: the first administrator from configuration (outside Development its password must be configured: there
/// is no default), and in Development the demo users, the documented ingestion keys and the demo wall device, so the
/// demo runs with one command. Everything here is idempotent.
/// </summary>
public static class AccessSeed
{
    /// <summary>The demo users of Development, documented in docs/access.md and the README.</summary>
    public static readonly IReadOnlyList<DemoUser> DemoUsers =
    [
        new("admin", "admin-demo-1708", "Administrator Ruang Situasi", AccessRoles.Administrator, null),
        new("pimpinan", "pimpinan-demo-1708", "Pimpinan Kota", AccessRoles.Leadership, null),
        new("analis", "analis-demo-1708", "Analis Data", AccessRoles.Analyst, null),
        new("kepala.dpu", "kepala-dpu-1708", "Kepala Dinas Pekerjaan Umum", AccessRoles.OpdHead, "DPU"),
        new("staf.dpu", "staf-dpu-1708", "Staf Dinas Pekerjaan Umum", AccessRoles.OpdStaff, "DPU"),
        new("kepala.dinkes", "kepala-dinkes-1708", "Kepala Dinas Kesehatan", AccessRoles.OpdHead, "DINKES"),
    ];

    public sealed record DemoUser(string UserName, string Password, string DisplayName, string Role, string? OpdCode);

    public static async Task RunAsync(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    {
        var options = services.GetRequiredService<IOptions<AccessOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessSeed));
        await using var db = await services.GetRequiredService<IDbContextFactory<SituationDbContext>>().CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var development = environment.IsDevelopment();

        if (development && options.SeedDemoUsers)
        {
            var opds = await db.Opds.Select(o => o.Code).ToListAsync();
            var existing = await db.Users.Select(u => u.UserName).ToListAsync();
            foreach (var demo in DemoUsers.Where(d => !existing.Contains(d.UserName) && (d.OpdCode is null || opds.Contains(d.OpdCode))))
            {
                AddUser(db, demo.UserName, demo.DisplayName, demo.Role, demo.OpdCode, demo.Password, now);
                Audit.Add(db, now, "system", AuditActions.UserCreated, "user:" + demo.UserName, demo.OpdCode, "Development demo user");
            }

            await db.SaveChangesAsync();
        }

        if (!await db.Users.AnyAsync(u => u.Role == AccessRoles.Administrator && u.DisabledAt == null))
        {
            var bootstrap = options.Bootstrap;
            var password = bootstrap.Password is { Length: > 0 } given ? given : development ? DemoUsers[0].Password : null;
            if (password is null || password.Length < options.MinimumPasswordLength)
            {
                throw new InvalidOperationException(
                    "No administrator exists. Set Access:Bootstrap:Password (for example the environment variable Access__Bootstrap__Password) "
                    + $"to a password of at least {options.MinimumPasswordLength} characters for the first start; change it after signing in.");
            }

            var name = Accounts.Normalise(bootstrap.UserName);
            AddUser(db, name, bootstrap.DisplayName, AccessRoles.Administrator, null, password, now);
            Audit.Add(db, now, "system", AuditActions.UserCreated, "user:" + name, detail: "first administrator, from configuration");
            await db.SaveChangesAsync();
            logger.LogWarning("Created the first administrator {UserName} from configuration; change its password after signing in", name);
        }

        if (!development)
        {
            return;
        }

        var keys = services.GetRequiredService<IngestionKeys>();
        foreach (var client in configuration.GetSection("Ingestion:DevelopmentKeys").GetChildren())
        {
            var (name, kind, key) = (client["Name"], client["Kind"], client["Key"]);
            if (name is not { Length: > 0 } || key is not { Length: > 0 } || !IngestionClientKinds.All.Contains(kind))
            {
                throw new InvalidOperationException(
                    $"Ingestion:DevelopmentKeys:{client.Key} needs a Name, a Key and a Kind, one of {string.Join(", ", IngestionClientKinds.All)}; it has Kind '{kind}'.");
            }

            if (!await db.IngestionClients.AnyAsync(c => c.Name == name))
            {
                await keys.CreateAsync(name, kind!, "system", CancellationToken.None, knownKey: key);
            }
        }

        if (options.DevelopmentWallToken is { Length: > 0 } token && Secrets.Hash(token) is var tokenHash && !await db.WallDevices.AnyAsync(d => d.TokenHash == tokenHash))
        {
            await services.GetRequiredService<WallDevices>().CreateAsync("Layar demo (Development)", "system", CancellationToken.None, knownToken: token);
        }
    }

    private static void AddUser(SituationDbContext db, string userName, string displayName, string role, string? opd, string password, DateTimeOffset now)
    {
        var user = new User
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = "",
            Role = role,
            OpdCode = opd,
            CreatedAt = now.UtcDateTime,
            SecurityStamp = Sessions.NewStamp(),
        };
        user.PasswordHash = Accounts.HashPassword(user, password);
        db.Users.Add(user);
    }
}
