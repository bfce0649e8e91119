using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Devices;

/// <summary>
/// POST /api/ingest/hotspots and /api/ingest/cameras (feeds), the registry under /api/devices (add, move,
/// lifecycle, CSV import) and announced maintenance under /api/devices/maintenance. Feeds need an ingestion client of their kind;
/// the registry and maintenance a signed-in administrator, audited. A batch or an import is accepted or refused
/// whole, naming each bad item.
/// </summary>
public static class DevicesApi
{
    private const string Invalid = "Permintaan tidak valid / Invalid request";

    public static IServiceCollection AddDevices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DevicesOptions>(configuration.GetSection(DevicesOptions.Section));
        services.AddSingleton<DeviceHistoryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceHistoryWriter>());
        services.AddSingleton<DeviceTelemetry>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<DeviceMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceMonitor>());
        return services;
    }

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        // One credential per client: a hotspot controller's key feeds hotspots only, the camera system's cameras only,
        // so a leaked SMS gateway key cannot mark the city's cameras online.
        app.MapGroup("/api/ingest").WithTags("Devices").RequireIngestionClient(IngestionClientKinds.HotspotController)
            .MapPost("/hotspots", (HttpRequest request, DeviceTelemetry telemetry, IOptions<DevicesOptions> options, CancellationToken ct) =>
                IngestAsync(DeviceKind.Hotspot, request, telemetry, options.Value, ct));
        app.MapGroup("/api/ingest").WithTags("Devices").RequireIngestionClient(IngestionClientKinds.CameraSystem)
            .MapPost("/cameras", (HttpRequest request, DeviceTelemetry telemetry, IOptions<DevicesOptions> options, CancellationToken ct) =>
                IngestAsync(DeviceKind.Camera, request, telemetry, options.Value, ct));

        // Registry and maintenance are administrators' work, signed in as people: the audit trail names who did it.
        var registry = app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(AccessPolicies.Administer);
        registry.MapPost("/", RegisterAsync);
        registry.MapPatch("/{id}", MoveAsync);
        registry.MapPost("/{id}/lifecycle", LifecycleAsync);
        registry.MapPost("/import", ImportAsync);
        registry.MapPost("/maintenance", DeclareMaintenanceAsync);
        registry.MapPost("/maintenance/{id:long}/cancel", CancelMaintenanceAsync);

        // One device's detail, the windows: every signed-in person, as the league and the pages built on them.
        var read = app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(AccessPolicies.League);
        read.MapGet("/maintenance", ListMaintenanceAsync);
        read.MapGet("/{id}", GetAsync);
        return app;
    }

    public sealed record IngestAnswer(int Received, int Accepted, int Ignored, int StatusChanges);

    internal static async Task<Results<Ok<IngestAnswer>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        DeviceKind kind, HttpRequest request, DeviceTelemetry telemetry, DevicesOptions options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reports = await ReadReportsAsync(kind, request, options.MaxBatch, errors, cancellationToken);
        if (reports is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        DeviceIngestResult result;
        try
        {
            result = await telemetry.IngestAsync(kind, reports, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Batch belum tersimpan / The batch was not stored",
                detail: "Kirim ulang batch yang sama; laporan ganda tidak berbahaya. / Send the same batch again; duplicates are harmless.");
        }

        if (result.UnknownDeviceIds.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Perangkat tidak terdaftar / Unknown devices",
                detail: $"Batch ditolak utuh: {result.UnknownDeviceIds.Count} id tidak dikenal sebagai {KindWord(kind)}. Daftarkan lewat /api/devices. / The whole batch was refused; register devices through /api/devices.",
                extensions: new Dictionary<string, object?> { ["unknownDeviceIds"] = result.UnknownDeviceIds });
        }

        return TypedResults.Ok(new IngestAnswer(reports.Count, result.Accepted, result.Ignored, result.StatusChanges));
    }

    /// <summary>{ "reports": [ { deviceId, at, status, clients | bitrateKbps } ] }; null when the body cannot be read.</summary>
    private static async Task<List<DeviceReport>?> ReadReportsAsync(
        DeviceKind kind, HttpRequest request, int maxBatch, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            errors["body"] = ["Kirim JSON (application/json). / Send JSON."];
            return null;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            errors["body"] = ["JSON tidak valid. / The JSON is not valid."];
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("reports", out var items)
                || items.ValueKind != JsonValueKind.Array)
            {
                errors["reports"] = ["Wajib: larik laporan. / Required: an array of reports."];
                return null;
            }

            var count = items.GetArrayLength();
            if (count == 0 || count > maxBatch)
            {
                errors["reports"] = [$"Antara 1 dan {maxBatch} laporan per batch. / Between 1 and {maxBatch} reports per batch."];
                return null;
            }

            var statuses = string.Join(", ", DeviceStatusCodes.WireValues(kind));
            var reports = new List<DeviceReport>(count);
            var index = -1;
            foreach (var item in items.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors[Key(index, "")] = ["Harus objek. / Must be an object."];
                    continue;
                }

                var id = Text(item, "deviceId");
                if (id is not { Length: > 0 and <= 32 })
                {
                    errors[Key(index, "deviceId")] = ["Wajib, paling banyak 32 karakter. / Required, at most 32 characters."];
                }

                // The device's own clock: only orders its reports, so an hours-off clock is accepted as it is.
                var atText = Text(item, "at");
                DateTimeOffset at = default;
                if (atText is null || !ApiRequests.TryParseInstant(atText, out at))
                {
                    errors[Key(index, "at")] = ["Wajib, ISO-8601 dengan zona waktu, mis. 2026-11-20T10:15:00+07:00. / Required, ISO-8601 with an offset."];
                }

                if (!DeviceStatusCodes.TryParse(kind, Text(item, "status"), out var status))
                {
                    errors[Key(index, "status")] = [$"Harus salah satu dari: {statuses}. / Must be one of: {statuses}."];
                }

                var clients = Metric(item, "clients", kind == DeviceKind.Hotspot, index, errors, whole: true);
                var bitrate = Metric(item, "bitrateKbps", kind == DeviceKind.Camera, index, errors, whole: false);
                reports.Add(new DeviceReport(id ?? "", at, status, clients is null ? null : (int)clients.Value, bitrate));
            }

            return reports;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    /// <summary>reports[3].at, or reports[3] for the item itself: made only for an error, as a batch has thousands of items.</summary>
    private static string Key(int index, string field) =>
        field.Length == 0 ? $"reports[{index}]" : $"reports[{index}].{field}";

    private static double? Metric(JsonElement item, string name, bool allowed, int index, Dictionary<string, string[]> errors, bool whole)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (!allowed)
        {
            errors[Key(index, name)] = ["Bukan ukuran untuk jenis perangkat ini. / Not a metric of this kind of device."];
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < 0 || number > 10_000_000 || (whole && number != Math.Floor(number)))
        {
            errors[Key(index, name)] = [whole ? "Harus bilangan bulat >= 0. / Must be a whole number >= 0." : "Harus angka >= 0. / Must be a number >= 0."];
            return null;
        }

        return number;
    }

    public sealed record RegistryAnswer(int Added, int Updated);

    internal static async Task<Results<Created<RegistryAnswer>, ValidationProblem>> RegisterAsync(
        HttpRequest request, DeviceRegistry registry, SituationDbContext db, CancellationToken cancellationToken)
    {
        var (fields, errors) = await ReadJsonFieldsAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var places = await DeviceRegistry.Places.LoadAsync(db, cancellationToken);
        var registration = DeviceRegistry.Read(f => fields.GetValueOrDefault(f), "", errors, places);
        if (registration is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var (added, updated, refused) = await registry.UpsertAsync([(registration, "")], allowUpdate: false, DeviceActor.Of(request.HttpContext), cancellationToken);
        return refused.Count > 0
            ? TypedResults.ValidationProblem(refused, title: Invalid)
            : TypedResults.Created($"/api/devices/{Uri.EscapeDataString(registration.Id)}", new RegistryAnswer(added, updated));
    }

    /// <summary>PATCH: the fields given replace the device's; the others stay.</summary>
    internal static async Task<Results<Ok<RegistryAnswer>, NotFound, ValidationProblem>> MoveAsync(
        string id, HttpRequest request, DeviceRegistry registry, SituationDbContext db, CancellationToken cancellationToken)
    {
        var (fields, errors) = await ReadJsonFieldsAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (device is null)
        {
            return TypedResults.NotFound();
        }

        if (fields.ContainsKey("kecamatanCode") && !fields.ContainsKey("kelurahanCode"))
        {
            // A new kecamatan without a kelurahan: the old kelurahan cannot follow it.
            fields["kelurahanCode"] = null;
        }

        string? Field(string name) => fields.TryGetValue(name, out var value) ? value : name switch
        {
            "id" => device.Id,
            "kind" => device.Kind.ToString(),
            "name" => device.Name,
            "kecamatanCode" => device.KecamatanCode,
            "kelurahanCode" => device.KelurahanCode,
            "opdCode" => device.OpdCode,
            "latitude" => device.Latitude?.ToString(CultureInfo.InvariantCulture),
            "longitude" => device.Longitude?.ToString(CultureInfo.InvariantCulture),
            "reportIntervalSeconds" => device.ReportIntervalSeconds.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        var places = await DeviceRegistry.Places.LoadAsync(db, cancellationToken);
        var registration = DeviceRegistry.Read(Field, "", errors, places);
        if (registration is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var (added, updated, refused) = await registry.UpsertAsync([(registration, "")], allowUpdate: true, DeviceActor.Of(request.HttpContext), cancellationToken);
        return refused.Count > 0 ? TypedResults.ValidationProblem(refused, title: Invalid) : TypedResults.Ok(new RegistryAnswer(added, updated));
    }

    public sealed record LifecycleAnswer(string Id, string Lifecycle, string? Reference);

    internal static async Task<Results<Ok<LifecycleAnswer>, NotFound, ValidationProblem>> LifecycleAsync(
        string id, HttpContext http, DeviceRegistry registry, CancellationToken cancellationToken)
    {
        var (fields, errors) = await ReadJsonFieldsAsync(http.Request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var lifecycle = DeviceLifecycles.Parse(fields.GetValueOrDefault("lifecycle"));
        if (lifecycle is null)
        {
            errors["lifecycle"] = [$"Harus salah satu dari: {string.Join(", ", DeviceLifecycles.WireValues)}. / Must be one of those."];
        }

        var reference = ApiRequests.OptionalText(fields, errors, "reference", 200);
        if (lifecycle is DeviceLifecycle.SwitchedOff or DeviceLifecycle.Decommissioned && reference is null && !errors.ContainsKey("reference"))
        {
            errors["reference"] = ["Wajib untuk dimatikan atau dihapus: sebut dasar keputusannya, mis. nomor SK anggaran. / Required: the decision it rests on."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        return await registry.SetLifecycleAsync(id, lifecycle!.Value, reference, DeviceActor.Of(http), cancellationToken)
            ? TypedResults.Ok(new LifecycleAnswer(id, DeviceLifecycles.ToWire(lifecycle.Value), reference))
            : TypedResults.NotFound();
    }

    /// <summary>CSV with a header row (<see cref="DeviceRegistry.Columns"/>); errors are keyed rows[n].field, n counting data rows from 1.</summary>
    internal static async Task<Results<Ok<RegistryAnswer>, ValidationProblem>> ImportAsync(
        HttpRequest request, DeviceRegistry registry, SituationDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();

        // text/plain is what a form on another page can send with the session cookie; text/csv it cannot.
        if (!(request.ContentType ?? "").Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            errors["body"] = ["Kirim CSV dengan Content-Type: text/csv. / Send CSV as text/csv."];
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var places = await DeviceRegistry.Places.LoadAsync(db, cancellationToken);
        var rows = new List<(DeviceRegistration, string)>();
        var (table, error) = DeviceCsv.Parse(text);
        if (table is null || table.Count == 0)
        {
            errors["body"] = [error ?? "CSV kosong: baris judul wajib. / Empty CSV: a header row is required."];
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var header = table[0];
        var missing = new[] { "id", "kind", "name", "kecamatanCode", "opdCode" }.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors["header"] = [$"Kolom wajib tidak ada: {string.Join(", ", missing)}. / Missing columns. Expected: {string.Join(",", DeviceRegistry.Columns)}"];
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        if (table.Count == 1)
        {
            errors["body"] = ["Tidak ada baris data. / No data rows."];
        }

        for (var number = 1; number < table.Count; number++)
        {
            var prefix = $"rows[{number}].";
            var fields = table[number];
            if (fields.Count != header.Count)
            {
                errors[prefix[..^1]] = [$"{fields.Count} kolom, judul punya {header.Count}. / {fields.Count} fields, the header has {header.Count}."];
                continue;
            }

            string? Field(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)) is >= 0 and var column ? fields[column] : null;
            if (DeviceRegistry.Read(Field, prefix, errors, places) is { } registration)
            {
                rows.Add((registration, prefix));
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var (added, updated, refused) = await registry.UpsertAsync(rows, allowUpdate: true, DeviceActor.Of(request.HttpContext), cancellationToken);
        return refused.Count > 0 ? TypedResults.ValidationProblem(refused, title: Invalid) : TypedResults.Ok(new RegistryAnswer(added, updated));
    }

    public sealed record MaintenanceLine(long Id, string Scope, string Code, string? Kind, DateTimeOffset Start, DateTimeOffset End, string Reason, string DeclaredBy, bool Cancelled);

    internal static async Task<Results<Created<MaintenanceLine>, ValidationProblem>> DeclareMaintenanceAsync(
        HttpContext http, SituationDbContext db, LiveSituation live, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (fields, errors) = await ReadJsonFieldsAsync(http.Request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var now = clock.GetUtcNow();
        MaintenanceScope? scope = fields.GetValueOrDefault("scope")?.Trim().ToLowerInvariant() switch
        {
            "device" => MaintenanceScope.Device,
            "kecamatan" => MaintenanceScope.Kecamatan,
            "opd" => MaintenanceScope.Opd,
            _ => null,
        };
        if (scope is null)
        {
            errors["scope"] = ["Harus device, kecamatan atau opd. / Must be device, kecamatan or opd."];
        }

        var code = ApiRequests.Text(fields, errors, "code", 32)?.Trim();
        if (code is not null && scope is { } s && !await ScopeExistsAsync(db, s, code, cancellationToken))
        {
            errors["code"] = [$"{s} dengan kode {code} tidak dikenal. / Unknown {s}."];
        }

        DeviceKind? kind = fields.GetValueOrDefault("kind")?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "hotspot" => DeviceKind.Hotspot,
            "camera" => DeviceKind.Camera,
            _ => (DeviceKind)(-1),
        };
        if (kind == (DeviceKind)(-1))
        {
            errors["kind"] = ["Kosong, hotspot atau camera. / Empty, hotspot or camera."];
        }

        // Announced means announced ahead or now: a window may start a little in the past (declared as work begins), not days back.
        var horizon = now.AddYears(1);
        var start = ApiRequests.Instant(fields, errors, "start", horizon, required: true);
        var end = ApiRequests.Instant(fields, errors, "end", horizon, required: true);
        if (start is { } from && end is { } to)
        {
            if (to <= from)
            {
                errors["end"] = ["Harus setelah mulai. / Must be after the start."];
            }
            else if (to - from > TimeSpan.FromDays(31))
            {
                errors["end"] = ["Paling lama 31 hari; untuk lebih lama ubah siklus hidup perangkat. / At most 31 days; change the lifecycle for longer."];
            }

            if (from < now - TimeSpan.FromHours(1))
            {
                errors["start"] = ["Pemeliharaan diumumkan sebelumnya: paling awal satu jam yang lalu. / Maintenance is announced: at the earliest an hour ago."];
            }
        }

        var reason = ApiRequests.Text(fields, errors, "reason", 500)?.Trim();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var window = new DeviceMaintenanceWindow
        {
            Scope = scope!.Value,
            ScopeCode = code!,
            Kind = kind,
            Start = start!.Value.UtcDateTime,
            End = end!.Value.UtcDateTime,
            Reason = reason!,
            DeclaredBy = Audit.Actor(http.User),
            DeclaredAt = now.UtcDateTime,
        };

        // The window's id is known only once saved; the audit line names it, in the same transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.DeviceMaintenanceWindows.Add(window);
            await db.SaveChangesAsync(cancellationToken);
            Audit.Add(db, now, window.DeclaredBy, AuditActions.MaintenanceDeclared, $"maintenance:{window.Id}", window.Scope == MaintenanceScope.Opd ? window.ScopeCode : null, MaintenanceText(window), Audit.Address(http));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await DeviceMonitor.RefreshExclusionsAsync(db, live, now, cancellationToken);
        return TypedResults.Created($"/api/devices/maintenance/{window.Id}", Line(window));
    }

    internal static async Task<Results<Ok<MaintenanceLine>, NotFound>> CancelMaintenanceAsync(
        long id, HttpContext http, SituationDbContext db, LiveSituation live, TimeProvider clock, CancellationToken cancellationToken)
    {
        var window = await db.DeviceMaintenanceWindows.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (window is null)
        {
            return TypedResults.NotFound();
        }

        if (window.CancelledAt is null)
        {
            window.CancelledAt = clock.GetUtcNow().UtcDateTime;
            window.CancelledBy = Audit.Actor(http.User);
            Audit.Add(db, clock.GetUtcNow(), window.CancelledBy, AuditActions.MaintenanceCancelled, $"maintenance:{window.Id}", window.Scope == MaintenanceScope.Opd ? window.ScopeCode : null, MaintenanceText(window), Audit.Address(http));
            await db.SaveChangesAsync(cancellationToken);
            await DeviceMonitor.RefreshExclusionsAsync(db, live, clock.GetUtcNow(), cancellationToken);
        }

        return TypedResults.Ok(Line(window));
    }

    /// <summary>Windows that are under way or ahead, and those of the last week.</summary>
    internal static async Task<Ok<List<MaintenanceLine>>> ListMaintenanceAsync(SituationDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var windows = await db.DeviceMaintenanceWindows.AsNoTracking().Where(w => w.End >= since).OrderBy(w => w.Start).ToListAsync(cancellationToken);
        return TypedResults.Ok(windows.Select(Line).ToList());
    }

    internal static async Task<Results<Ok<DeviceDetail>, NotFound>> GetAsync(string id, SituationDbContext db, DeviceTelemetry telemetry, TimeProvider clock, CancellationToken cancellationToken) =>
        await DeviceQueries.DetailAsync(db, telemetry, id, clock.GetUtcNow(), cancellationToken) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<bool> ScopeExistsAsync(SituationDbContext db, MaintenanceScope scope, string code, CancellationToken cancellationToken) => scope switch
    {
        MaintenanceScope.Device => await db.Devices.AnyAsync(d => d.Id == code, cancellationToken),
        MaintenanceScope.Kecamatan => await db.Kecamatan.AnyAsync(k => k.Code == code, cancellationToken),
        _ => await db.Opds.AnyAsync(o => o.Code == code, cancellationToken),
    };

    private static MaintenanceLine Line(DeviceMaintenanceWindow w) => new(
        w.Id,
        w.Scope.ToString().ToLowerInvariant(),
        w.ScopeCode,
        w.Kind?.ToString().ToLowerInvariant(),
        DeviceRollupStore.Utc(w.Start),
        DeviceRollupStore.Utc(w.End),
        w.Reason,
        w.DeclaredBy,
        w.CancelledAt is not null);

    private static string MaintenanceText(DeviceMaintenanceWindow w) =>
        FormattableString.Invariant($"{w.Scope} {w.ScopeCode}{(w.Kind is { } k ? " " + k : "")} {w.Start:O} - {w.End:O}: {w.Reason}");

    /// <summary>Signed in by cookie, so JSON only: a form on another page of the same site could post a form with the
    /// session cookie, not a JSON body.</summary>
    private static async Task<(Dictionary<string, string?>? Fields, Dictionary<string, string[]> Errors)> ReadJsonFieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, new Dictionary<string, string[]> { ["body"] = ["Kirim JSON (application/json). / Send JSON."] });
        }

        return await ApiRequests.ReadFieldsAsync(request, cancellationToken);
    }

    private static string KindWord(DeviceKind kind) => kind == DeviceKind.Hotspot ? "hotspot" : "kamera";
}
