using System.Globalization;
using Microsoft.Extensions.Localization;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>How the complaint pages name codes and instants: the reader's language, times in WIB, phones masked.</summary>
public static class ComplaintText
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Category(string? code) =>
        ComplaintRouting.Category(code) is { } category ? English ? category.NameEn : category.NameId : code ?? "–";

    public static string Status(this IStringLocalizer text, ComplaintStatus status) => text["Status_" + status];

    public static string Channel(this IStringLocalizer text, ComplaintChannel channel) => text["Channel_" + channel];

    public static string SlaState(this IStringLocalizer text, SlaState state) => text["CpSla_" + state];

    public static string Stage(this IStringLocalizer text, SlaStage stage) => text["CpStage_" + stage];

    /// <summary>Why a message or complaint waits for a person, from its stored reason code.</summary>
    public static string Reason(this IStringLocalizer text, string? code) =>
        code is null ? "–" : text["CpReason_" + code] is { ResourceNotFound: false } found ? found : code;

    public static string Place(string? kecamatanCode, string? kelurahanCode)
    {
        var kecamatan = kecamatanCode is null ? null : SemarangReference.Kecamatan.FirstOrDefault(k => k.Code == kecamatanCode)?.Name;
        var kelurahan = kelurahanCode is null ? null : SemarangReference.Kelurahan.FirstOrDefault(k => k.Code == kelurahanCode)?.Name;
        return (kelurahan, kecamatan) switch
        {
            (null, null) => "–",
            (null, { } kec) => "Kec. " + kec,
            ({ } kel, null) => "Kel. " + kel,
            ({ } kel, { } kec) => $"Kel. {kel}, Kec. {kec}",
        };
    }

    /// <summary>"-6,98123; 110,41000" in Indonesian (decimal commas, so the pair is split by a semicolon).</summary>
    public static string Coordinates(double latitude, double longitude) =>
        latitude.ToString("0.00000", CultureInfo.CurrentCulture) + "; " + longitude.ToString("0.00000", CultureInfo.CurrentCulture);

    /// <summary>"Foto diambil 12 Nov 2026 14:03 WIB, -6,98123; 110,41000": when and where, each marked when it came from the photo itself.</summary>
    public static string PhotoLine(this IStringLocalizer text, DateTimeOffset? takenAt, bool takenAtFromPhoto, double? latitude, double? longitude, bool placeFromPhoto)
    {
        var when = takenAt is { } at
            ? Components.Shared.Formats.DateTime(at) + (takenAtFromPhoto ? "" : " " + text["PhTyped"])
            : text["PhNoTime"];
        var where = latitude is { } lat && longitude is { } lon
            ? Coordinates(lat, lon) + (placeFromPhoto ? "" : " " + text["PhTyped"])
            : text["CpNoCoordinates"];
        return text["PhLine", when, where];
    }

    /// <summary>Stored instants are UTC without a kind; this reads them as such.</summary>
    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    /// <summary>"3 hari 4 jam" / "3 d 4 h": how late or how long left, to the hour (minutes under an hour).</summary>
    public static string Span(this IStringLocalizer text, TimeSpan span)
    {
        var abs = span.Duration();
        if (abs < TimeSpan.FromHours(1))
        {
            return text["CpMinutes", Math.Max(1, (int)abs.TotalMinutes)];
        }

        return abs.Days > 0 ? text["CpDaysHours", abs.Days, abs.Hours] : text["CpHours", abs.Hours];
    }

    /// <summary>Who did it, as a reader understands it: "kanal:Sms" is the system taking it in from SMS 1708.</summary>
    public static string Actor(this IStringLocalizer text, string actor) =>
        actor.StartsWith("kanal:", StringComparison.Ordinal) && Enum.TryParse<ComplaintChannel>(actor["kanal:".Length..], out var channel)
            ? text["CpActorChannel", text.Channel(channel)]
            : actor;
}
