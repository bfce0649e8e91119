using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Access;

public enum SignInStatus
{
    SignedIn,
    Invalid,
    LockedOut,
}

public sealed record SignInOutcome(SignInStatus Status, User? User, DateTimeOffset? LockedUntil);

/// <summary>What an administrator asks for when making or changing an account.</summary>
public sealed record AccountRequest(string? UserName, string? DisplayName, string? Role, string? OpdCode, string? Password);

/// <summary>
/// People's accounts: sign-in with lockout, and the administrator's changes. Passwords go through the framework's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2); every change renews the security stamp, so open sessions end.
/// </summary>
public sealed class Accounts(IDbContextFactory<SituationDbContext> factory, TimeProvider clock, IOptions<AccessOptions> options)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Hashing for a name that does not exist takes as long as for one that does, so timing does not tell which.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new User { UserName = "", DisplayName = "", PasswordHash = "", Role = "" }, "not a password"));

    public static string HashPassword(User user, string password) => Hasher.HashPassword(user, password);

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = Normalise(userName);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (user is null || user.DisabledAt is not null)
        {
            Hasher.VerifyHashedPassword(user ?? new User { UserName = "", DisplayName = "", PasswordHash = "", Role = "" }, DummyHash.Value, password);
            Audit.Add(db, now, name.Length == 0 ? "anonim" : name, AuditActions.SignInFailed, "user:" + name, detail: user is null ? "unknown user" : "disabled", address: address);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInOutcome(SignInStatus.Invalid, null, null);
        }

        if (user.LockedUntil is { } locked && locked > now.UtcDateTime)
        {
            return new SignInOutcome(SignInStatus.LockedOut, null, new DateTimeOffset(locked, TimeSpan.Zero));
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            var lockout = user.FailedSignIns >= options.Value.LockoutFailures;
            if (lockout)
            {
                user.LockedUntil = (now + options.Value.LockoutDuration).UtcDateTime;
                user.FailedSignIns = 0;
            }

            Audit.Add(db, now, user.UserName, lockout ? AuditActions.LockedOut : AuditActions.SignInFailed, "user:" + user.UserName, user.OpdCode, lockout ? $"until {user.LockedUntil:O}" : "wrong password", address);
            await db.SaveChangesAsync(cancellationToken);
            return lockout
                ? new SignInOutcome(SignInStatus.LockedOut, null, new DateTimeOffset(user.LockedUntil!.Value, TimeSpan.Zero))
                : new SignInOutcome(SignInStatus.Invalid, null, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }

        if (user.SecurityStamp.Length == 0)
        {
            user.SecurityStamp = Sessions.NewStamp();
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now.UtcDateTime;
        Audit.Add(db, now, user.UserName, AuditActions.SignedIn, "user:" + user.UserName, user.OpdCode, address: address);
        await db.SaveChangesAsync(cancellationToken);
        return new SignInOutcome(SignInStatus.SignedIn, user, null);
    }

    /// <summary>Checks every field; on success the account exists and the creation is audited.</summary>
    public async Task<(User? User, Dictionary<string, string[]> Errors)> CreateAsync(AccountRequest request, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var name = Normalise(request.UserName ?? "");
        if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors["userName"] = ["3–64 huruf, angka, titik, tanda hubung atau garis bawah. / 3–64 letters, digits, dots, hyphens or underscores."];
        }
        else if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            errors["userName"] = ["Nama pengguna sudah dipakai. / This user name is taken."];
        }

        await CheckProfileAsync(db, request, errors, cancellationToken);
        CheckPassword(request.Password, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var user = new User
        {
            UserName = name,
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = "",
            Role = request.Role!,
            OpdCode = AccessRoles.NeedsOpd(request.Role!) ? request.OpdCode!.Trim() : null,
            CreatedAt = now.UtcDateTime,
            SecurityStamp = Sessions.NewStamp(),
        };
        user.PasswordHash = Hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        Audit.Add(db, now, actor, AuditActions.UserCreated, "user:" + user.UserName, user.OpdCode, $"role {user.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return (user, errors);
    }

    /// <summary>Changes name, role and OPD (the password only when given); the user's open sessions end.</summary>
    public async Task<(User? User, Dictionary<string, string[]> Errors)> UpdateAsync(int id, AccountRequest request, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            errors["id"] = [NotFound];
            return (null, errors);
        }

        await CheckProfileAsync(db, request, errors, cancellationToken);
        if (request.Password is not null)
        {
            CheckPassword(request.Password, errors);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (request.Role != AccessRoles.Administrator && user.DisabledAt is null && await IsLastAdministratorAsync(db, user, cancellationToken))
        {
            errors["role"] = [LastAdministrator];
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var before = $"{user.Role}/{user.OpdCode ?? "-"}";
        var beforeName = user.DisplayName;
        user.DisplayName = request.DisplayName!.Trim();
        user.Role = request.Role!;
        user.OpdCode = AccessRoles.NeedsOpd(request.Role!) ? request.OpdCode!.Trim() : null;
        user.SecurityStamp = Sessions.NewStamp();
        if (request.Password is not null)
        {
            user.PasswordHash = Hasher.HashPassword(user, request.Password);
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            Audit.Add(db, now, actor, AuditActions.PasswordReset, "user:" + user.UserName, user.OpdCode);
        }

        var after = $"{user.Role}/{user.OpdCode ?? "-"}";
        if (after != before || user.DisplayName != beforeName)
        {
            Audit.Add(db, now, actor, AuditActions.UserChanged, "user:" + user.UserName, user.OpdCode, $"{before} -> {after}" + (user.DisplayName != beforeName ? $", name \"{beforeName}\" -> \"{user.DisplayName}\"" : ""));
        }
        await db.SaveChangesAsync(cancellationToken);
        return (user, errors);
    }

    /// <summary>Disables the account and ends its sessions; refused for the last enabled administrator, who would
    /// leave nobody able to administer.</summary>
    public async Task<(User? User, Dictionary<string, string[]> Errors)> DisableAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            errors["id"] = [NotFound];
            return (null, errors);
        }

        if (user.DisabledAt is null && await IsLastAdministratorAsync(db, user, cancellationToken))
        {
            errors["disabled"] = [LastAdministrator];
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        user.DisabledAt ??= now.UtcDateTime;
        user.SecurityStamp = Sessions.NewStamp();
        Audit.Add(db, now, actor, AuditActions.UserDisabled, "user:" + user.UserName, user.OpdCode);
        await db.SaveChangesAsync(cancellationToken);
        return (user, errors);
    }

    /// <summary>Lets a disabled account sign in again (with its old password; reset it if that is the worry).</summary>
    public async Task<User?> EnableAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        if (user.DisabledAt is not null)
        {
            var now = clock.GetUtcNow();
            user.DisabledAt = null;
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            user.SecurityStamp = Sessions.NewStamp();
            Audit.Add(db, now, actor, AuditActions.UserEnabled, "user:" + user.UserName, user.OpdCode);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    /// <summary>A password an administrator hands over once: 16 characters from an alphabet without look-alikes
    /// (no 0/O, 1/l/I), about 90 bits.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(19, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 5 == 4 ? '-' : chars[System.Security.Cryptography.RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    public static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    private const string NotFound = "Pengguna tidak ditemukan. / User not found.";

    private const string LastAdministrator =
        "Ini administrator aktif terakhir; jadikan orang lain administrator dulu. / This is the last enabled administrator; make someone else an administrator first.";

    private static async Task<bool> IsLastAdministratorAsync(SituationDbContext db, User user, CancellationToken cancellationToken) =>
        user.Role == AccessRoles.Administrator
        && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == AccessRoles.Administrator && u.DisabledAt == null, cancellationToken);

    private async Task CheckProfileAsync(SituationDbContext db, AccountRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 120)
        {
            errors["displayName"] = ["Isi nama tampilan (maks. 120 karakter). / Give a display name (at most 120 characters)."];
        }

        if (request.Role is null || !AccessRoles.IsPerson(request.Role))
        {
            errors["role"] = [$"Salah satu dari: {string.Join(", ", AccessRoles.People)}. / One of: {string.Join(", ", AccessRoles.People)}."];
        }
        else if (AccessRoles.NeedsOpd(request.Role))
        {
            var code = request.OpdCode?.Trim();
            if (code is null || !await db.Opds.AnyAsync(o => o.Code == code, cancellationToken))
            {
                errors["opdCode"] = ["Peran OPD memerlukan kode OPD yang terdaftar. / OPD roles need a registered OPD code."];
            }
        }
    }

    private void CheckPassword(string? password, Dictionary<string, string[]> errors)
    {
        var minimum = options.Value.MinimumPasswordLength;
        if (password is null || password.Length < minimum || password.Length > 256)
        {
            errors["password"] = [$"Kata sandi minimal {minimum} karakter. / The password needs at least {minimum} characters."];
        }
    }
}
