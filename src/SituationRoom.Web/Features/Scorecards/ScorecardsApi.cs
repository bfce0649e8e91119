using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SituationRoom.Core;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Situation;

namespace SituationRoom.Web.Features.Scorecards;

/// <summary>The scorecards as JSON: the same queries as the pages, scores published with 2 decimals as the pages show them.</summary>
public static class ScorecardsApi
{
    public static IServiceCollection AddScorecards(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScorecardsOptions>(configuration.GetSection(ScorecardsOptions.Section));
        services.AddSingleton<IValidateOptions<ScorecardsOptions>, ScorecardsOptionsValidation>();
        services.AddOptions<ScorecardsOptions>().ValidateOnStart();
        services.AddSingleton(sp => ScorecardRules.Load(
            sp.GetRequiredService<IOptions<ScorecardsOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<ScorecardRecorder>();
        services.AddSingleton<ManualIndicatorEntry>();
        services.AddSingleton<LeagueScorer>();
        services.AddHostedService(sp => sp.GetRequiredService<LeagueScorer>());
        return services;
    }

    public static IEndpointRouteBuilder MapScorecardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scorecards").RequireAuthorization(Access.AccessPolicies.League);
        api.MapGet("/", GetLeagueAsync);
        api.MapGet("/rules", GetRules);
        api.MapGet("/{opd}", GetOpdAsync).RequireAuthorization(Access.AccessPolicies.OpdInternals);
        api.MapGet("/{opd}/explain", GetExplanationAsync).RequireAuthorization(Access.AccessPolicies.OpdInternals);
        api.MapPost("/indicators", PostIndicatorAsync).RequireAuthorization(Access.AccessPolicies.Administer);
        app.MapGet("/scorecards/evidence/{id:long}", GetEvidenceAsync).RequireAuthorization(Access.AccessPolicies.League);
        return app;
    }

    /// <summary>GET /api/scorecards?period=2026-11 (or 2026-W47, 2026-Q4, 2026-11-20; the current month by default).</summary>
    private static async Task<Results<Ok<object>, ValidationProblem>> GetLeagueAsync(
        string? period, SituationDbContext db, ScorecardRules rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ScorecardPeriods.Parse(period, now) is not { } chosen)
        {
            return PeriodProblem(period);
        }

        var table = await ScorecardQueries.LeagueAsync(db, rules, chosen, Wib.DateOf(now), cancellationToken);
        return TypedResults.Ok<object>(new
        {
            period = table.Period.Key,
            kind = table.Period.Kind.ToString(),
            label = table.Period.LabelId,
            labelEn = table.Period.LabelEn,
            inProgress = table.InProgress,
            previous = table.Previous.Key,
            computedAt = table.ComputedAt,
            ranked = table.RankedCount,
            opds = table.Lines.Select(LineJson).ToList(),
        });
    }

    /// <summary>GET /api/scorecards/rules: every loaded rule set, in the JSON format a city's own catalogue is written in.</summary>
    private static IResult GetRules(ScorecardRules rules) =>
        Results.Text("[\n" + string.Join(",\n", rules.Catalogue.RuleSets.Select(r => RuleSetJson.Serialize(r).TrimEnd())) + "\n]\n", "application/json");

    /// <summary>GET /api/scorecards/{opd}?period=...: the OPD head's page as JSON.</summary>
    private static async Task<Results<Ok<object>, NotFound, ValidationProblem>> GetOpdAsync(
        string opd,
        string? period,
        HttpContext http,
        SituationDbContext db,
        ScorecardRules rules,
        LiveSituation live,
        TimeProvider clock,
        IOptions<ScorecardsOptions> options,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ScorecardPeriods.Parse(period, now) is not { } chosen)
        {
            return PeriodProblem(period);
        }

