using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;

namespace SituationRoom.Web.Features.Access;

/// <summary>An active key's owner, as the ingestion path needs it.</summary>
public sealed record IngestionIdentity(int ClientId, string ClientName, string Kind, int CredentialId);

/// <summary>A created or rotated key: the only time the secret is shown.</summary>
public sealed record IssuedKey(int ClientId, string ClientName, string Kind, int CredentialId, string Key, string KeyPrefix, IReadOnlyList<int> Retired);

/// <summary>
/// The ingestion clients' keys: create, rotate (the new key and the previous one both work, so a gateway can be
/// switched without a gap; a third rotation retires the oldest), revoke. Active key hashes are held in memory, so
/// checking a key costs one hash and one lookup; a change made here applies at once, one made by another instance
/// within <see cref="AccessOptions.KeyCacheLifetime"/>.
/// </summary>
public sealed class IngestionKeys(IDbContextFactory<SituationDbContext> factory, TimeProvider clock, IOptions<AccessOptions> options)
{
    public const string KeyPrefix = "sr_";
    public const int ActiveKeysPerClient = 2;

    private volatile Snapshot? current;

    public async Task<IngestionIdentity?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is null || clock.GetUtcNow() - snapshot.LoadedAt > options.Value.KeyCacheLifetime)
        {
            snapshot = await ReloadAsync(cancellationToken);
        }

        return snapshot.Keys.GetValueOrDefault(Secrets.Hash(presentedKey));
    }

    public async Task<(IssuedKey? Key, Dictionary<string, string[]> Errors)> CreateAsync(string? name, string? kind, string actor, CancellationToken cancellationToken, string? knownKey = null)
    {
        var errors = new Dictionary<string, string[]>();
        var clean = name?.Trim() ?? "";
        if (clean.Length is < 3 or > 64 || !clean.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors["name"] = ["3–64 huruf, angka, titik, tanda hubung atau garis bawah. / 3–64 letters, digits, dots, hyphens or underscores."];
        }

        if (kind is null || !IngestionClientKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            errors["kind"] = [$"Salah satu dari: {string.Join(", ", IngestionClientKinds.All)}. / One of: {string.Join(", ", IngestionClientKinds.All)}."];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (errors.Count == 0 && await db.IngestionClients.AnyAsync(c => c.Name == clean, cancellationToken))
        {
            // A name is never reused, even after revocation: message ids are unique per client name.
            errors["name"] = ["Nama klien sudah pernah dipakai. / This client name has been used before."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var key = knownKey ?? Secrets.NewKey(KeyPrefix);
        var credential = new IngestionCredential { KeyHash = Secrets.Hash(key), KeyPrefix = Secrets.Prefix(key), CreatedAt = now.UtcDateTime };
        var client = new IngestionClient { Name = clean, Kind = kind!, CreatedAt = now.UtcDateTime, Credentials = [credential] };
        db.IngestionClients.Add(client);
        Audit.Add(db, now, actor, AuditActions.ClientCreated, "ingestion-client:" + clean, detail: $"kind {kind}, key {credential.KeyPrefix}…");
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return (new IssuedKey(client.Id, client.Name, client.Kind, credential.Id, key, credential.KeyPrefix, []), errors);
    }

    /// <summary>Null when there is no such active client.</summary>
    public async Task<IssuedKey?> RotateAsync(int clientId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var client = await db.IngestionClients.Include(c => c.Credentials).FirstOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var key = Secrets.NewKey(KeyPrefix);
        var credential = new IngestionCredential { KeyHash = Secrets.Hash(key), KeyPrefix = Secrets.Prefix(key), CreatedAt = now.UtcDateTime };
        var retire = client.Credentials.Where(k => k.RevokedAt is null).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Skip(ActiveKeysPerClient - 1).ToList();
        foreach (var old in retire)
        {
            old.RevokedAt = now.UtcDateTime;
        }

        client.Credentials.Add(credential);
        Audit.Add(
            db, now, actor, AuditActions.CredentialRotated, "ingestion-client:" + client.Name,
            detail: $"new key {credential.KeyPrefix}…" + (retire.Count > 0 ? $", retired {string.Join(", ", retire.Select(r => r.KeyPrefix + "…"))}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return new IssuedKey(client.Id, client.Name, client.Kind, credential.Id, key, credential.KeyPrefix, retire.Select(r => r.Id).ToList());
    }

    /// <summary>Revokes one key; false when the client has no such key.</summary>
    public async Task<bool> RevokeKeyAsync(int clientId, int credentialId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var client = await db.IngestionClients.Include(c => c.Credentials).FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        var credential = client?.Credentials.FirstOrDefault(k => k.Id == credentialId);
        if (client is null || credential is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        credential.RevokedAt ??= now.UtcDateTime;
        Audit.Add(db, now, actor, AuditActions.CredentialRevoked, "ingestion-client:" + client.Name, detail: $"key {credential.KeyPrefix}…");
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes the client and all its keys; false when there is no such client.</summary>
    public async Task<bool> RevokeClientAsync(int clientId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var client = await db.IngestionClients.Include(c => c.Credentials).FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        client.RevokedAt ??= now.UtcDateTime;
        foreach (var key in client.Credentials)
        {
            key.RevokedAt ??= now.UtcDateTime;
        }

        Audit.Add(db, now, actor, AuditActions.ClientRevoked, "ingestion-client:" + client.Name);
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return true;
    }

    public async Task<Snapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.IngestionCredentials.AsNoTracking()
            .Where(k => k.RevokedAt == null)
            .Join(db.IngestionClients.Where(c => c.RevokedAt == null), k => k.ClientId, c => c.Id, (k, c) => new { k.KeyHash, k.Id, ClientId = c.Id, c.Name, c.Kind })
            .ToListAsync(cancellationToken);
        var snapshot = new Snapshot(clock.GetUtcNow(), rows.ToDictionary(r => r.KeyHash, r => new IngestionIdentity(r.ClientId, r.Name, r.Kind, r.Id), StringComparer.Ordinal));
        current = snapshot;
        return snapshot;
    }

    public sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, IngestionIdentity> Keys);
}

/// <summary>Marks an endpoint that takes an ingestion key instead of a person's cookie (see <see cref="IngestionAuth"/>),
/// with the kinds of client it takes (<see cref="IngestionClientKinds"/>; empty: any kind).</summary>
public sealed class IngestionEndpoint(IReadOnlyList<string> kinds)
{
    public IReadOnlyList<string> Kinds { get; } = kinds;
}

/// <summary>The "IngestionKey" authentication scheme: the key from the X-Api-Key header, or api_key (Open311) in the
/// query or form. Unknown keys fail; the challenge answers 401 with a problem, never a redirect.</summary>
public sealed class IngestionKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IngestionKeys keys,
    IDbContextFactory<SituationDbContext> factory,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "IngestionKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = await PresentedKeyAsync(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await keys.FindAsync(presented, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked ingestion key.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, identity.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, identity.ClientName),
                new Claim(ClaimTypes.Role, AccessRoles.IngestionClient),
                new Claim(AccessClaims.Kind, AccessClaims.IngestionKindValue),
                new Claim(AccessClaims.IngestionKind, identity.Kind),
            ],
            SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{IngestionAuth.HeaderName}\"";
        return Problem(StatusCodes.Status401Unauthorized, "Kunci klien tidak dikenal / Unknown client key",
            $"Kirim kunci klien Anda di header {IngestionAuth.HeaderName}. / Send your client key in the {IngestionAuth.HeaderName} header.");
    }

    /// <summary>A valid key of a kind the endpoint does not take (<see cref="AccessPolicies.IngestFrom"/>): the only
    /// requirement an authenticated client can fail. Refused before the handler runs, so nothing is stored but the
    /// audit line; the answer names the kinds the endpoint takes, so whoever configured the client sees which key belongs here.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var takes = Context.GetEndpoint()?.Metadata.GetMetadata<IngestionEndpoint>()?.Kinds ?? [];
        var wanted = takes.Count == 0 ? "-" : string.Join(", ", takes);
        var kind = Context.User.FindFirstValue(AccessClaims.IngestionKind) ?? "-";
        await Audit.RecordAsync(
            factory,
            clock.GetUtcNow(),
            Audit.Actor(Context.User),
            AuditActions.AccessDenied,
            "route:" + Request.Path,
            detail: $"{Request.Method} {Request.Path} with a {kind} client's key; the endpoint takes {wanted}",
            address: Audit.Address(Context));
        await Problem(
            StatusCodes.Status403Forbidden,
            "Klien ini tidak boleh mengirim ke sini / This client may not send here",
            $"{Request.Path} hanya menerima kunci klien jenis {wanted}; kunci ini milik klien jenis {kind}. Tidak ada yang disimpan. "
                + $"/ {Request.Path} takes keys of {wanted} clients only; this key belongs to a {kind} client. Nothing was stored.",
            new Dictionary<string, object?> { ["requiredKinds"] = takes, ["clientKind"] = kind });
    }

    // Open311 clients read GeoReport's error list, not a problem object; everyone else gets the problem.
    private Task Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Open311Api.Handles(Request.Path)
            ? Open311Api.ErrorResult(status, $"{title}. {detail}").ExecuteAsync(Context)
            : Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions).ExecuteAsync(Context);

    internal static async Task<string?> PresentedKeyAsync(HttpRequest request)
    {
        if (request.Headers[IngestionAuth.HeaderName].ToString() is { Length: > 0 } header)
        {
            return header;
        }

        if (request.Query[IngestionAuth.Open311Parameter].ToString() is { Length: > 0 } query)
        {
            return query;
        }

        return request.HasFormContentType && (await request.ReadFormAsync())[IngestionAuth.Open311Parameter].ToString() is { Length: > 0 } form ? form : null;
    }
}
