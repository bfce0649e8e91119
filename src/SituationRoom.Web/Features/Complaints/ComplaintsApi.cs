using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// POST /api/ingest/sms (the SMS gateway), POST /api/complaints (call centre and app back ends), and
/// GET /api/complaints/{ticket}. Writing endpoints need an ingestion client of their kind; reading one complaint by its
/// ticket is public, as the citizen tracks it, and never shows the reporter's phone or name.
/// </summary>
public static class ComplaintsApi
{
    private const int MaximumTextLength = 4000;

    /// <summary>Channels that come in through POST /api/complaints; SMS and Open311 have their own doors.</summary>
    private static readonly ComplaintChannel[] ApiChannels =
        [ComplaintChannel.CallCentre, ComplaintChannel.App, ComplaintChannel.WhatsApp, ComplaintChannel.SocialMedia, ComplaintChannel.Web];

    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplaintsOptions>(configuration.GetSection(ComplaintsOptions.Section));
        services.AddSingleton<ComplaintRouting>();
        services.AddSingleton<ComplaintSla>();
        services.AddSingleton<ComplaintWriter>();
        services.AddSingleton<ComplaintIntake>();
        services.AddSingleton<ComplaintTransitions>();
        services.AddSingleton<SmsIngestion>();
        services.AddSingleton<SmsTriage>();
        services.AddSingleton<ComplaintEvidenceFiles>();
        services.AddSingleton<ISmsGateway, LoggingSmsGateway>();
        services.AddSingleton<SmsOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<SmsOutboxSender>());
        services.AddHostedService<ComplaintSlaRefresh>();
        services.AddRateLimiter(o => o.AddPolicy<string, PublicFormRateLimit>(PublicFormRateLimit.Name));
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        // Each door takes its own kind of client: a hotspot controller's or camera system's key files no complaint, and
        // the SMS gateway's key cannot pose as the call centre (its messages keep their raw text in the inbox).
        var ingest = app.MapGroup("/api/ingest").WithTags("Complaints").RequireIngestionClient(IngestionClientKinds.SmsGateway);
        ingest.MapPost("/sms", IngestSmsAsync);

        var submit = app.MapGroup("/api/complaints").WithTags("Complaints").RequireIngestionClient(IngestionClientKinds.ComplaintSource);
        submit.MapPost("/", SubmitAsync);

        var read = app.MapGroup("/api/complaints").WithTags("Complaints").AllowAnonymous();
        read.MapGet("/{ticket}", GetAsync);

        app.MapGet(ComplaintEvidenceFiles.RoutePrefix + "{name}", (string name, ComplaintEvidenceFiles files) => files.Serve(name)).WithTags("Complaints").AllowAnonymous();
        return app;
    }

    /// <summary>The answer to the SMS gateway.</summary>
    public sealed record SmsAnswer(string Outcome, string? Ticket, string InboxId);

    internal static async Task<Results<Created<SmsAnswer>, Ok<SmsAnswer>, ValidationProblem, ProblemHttpResult>> IngestSmsAsync(
        HttpContext http,
        SmsIngestion ingestion,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (fields, errors) = await ApiRequests.ReadFieldsAsync(http.Request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var messageId = ApiRequests.Text(fields, errors, "messageId", 100);
        var from = ApiRequests.Text(fields, errors, "from", 32);
        var to = ApiRequests.Text(fields, errors, "to", 32);
        // An empty text is still a message: it is kept, as unparsed ("empty"), not refused.
        var text = ApiRequests.Text(fields, errors, "text", MaximumTextLength, allowEmpty: true);
        var receivedAt = ApiRequests.Instant(fields, errors, "receivedAt", clock.GetUtcNow(), required: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var message = new SmsMessage(IngestionAuth.ClientName(http), messageId!.Trim(), from!.Trim(), to!.Trim(), text!, receivedAt!.Value);
        SmsIngestResult result;
        try
        {
            result = await ingestion.IngestAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // Nothing was committed: the gateway must send it again, and the retry is safe (same message id).
            loggers.CreateLogger(typeof(ComplaintsApi)).LogError(ex, "SMS {MessageId} could not be stored", message.MessageId);
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Pesan belum tersimpan / The message was not stored",
                detail: "Kirim ulang pesan yang sama sebentar lagi. / Send the same message again shortly.");
        }

        var answer = new SmsAnswer(result.Outcome, result.Ticket, result.InboxId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return result.Status switch
        {
            SmsIngestStatus.Stored => TypedResults.Created(result.Ticket is null ? (string?)null : $"/api/complaints/{result.Ticket}", answer),
            SmsIngestStatus.Repeated => TypedResults.Ok(answer),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "messageId sudah dipakai untuk pesan lain / messageId already used for a different message",
                detail: $"Pesan tersimpan {answer.InboxId} memakai messageId ini dengan pengirim atau isi yang berbeda. / Stored message {answer.InboxId} has this messageId with a different sender or text.",
                extensions: new Dictionary<string, object?> { ["inboxId"] = answer.InboxId }),
        };
    }

    public sealed record SubmitAnswer(string Ticket, string? Category, string? Opd, bool NeedsTriage, DateTimeOffset DueAt);

    internal static async Task<Results<Created<SubmitAnswer>, ValidationProblem>> SubmitAsync(
        HttpContext http,
        ComplaintIntake intake,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (fields, errors) = await ApiRequests.ReadFieldsAsync(http.Request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var now = clock.GetUtcNow();
        var channelText = ApiRequests.Text(fields, errors, "channel", 24);
        ComplaintChannel? channel = null;
        if (channelText is not null)
        {
            channel = ApiChannels.FirstOrDefault(c => string.Equals(c.ToString(), channelText.Trim(), StringComparison.OrdinalIgnoreCase));
            if (!ApiChannels.Any(c => string.Equals(c.ToString(), channelText.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors["channel"] = [$"Salah satu dari: {string.Join(", ", ApiChannels)}. / One of: {string.Join(", ", ApiChannels)}."];
            }
        }

        var text = ApiRequests.Text(fields, errors, "text", MaximumTextLength);
        var receivedAt = ApiRequests.Instant(fields, errors, "receivedAt", now, required: false) ?? now;
        var phone = ApiRequests.OptionalText(fields, errors, "reporterPhone", 32);
        var name = ApiRequests.OptionalText(fields, errors, "reporterName", 120);
        var address = ApiRequests.OptionalText(fields, errors, "address", 400);
        var category = ApiRequests.OptionalText(fields, errors, "categoryCode", 32);
        if (category is not null && ComplaintRouting.Category(category) is null)
        {
            errors["categoryCode"] = ["Kategori tidak dikenal. / Unknown category."];
        }

        var (kecamatan, kelurahan) = Wilayah(fields, errors);
        var latitude = ApiRequests.Number(fields, errors, "latitude", -90, 90);
        var longitude = ApiRequests.Number(fields, errors, "longitude", -180, 180);
        if (latitude.HasValue != longitude.HasValue && !errors.ContainsKey("latitude") && !errors.ContainsKey("longitude"))
        {
            errors[latitude.HasValue ? "longitude" : "latitude"] = ["Isi lintang dan bujur bersama-sama. / Give latitude and longitude together."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Invalid);
        }

        var receipt = await intake.SubmitAsync(
            new ComplaintSubmission(channel!.Value, text!, receivedAt, phone, name, kecamatan, kelurahan, latitude, longitude, category, address),
            cancellationToken);
        return TypedResults.Created(
            $"/api/complaints/{receipt.Ticket}",
            new SubmitAnswer(receipt.Ticket, receipt.CategoryCode, receipt.OpdCode, receipt.NeedsTriage, Wib.ToWib(receipt.DueAt)));
    }

    internal static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> GetAsync(
        string ticket,
        SituationDbContext db,
        ComplaintSla sla,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var detail = await ComplaintQueries.DetailAsync(db, ticket, sla, clock.GetUtcNow(), cancellationToken);
        return detail is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tiket tidak ditemukan / Ticket not found", detail: ticket)
            : TypedResults.Ok(ComplaintView.From(detail));
    }

    private static (string? Kecamatan, string? Kelurahan) Wilayah(Dictionary<string, string?> fields, Dictionary<string, string[]> errors)
    {
        var kecamatan = ApiRequests.OptionalText(fields, errors, "kecamatanCode", 16);
        var kelurahan = ApiRequests.OptionalText(fields, errors, "kelurahanCode", 16);
        foreach (var (field, messages) in ComplaintPlaces.Check(kecamatan, kelurahan))
        {
            errors[field] = messages;
        }

        return (kecamatan, kelurahan);
    }

    private const string Invalid = "Permintaan tidak valid / Invalid request";
}

/// <summary>GET /api/complaints/{ticket}: what anyone holding the ticket may see. No phone number, no name.</summary>
public sealed record ComplaintView(
    string Ticket,
    string Channel,
    string Text,
    CodeName? Kecamatan,
    CodeName? Kelurahan,
    CodeName? Category,
    CodeName? Opd,
    string Status,
    string StatusName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    ComplaintView.SlaView Sla,
    IReadOnlyList<ComplaintView.Step> History,
    IReadOnlyList<ComplaintView.Photo> Evidence)
{
    public static ComplaintView From(ComplaintDetail detail)
    {
        var c = detail.Complaint;
        return new ComplaintView(
            c.Ticket,
            c.Channel.ToString(),
            c.Text,
            c.KecamatanCode is null ? null : new CodeName(c.KecamatanCode, detail.KecamatanName ?? c.KecamatanCode),
            c.KelurahanCode is null ? null : new CodeName(c.KelurahanCode, detail.KelurahanName ?? c.KelurahanCode),
            detail.Category is { } category ? new CodeName(category.Code, category.NameId) : null,
            c.OpdCode is null ? null : new CodeName(c.OpdCode, detail.OpdName(c.OpdCode)!),
            c.Status.ToString(),
            c.Status.IndonesianName(),
            Wib.ToWib(c.ReceivedAt),
            Wib.ToWib(c.DueAt),
            c.ClosedAt is null ? null : Wib.ToWib(c.ClosedAt.Value),
            new SlaView(
                detail.Sla.State.ToString(),
                detail.Sla.Escalated,
                detail.Sla.IsPaused,
                detail.Sla.Stages.Select(s => new StageView(s.Stage.ToString(), s.OpdCode, s.Start, s.Due, s.CompletedAt is null ? null : Wib.ToWib(s.CompletedAt.Value), s.State.ToString(), s.HandedOver)).ToList()),
            c.History.Select(e => new Step(Wib.ToWib(e.At), e.FromStatus?.ToString(), e.ToStatus.ToString(), e.OpdCode, e.Actor, e.Note)).ToList(),
            detail.Evidence.Select(p => new Photo(p.Url, Wib.ToWib(p.TakenAt), p.Latitude, p.Longitude, p.TakenAtFromPhoto, p.PlaceFromPhoto, p.TakenAt < c.ReceivedAt)).ToList());
    }

    public sealed record SlaView(string State, bool Escalated, bool Paused, IReadOnlyList<StageView> Stages);

    public sealed record StageView(string Stage, string? Opd, DateTimeOffset Start, DateTimeOffset Due, DateTimeOffset? CompletedAt, string State, bool HandedOver);

    public sealed record Step(DateTimeOffset At, string? From, string To, string? Opd, string Actor, string? Note);

    /// <param name="TakenBeforeReceived">The photo is older than the complaint, so it cannot show the work done for it.</param>
    public sealed record Photo(string Url, DateTimeOffset TakenAt, double? Latitude, double? Longitude, bool TakenAtFromPhoto, bool PlaceFromPhoto, bool TakenBeforeReceived);
}

public sealed record CodeName(string Code, string Name);
