using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Situation;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>A device as the registry is told about it: by the API one at a time, or by a CSV import row by row.</summary>
public sealed record DeviceRegistration(
    string Id,
    DeviceKind Kind,
    string Name,
    string KecamatanCode,
    string? KelurahanCode,
    string OpdCode,
    double? Latitude,
    double? Longitude,
    int ReportIntervalSeconds);

/// <summary>
/// Adds, moves and retires devices. Unknown ids are never created by a feed: only here. Every change is
/// validated whole first (each bad field named), written in one transaction, then memory follows.
/// </summary>
/// <summary>Who changed the registry or maintenance, for the audit trail and the lifecycle history.</summary>
public sealed record DeviceActor(string Name, string? Address)
{
    public static DeviceActor Of(HttpContext http) => new(Audit.Actor(http.User), Audit.Address(http));
}

public sealed partial class DeviceRegistry(
    IDbContextFactory<SituationDbContext> dbFactory,
    DeviceTelemetry telemetry,
    LiveSituation live,
    TimeProvider clock)
{
    public const int DefaultReportIntervalSeconds = 60;

    public static readonly string[] Columns = ["id", "kind", "name", "kecamatanCode", "kelurahanCode", "opdCode", "latitude", "longitude", "reportIntervalSeconds"];

    /// <summary>Reads one registration from named fields; errors are keyed <paramref name="prefix"/> + field.</summary>
    public static DeviceRegistration? Read(Func<string, string?> field, string prefix, Dictionary<string, string[]> errors, DeviceRegistry.Places places)
    {
        var before = errors.Count;
        var id = field("id")?.Trim();
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            errors[prefix + "id"] = ["Wajib: 1-32 huruf, angka, titik, garis bawah atau tanda hubung. / Required: 1-32 letters, digits, '.', '_' or '-'."];
        }

        DeviceKind kind = default;
        switch (field("kind")?.Trim().ToLowerInvariant())
        {
            case "hotspot" or "wifi":
                kind = DeviceKind.Hotspot;
                break;
            case "camera" or "cctv":
                kind = DeviceKind.Camera;
                break;
            default:
                errors[prefix + "kind"] = ["Harus hotspot atau camera. / Must be hotspot or camera."];
                break;
        }

        var name = field("name")?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 160)
        {
            errors[prefix + "name"] = ["Wajib, paling banyak 160 karakter. / Required, at most 160 characters."];
        }

        var (kecamatan, kelurahan, opd) = ReadPlace(field, prefix, errors, places, required: true);
        var latitude = Number(field, prefix, "latitude", -90, 90, errors);
        var longitude = Number(field, prefix, "longitude", -180, 180, errors);
        var interval = Number(field, prefix, "reportIntervalSeconds", 10, 86_400, errors);
        if (interval is { } seconds && seconds != Math.Floor(seconds))
        {
            errors[prefix + "reportIntervalSeconds"] = ["Harus bilangan bulat detik. / Must be whole seconds."];
        }

        return errors.Count > before
            ? null
            : new DeviceRegistration(id!, kind, name!, kecamatan!, kelurahan, opd!, latitude, longitude, (int)(interval ?? DefaultReportIntervalSeconds));
    }

    /// <summary>Kecamatan, kelurahan (inside that kecamatan) and owning OPD, each checked against the reference tables.</summary>
    public static (string? Kecamatan, string? Kelurahan, string? Opd) ReadPlace(
        Func<string, string?> field, string prefix, Dictionary<string, string[]> errors, Places places, bool required)
    {
        var kecamatan = Blank(field("kecamatanCode"));
        var kelurahan = Blank(field("kelurahanCode"));
        var opd = Blank(field("opdCode"));
        if (kecamatan is null ? required : !places.Kecamatan.Contains(kecamatan))
        {
            errors[prefix + "kecamatanCode"] = [kecamatan is null ? "Wajib diisi. / Required." : $"Kecamatan tidak dikenal: {kecamatan}. / Unknown kecamatan."];
        }

        if (kelurahan is not null && (!places.Kelurahan.TryGetValue(kelurahan, out var inKecamatan) || (kecamatan is not null && inKecamatan != kecamatan)))
        {
            errors[prefix + "kelurahanCode"] = [$"Kelurahan tidak dikenal di kecamatan ini: {kelurahan}. / Unknown kelurahan in this kecamatan."];
        }

        if (opd is null ? required : !places.Opds.Contains(opd))
        {
            errors[prefix + "opdCode"] = [opd is null ? "Wajib diisi. / Required." : $"OPD tidak dikenal: {opd}. / Unknown OPD."];
        }

        return (kecamatan, kelurahan, opd);
    }

    /// <summary>The reference codes a registration is checked against.</summary>
    public sealed record Places(IReadOnlySet<string> Kecamatan, IReadOnlyDictionary<string, string> Kelurahan, IReadOnlySet<string> Opds)
    {
        public static async Task<Places> LoadAsync(SituationDbContext db, CancellationToken cancellationToken) => new(
            (await db.Kecamatan.Select(k => k.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            await db.Kelurahan.ToDictionaryAsync(k => k.Code, k => k.KecamatanCode, StringComparer.Ordinal, cancellationToken),
            (await db.Opds.Select(o => o.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Adds new ids and moves or renames existing ones, all or nothing. A changed kind is refused: a hotspot does
    /// not become a camera; retire it and register the camera.
    /// </summary>
    public async Task<(int Added, int Updated, Dictionary<string, string[]> Errors)> UpsertAsync(
        IReadOnlyList<(DeviceRegistration Registration, string Prefix)> rows, bool allowUpdate, DeviceActor by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = rows.Select(r => r.Registration.Id).ToList();
        var existing = await db.Devices.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (registration, prefix) in rows)
        {
            if (!seen.Add(registration.Id))
            {
                errors[prefix + "id"] = [$"Id {registration.Id} muncul lebih dari sekali. / Id appears more than once."];
            }
            else if (existing.TryGetValue(registration.Id, out var device))
            {
                if (!allowUpdate)
                {
                    errors[prefix + "id"] = [$"Perangkat {registration.Id} sudah terdaftar. / Already registered."];
                }
                else if (device.Kind != registration.Kind)
                {
                    errors[prefix + "kind"] = [$"Perangkat {registration.Id} terdaftar sebagai {device.Kind}; jenis tidak bisa diubah. / Registered as {device.Kind}; the kind cannot change."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return (0, 0, errors);
        }

        int added = 0, updated = 0;
        foreach (var (r, _) in rows)
        {
            if (existing.TryGetValue(r.Id, out var device))
            {
                updated++;
                var before = Describe(device.Name, device.KecamatanCode, device.KelurahanCode, device.OpdCode, device.Latitude, device.Longitude, device.ReportIntervalSeconds);
                var after = Describe(r.Name, r.KecamatanCode, r.KelurahanCode, r.OpdCode, r.Latitude, r.Longitude, r.ReportIntervalSeconds);
                if (before != after)
                {
                    Audit.Add(db, Utc(now), by.Name, AuditActions.DeviceChanged, "device:" + r.Id, r.OpdCode, $"{before} -> {after}", by.Address);
                }
            }
            else
            {
                added++;
                device = new Device
                {
                    Id = r.Id,
                    Kind = r.Kind,
                    Name = r.Name,
                    KecamatanCode = r.KecamatanCode,
                    OpdCode = r.OpdCode,
                    Lifecycle = DeviceLifecycle.Active,
                    // Offline until it reports: a registered device that never speaks is dark, not up.
                    Status = DeviceStatus.Offline,
                    StatusSince = now,
                    RegisteredAt = now,
                };
                db.Devices.Add(device);
                db.DeviceStatusIntervals.Add(new DeviceStatusInterval { DeviceId = r.Id, Status = DeviceStatus.Offline, From = now });
                db.DeviceLifecyclePeriods.Add(new DeviceLifecyclePeriod { DeviceId = r.Id, Lifecycle = DeviceLifecycle.Active, From = now, ChangedBy = by.Name });
                Audit.Add(db, Utc(now), by.Name, AuditActions.DeviceRegistered, "device:" + r.Id, r.OpdCode, $"{r.Kind}: " + Describe(r.Name, r.KecamatanCode, r.KelurahanCode, r.OpdCode, r.Latitude, r.Longitude, r.ReportIntervalSeconds), by.Address);
            }

            device.Name = r.Name;
            device.KecamatanCode = r.KecamatanCode;
            device.KelurahanCode = r.KelurahanCode;
            device.OpdCode = r.OpdCode;
            device.Latitude = r.Latitude;
            device.Longitude = r.Longitude;
            device.ReportIntervalSeconds = r.ReportIntervalSeconds;
        }

        await db.SaveChangesAsync(cancellationToken);
        var facts = rows.Select(r => r.Registration).Select(r => live.Device(r.Id) is { } fact
                ? fact with { KecamatanCode = r.KecamatanCode, KelurahanCode = r.KelurahanCode, OpdCode = r.OpdCode }
                : new DeviceFact(r.Id, r.Kind, r.OpdCode, r.KecamatanCode, r.KelurahanCode, DeviceLifecycle.Active, DeviceStatus.Offline, Utc(now), null, [new StatusInterval(DeviceStatus.Offline, Utc(now), null)]))
            .ToList();
        await telemetry.RegistryChangedAsync(facts, rows.ToDictionary(r => r.Registration.Id, r => r.Registration.ReportIntervalSeconds, StringComparer.Ordinal), cancellationToken);
        return (added, updated, errors);
    }

    /// <summary>Moves a device to a lifecycle; the period it leaves is closed, so uptime knows when it counted.</summary>
    public async Task<bool> SetLifecycleAsync(string id, DeviceLifecycle lifecycle, string? reference, DeviceActor by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return false;
        }

        var open = await db.DeviceLifecyclePeriods.Where(p => p.DeviceId == id && p.To == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            // A device from before lifecycle history was kept: its earlier lifecycle is dated from registration.
            db.DeviceLifecyclePeriods.Add(new DeviceLifecyclePeriod
            {
                DeviceId = id, Lifecycle = device.Lifecycle, Reference = device.LifecycleReference, From = device.RegisteredAt, To = now, ChangedBy = "registry",
            });
        }

        open.ForEach(p => p.To = now);
        db.DeviceLifecyclePeriods.Add(new DeviceLifecyclePeriod { DeviceId = id, Lifecycle = lifecycle, Reference = reference, From = now, ChangedBy = by.Name });
        Audit.Add(db, Utc(now), by.Name, AuditActions.DeviceLifecycleChanged, "device:" + id, device.OpdCode, $"{DeviceLifecycles.ToWire(device.Lifecycle)} -> {DeviceLifecycles.ToWire(lifecycle)}" + (reference is null ? "" : ": " + reference), by.Address);
        device.Lifecycle = lifecycle;
        device.LifecycleReference = reference;
        await db.SaveChangesAsync(cancellationToken);

        await DeviceMonitor.RefreshExclusionsAsync(db, live, Utc(now), cancellationToken);
        if (live.Device(id) is { } fact)
        {
            await telemetry.RegistryChangedAsync([fact with { Lifecycle = lifecycle }], new Dictionary<string, int>(), cancellationToken);
        }

        return true;
    }

    private static double? Number(Func<string, string?> field, string prefix, string name, double min, double max, Dictionary<string, string[]> errors)
    {
        var value = Blank(field(name));
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || number < min || number > max)
        {
            errors[prefix + name] = [$"Harus angka antara {min} dan {max}. / Must be a number between {min} and {max}."];
            return null;
        }

        return number;
    }

    private static string Describe(string name, string kecamatan, string? kelurahan, string opd, double? latitude, double? longitude, int interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} @ {kecamatan}/{kelurahan ?? "-"} ({latitude?.ToString() ?? "-"},{longitude?.ToString() ?? "-"}) {opd} every {interval}s");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset Utc(DateTime value) => DeviceRollupStore.Utc(value);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
