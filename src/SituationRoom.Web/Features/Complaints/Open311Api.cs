using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/, JSON only, so existing civic apps can file and follow complaints.
/// Services are our categories; "open" is every open status (a handover stays open), "closed" is resolved or
/// rejected. Requests are identified by their ticket. Names follow the GeoReport v2 specification exactly.
/// Reporter phone, name and e-mail are never returned.
/// </summary>
public static class Open311Api
{
    private const int MaximumResults = 1000;
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Prefix).WithTags("Open311").AllowAnonymous();
        read.MapGet("/services.{format}", Services);
        read.MapGet("/requests.{format}", RequestsAsync);
        read.MapGet("/requests/{id}.{format}", RequestAsync);

        // Outer filter first: it turns the ingestion check's refusal into GeoReport's error shape.
        var write = app.MapGroup(Prefix).WithTags("Open311");
        write.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            return result is ProblemHttpResult problem ? Error(problem.StatusCode, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "") : result;
        });
        write.RequireIngestionClient(IngestionClientKinds.ComplaintSource);
        write.MapPost("/requests.{format}", CreateAsync);
        return app;
    }

    public sealed record Service(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("metadata")] bool Metadata,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("keywords")] string Keywords,
        [property: JsonPropertyName("group")] string Group);

    public sealed record ServiceRequest(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("status_notes")] string? StatusNotes,
        [property: JsonPropertyName("service_name")] string? ServiceName,
        [property: JsonPropertyName("service_code")] string? ServiceCode,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
        [property: JsonPropertyName("service_notice")] string? ServiceNotice,
        [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
        [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
        [property: JsonPropertyName("expected_datetime")] DateTimeOffset? ExpectedDatetime,
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("address_id")] string? AddressId,
        [property: JsonPropertyName("zipcode")] string? Zipcode,
        [property: JsonPropertyName("lat")] double? Lat,
        [property: JsonPropertyName("long")] double? Long,
        [property: JsonPropertyName("media_url")] string? MediaUrl);

    public sealed record Created(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("service_notice")] string? ServiceNotice,
        [property: JsonPropertyName("account_id")] string? AccountId);

    public sealed record Problem(
        [property: JsonPropertyName("code")] int Code,
        [property: JsonPropertyName("description")] string Description);

    internal static IResult Services(string format)
    {
        if (!IsJson(format))
        {
            return UnsupportedFormat();
        }

        var english = IsEnglish();
        return TypedResults.Ok(ComplaintCategories.Default
            .Select(c => new Service(
                c.Code,
                english ? c.NameEn : c.NameId,
                english ? c.NameId : c.NameEn,
                false,
                "realtime",
                string.Join(", ", CategoryRules.Default.FirstOrDefault(r => r.CategoryCode == c.Code)?.Keywords.Take(8) ?? []),
                c.OpdCode ?? "TRIASE"))
            .ToList());
    }

    internal static async Task<IResult> RequestsAsync(string format, HttpRequest request, SituationDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!IsJson(format))
        {
            return UnsupportedFormat();
        }

        var query = db.Complaints.AsNoTracking();
        var ids = Csv(request.Query["service_request_id"]);
        if (ids.Count > 0)
        {
            var tickets = ids.Select(id => TicketNumber.TryParse(id, out var t) ? t.ToString() : id).ToList();
            query = query.Where(c => tickets.Contains(c.Ticket));
        }
        else
        {
            var codes = Csv(request.Query["service_code"]);
            if (codes.Any(code => ComplaintRouting.Category(code) is null))
            {
                return Error(StatusCodes.Status400BadRequest, "service_code: kode layanan tidak dikenal / unknown service_code");
            }

            if (codes.Count > 0)
            {
                query = query.Where(c => c.CategoryCode != null && codes.Contains(c.CategoryCode));
            }

            var statuses = Csv(request.Query["status"]);
            if (statuses.Any(s => s is not ("open" or "closed")))
            {
                return Error(StatusCodes.Status400BadRequest, "status: gunakan open atau closed / use open or closed");
            }

            var closedStatuses = new[] { ComplaintStatus.Resolved, ComplaintStatus.Rejected };
            if (statuses.Count == 1)
            {
                query = statuses[0] == "open" ? query.Where(c => !closedStatuses.Contains(c.Status)) : query.Where(c => closedStatuses.Contains(c.Status));
            }

            var now = clock.GetUtcNow();
            DateTimeOffset? start = null, end = null;
            foreach (var (name, set) in new (string, Action<DateTimeOffset>)[] { ("start_date", v => start = v), ("end_date", v => end = v) })
            {
                var value = request.Query[name].ToString();
                if (value.Length == 0)
                {
                    continue;
                }

                if (!ApiRequests.TryParseInstant(value, out var instant))
                {
                    return Error(StatusCodes.Status400BadRequest, $"{name}: harus ISO-8601 dengan zona waktu / must be ISO-8601 with an offset");
                }

                set(instant);
            }

            end ??= start is null ? now : start + DefaultSpan;
            start ??= end - DefaultSpan;
            if (end < start || end - start > DefaultSpan)
            {
                return Error(StatusCodes.Status400BadRequest, "start_date..end_date: paling lama 90 hari / may not span more than 90 days");
            }

            var (from, to) = (start.Value.UtcDateTime, end.Value.UtcDateTime);
            query = query.Where(c => c.ReceivedAt >= from && c.ReceivedAt <= to);
        }

        var rows = await Project(query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(MaximumResults), db).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ToRequestsAsync(rows, db, cancellationToken));
    }

    internal static async Task<IResult> RequestAsync(string id, string format, SituationDbContext db, CancellationToken cancellationToken)
    {
        if (!IsJson(format))
        {
            return UnsupportedFormat();
        }

        var ticket = TicketNumber.TryParse(id, out var parsed) ? parsed.ToString() : id;
        var rows = await Project(db.Complaints.AsNoTracking().Where(c => c.Ticket == ticket), db).ToListAsync(cancellationToken);
        return rows.Count == 0
            ? Error(StatusCodes.Status404NotFound, $"service_request_id {id}: tidak ditemukan / not found")
            : TypedResults.Ok(await ToRequestsAsync(rows, db, cancellationToken));
    }

    internal static async Task<IResult> CreateAsync(string format, HttpRequest request, ComplaintIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!IsJson(format))
        {
            return UnsupportedFormat();
        }

        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "Kirim sebagai formulir (application/x-www-form-urlencoded) / Send as a form");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var fields = form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        var serviceCode = ApiRequests.Text(fields, errors, "service_code", 32);
        var category = ComplaintRouting.Category(serviceCode);
        if (serviceCode is not null && category is null)
        {
            errors["service_code"] = ["kode layanan tidak dikenal / unknown service_code"];
        }

        var description = ApiRequests.Text(fields, errors, "description", 4000);
        var lat = ApiRequests.Number(fields, errors, "lat", -90, 90);
        var lon = ApiRequests.Number(fields, errors, "long", -180, 180);
        var address = ApiRequests.OptionalText(fields, errors, "address_string", 400);
        if (lat.HasValue != lon.HasValue || (lat is null && address is null && !errors.ContainsKey("lat") && !errors.ContainsKey("long")))
        {
            errors["lat"] = ["lat dan long bersama, atau address_string, wajib diisi / lat and long together, or address_string, are required"];
        }

        var mediaUrl = ApiRequests.OptionalText(fields, errors, "media_url", 1000);
        if (mediaUrl is not null && !(Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors["media_url"] = ["harus alamat http(s) / must be an http(s) URL"];
        }

        var phone = ApiRequests.OptionalText(fields, errors, "phone", 32);
        var name = string.Join(' ', new[] { fields.GetValueOrDefault("first_name"), fields.GetValueOrDefault("last_name") }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        if (name.Length > 120)
        {
            errors["first_name"] = ["nama paling banyak 120 karakter / the name is at most 120 characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.Json(
                errors.Select(e => new Problem(StatusCodes.Status400BadRequest, $"{e.Key}: {string.Join(" ", e.Value)}")).ToList(),
                statusCode: StatusCodes.Status400BadRequest);
        }

        var receipt = await intake.SubmitAsync(
            new ComplaintSubmission(
                ComplaintChannel.Open311,
                description!,
                clock.GetUtcNow(),
                ReporterPhone: phone,
                ReporterName: name.Length == 0 ? null : name,
                Latitude: lat,
                Longitude: lon,
                CategoryCode: category!.Code,
                Address: address,
                MediaUrl: mediaUrl),
            cancellationToken);
        var notice = string.Create(
            CultureInfo.InvariantCulture,
            $"Ditindaklanjuti paling lambat {Wib.ToWib(receipt.DueAt):yyyy-MM-dd HH:mm} WIB / Follow-up due by {Wib.ToWib(receipt.DueAt):yyyy-MM-dd HH:mm} WIB");
        return TypedResults.Json(new List<Created> { new(receipt.Ticket, notice, null) }, statusCode: StatusCodes.Status201Created);
    }

    private sealed record Row(
        string Ticket,
        ComplaintStatus Status,
        string? CategoryCode,
        string? OpdCode,
        string Text,
        DateTime ReceivedAt,
        DateTime UpdatedAt,
        DateTime DueAt,
        string? Address,
        string? KecamatanCode,
        string? KelurahanCode,
        double? Latitude,
        double? Longitude,
        string? MediaUrl,
        string? LastNote);

    private static IQueryable<Row> Project(IQueryable<Complaint> query, SituationDbContext db) => query.Select(c => new Row(
        c.Ticket,
        c.Status,
        c.CategoryCode,
        c.OpdCode,
        c.Text,
        c.ReceivedAt,
        c.UpdatedAt,
        c.DueAt,
        c.Address,
        c.KecamatanCode,
        c.KelurahanCode,
        c.Latitude,
        c.Longitude,
        c.MediaUrl,
        db.ComplaintEvents.Where(e => e.ComplaintId == c.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault()));

    private static async Task<List<ServiceRequest>> ToRequestsAsync(List<Row> rows, SituationDbContext db, CancellationToken cancellationToken)
    {
        var opds = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        var english = IsEnglish();
        return rows.Select(r =>
        {
            var category = ComplaintRouting.Category(r.CategoryCode);
            var agency = r.OpdCode is null ? null : opds.GetValueOrDefault(r.OpdCode, r.OpdCode);
            var isOpen = r.Status.IsOpen();
            return new ServiceRequest(
                r.Ticket,
                isOpen ? "open" : "closed",
                StatusNotes(r, agency),
                category is null ? null : english ? category.NameEn : category.NameId,
                category?.Code,
                r.Text,
                agency,
                null,
                Wib.ToWib(r.ReceivedAt),
                Wib.ToWib(r.UpdatedAt),
                isOpen ? Wib.ToWib(r.DueAt) : null,
                r.Address ?? Place(r),
                null,
                null,
                r.Latitude,
                r.Longitude,
                r.MediaUrl);
        }).ToList();
    }

    /// <summary>The handover is said in words: a passed-on complaint must never look ignored.</summary>
    private static string StatusNotes(Row row, string? agency)
    {
        var note = string.IsNullOrWhiteSpace(row.LastNote) ? "" : $": {row.LastNote}";
        return row.Status switch
        {
            ComplaintStatus.HandedOver => $"Dialihkan ke {agency} karena bukan kewenangan OPD sebelumnya; tetap diproses{note}",
            ComplaintStatus.Resolved or ComplaintStatus.Rejected => $"{row.Status.IndonesianName()}{note}",
            _ when agency is not null => $"{row.Status.IndonesianName()} ({agency})",
            _ => row.Status.IndonesianName(),
        };
    }

    private static string? Place(Row row)
    {
        var kelurahan = row.KelurahanCode is null ? null : SemarangReference.Kelurahan.FirstOrDefault(k => k.Code == row.KelurahanCode)?.Name;
        var kecamatan = row.KecamatanCode is null ? null : SemarangReference.Kecamatan.FirstOrDefault(k => k.Code == row.KecamatanCode)?.Name;
        var parts = new[] { kelurahan is null ? null : $"Kel. {kelurahan}", kecamatan is null ? null : $"Kec. {kecamatan}" }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts) + ", Kota Semarang";
    }

    private static List<string> Csv(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static bool IsJson(string format) => string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);

    private static bool IsEnglish() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static IResult UnsupportedFormat() => Error(StatusCodes.Status400BadRequest, "format: hanya json yang didukung / only json is supported");

    private const string Prefix = "/open311/v2";

    /// <summary>Whether a request is for the GeoReport API, whose refusals must be in its own error shape.</summary>
    internal static bool Handles(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>A GeoReport v2 error: a list of <c>{ code, description }</c> with the HTTP status as the code.</summary>
    internal static IResult ErrorResult(int status, string description) => Error(status, description);

    private static IResult Error(int? status, string description) =>
        TypedResults.Json(new List<Problem> { new(status ?? StatusCodes.Status400BadRequest, description) }, statusCode: status ?? StatusCodes.Status400BadRequest);
}