        var card = await OpdScorecards.LoadAsync(db, rules, live, http.User, opd, chosen, now, options.Value.ItemsPerDimension, cancellationToken);
        if (card is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<object>(new
        {
            opd = card.OpdCode,
            name = card.OpdName,
            shortName = card.OpdShortName,
            period = chosen.Key,
            label = chosen.LabelId,
            labelEn = chosen.LabelEn,
            inProgress = card.League.InProgress,
            rankedOf = card.League.RankedCount,
            scorecard = card.Line is null ? null : LineJson(card.Line),
            nextBand = card.NextBand?.Name,
            nextBandEn = card.NextBand?.NameEn,
            pointsToNextBand = card.PointsToNextBand,
            trend = card.CompositeTrend.Select(TrendJson).ToList(),
            internals = card.Internals,
            itemsAreCurrent = card.ItemsAreCurrent,
            dimensions = card.Dimensions.Select(d => new
            {
                dimension = d.Dimension.ToString(),
                letter = SmartDimensionNames.Letter(d.Dimension).ToString(),
                score = ScoreRounding.Published(d.Score),
                weight = d.Weight,
                previous = ScoreRounding.Published(d.Previous),
                delta = d.Delta,
                rank = d.Rank,
                rankedOf = d.RankedOf,
                trend = d.Trend.Select(TrendJson).ToList(),
                pulledDownBy = d.PulledDownBy.Select(l => new
                {
                    reason = l.Reason.ToString(),
                    total = l.Total,
                    items = l.Items.Select(i => new
                    {
                        reference = i.Reference,
                        title = i.Title,
                        href = i.Href,
                        since = i.Since,
                        days = i.Days is { } days ? Math.Round(days, 1) : (double?)null,
                        category = i.Category,
                        complaintStatus = i.ComplaintStatus?.ToString(),
                        deviceKind = i.DeviceKind?.ToString(),
                        deviceStatus = i.DeviceStatus?.ToString(),
                        lifecycle = i.Lifecycle?.ToString(),
                        note = i.Note,
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        });
    }

    /// <summary>GET /api/scorecards/{opd}/explain?period=...: how the score was made.</summary>
    private static async Task<Results<Ok<object>, NotFound, ValidationProblem>> GetExplanationAsync(
        string opd, string? period, HttpContext http, SituationDbContext db, ScorecardRules rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ScorecardPeriods.Parse(period, now) is not { } chosen)
        {
            return PeriodProblem(period);
        }

        var explained = await ScoreExplanations.LoadAsync(db, rules, http.User, opd, chosen, now, cancellationToken);
        if (explained is null)
        {
            return TypedResults.NotFound();
        }

        var card = explained.Card;
        var ruleSet = explained.Rules;
        return TypedResults.Ok<object>(new
        {
            opd = explained.OpdCode,
            name = explained.OpdName,
            period = chosen.Key,
            inProgress = explained.InProgress,
            internals = explained.Internals,
            scored = explained.Stored is not null,
            ruleSetVersion = explained.Stored?.RuleSetVersion,
            composite = ScoreRounding.Published(explained.Stored?.Composite),
            band = card?.Band?.Name,
            bandEn = card?.Band?.NameEn,
            nextBand = card?.NextBand?.Name,
            pointsToNextBand = card?.PointsToNextBand,
            automaticCoverage = card is null ? (double?)null : ScoreRounding.Published(card.AutomaticCoverage),
            minimumAutomaticCoverage = card?.MinimumAutomaticCoverage,
            rankable = card?.Rankable,
            dimensions = card?.Dimensions.Select(d => new
            {
                dimension = d.Dimension.ToString(),
                score = ScoreRounding.Published(d.Score),
                weight = d.Weight,
                effectiveWeight = Math.Round(d.EffectiveWeight, 4),
                indicators = d.Indicators.Select(i =>
                {
                    var rule = ruleSet!.Indicator(i.Code)!;
                    return new
                    {
                        code = i.Code,
                        name = rule.NameId,
                        nameEn = rule.NameEn,
                        source = rule.Source.ToString(),
                        unit = rule.Unit.ToString(),
                        raw = i.Raw,
                        score = ScoreRounding.Published(i.Score),
                        weight = i.Weight,
                        effectiveWeight = Math.Round(i.EffectiveWeight, 4),
                        compositeShare = Math.Round(i.CompositeShare, 4),
                        contribution = ScoreRounding.Published(i.Contribution),
                        applicable = i.Applicable,
                        clamped = i.Clamped,
                        level = i.Level,
                        rule = i.RuleText,
                        ruleEn = i.RuleTextEn,
                        evidence = i.Evidence,
                        minimumEvidence = rule.MinimumEvidence,
                        countsTowardCoverage = i.CountsTowardCoverage,
                    };
                }).ToList(),
            }).ToList(),
            lines = explained.Lines.Select(l => new { depth = l.Depth, code = l.Code, text = l.TextId, textEn = l.TextEn }).ToList(),
            manualEntries = explained.ManualEntries.Select(m => new
            {
                indicator = m.IndicatorCode,
                month = Period.Containing(m.Month, PeriodKind.Month).Key,
                value = m.Value,
                recordedBy = m.RecordedBy,
                recordedAt = m.RecordedAt,
                reason = m.Reason,
                evidenceUrl = m.EvidenceUrl,
                evidenceFile = m.EvidenceChangeId is { } id ? $"/scorecards/evidence/{id}" : null,
            }).ToList(),
        });
    }

    /// <summary>POST /api/scorecards/indicators {opdCode, period, indicatorCode, value, reason, evidenceUrl}: the admin form's
    /// entry without a file. 400 names every field at fault and changes nothing.</summary>
    private static async Task<Results<Created<object>, ValidationProblem>> PostIndicatorAsync(
        ManualIndicatorRequest request,
        HttpContext http,
        SituationDbContext db,
        ManualIndicatorEntry entry,
        LeagueScorer scorer,
        CancellationToken cancellationToken)
    {
        // Access: administrators only (manual indicator entry): the Administer policy on the route.
        var result = await entry.SubmitAsync(db, request with { EvidenceFile = null }, ScorecardPeriods.UserName(http.User), cancellationToken);
        if (!result.Saved)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Text).ToArray()),
                title: "Nilai indikator tidak disimpan / The indicator value was not saved");
        }

        await scorer.RecomputeAsync(ScoringScope.Incremental, cancellationToken);
        var change = result.Change!;
        return TypedResults.Created($"/opd/{change.OpdCode}/explain?period={Period.Containing(change.PeriodStart, PeriodKind.Month).Key}", (object)ChangeJson(change));
    }

    /// <summary>GET /scorecards/evidence/{id}: the file attached to one audit entry, under its uploaded name.</summary>
    private static async Task<IResult> GetEvidenceAsync(long id, HttpContext http, SituationDbContext db, ManualIndicatorEntry entry, CancellationToken cancellationToken)
    {
        var change = await db.SmartIndicatorChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

        // Access: OPD internals. Evidence behind an OPD's self-reported indicators is shown to whoever may see its internals.
        if (change is null || entry.EvidencePath(change) is not { } path || !ScorecardAccess.MaySeeInternals(http.User, change.OpdCode))
        {
            return Results.NotFound();
        }

        var name = change.EvidenceFileName ?? Path.GetFileName(path);
        var type = new FileExtensionContentTypeProvider().TryGetContentType(name, out var known) ? known : "application/octet-stream";
        return Results.File(path, type, name);
    }

    internal static object ChangeJson(SmartIndicatorChange c) => new
    {
        id = c.Id,
        opd = c.OpdCode,
        period = Period.Containing(c.PeriodStart, PeriodKind.Month).Key,
        indicator = c.IndicatorCode,
        previousValue = c.PreviousValue,
        value = c.Value,
        reason = c.Reason,
        evidenceUrl = c.EvidenceUrl,
        evidenceFile = c.EvidenceFile is null ? null : $"/scorecards/evidence/{c.Id}",
        changedBy = c.ChangedBy,
        changedAt = new DateTimeOffset(DateTime.SpecifyKind(c.ChangedAt, DateTimeKind.Utc)),
    };

    private static object LineJson(LeagueLine l) => new
    {
        opd = l.OpdCode,
        name = l.OpdName,
        shortName = l.OpdShortName,
        rank = l.Rank,
        tied = l.Tied,
        ranked = l.Rank is not null,
        insufficientData = l.InsufficientData,
        composite = l.PublishedComposite,
        band = l.Band?.Name,
        bandEn = l.Band?.NameEn,
        dimensions = new
        {
            systemic = ScoreRounding.Published(l.Dimensions[SmartDimension.Systemic]),
            monitorable = ScoreRounding.Published(l.Dimensions[SmartDimension.Monitorable]),
            accessible = ScoreRounding.Published(l.Dimensions[SmartDimension.Accessible]),
            reliable = ScoreRounding.Published(l.Dimensions[SmartDimension.Reliable]),
            timebound = ScoreRounding.Published(l.Dimensions[SmartDimension.Timebound]),
        },
        automaticCoverage = ScoreRounding.Published(l.AutomaticCoverage),
        minimumAutomaticCoverage = l.MinimumAutomaticCoverage,
        ruleSetVersion = l.RuleSetVersion,
        previousComposite = ScoreRounding.Published(l.PreviousComposite),
        previousRank = l.PreviousRank,
        rankChange = l.RankChange,
        delta = l.Delta,
        ruleSetChanged = l.RuleSetChanged,
    };

    private static object TrendJson(TrendPoint t) => new { period = t.Period.Key, label = t.Period.LabelId, score = ScoreRounding.Published(t.Score) };

    private static ValidationProblem PeriodProblem(string? period) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]>
        {
            ["period"] = [$"\"{period}\" bukan periode; gunakan 2026-11, 2026-W47, 2026-Q4 atau 2026-11-20 / \"{period}\" is not a period; use 2026-11, 2026-W47, 2026-Q4 or 2026-11-20"],
        });
}
