using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Trends;

/// <summary>The names behind the codes a trend is keyed by, in the reader's language. Loaded per page: a few hundred rows.</summary>
public sealed class TrendNames
{
    private readonly IStringLocalizer<Text> text;
    private readonly Dictionary<string, Opd> opds;
    private readonly Dictionary<string, string> kecamatan;

    private TrendNames(IStringLocalizer<Text> text, List<Opd> opds, Dictionary<string, string> kecamatan)
    {
        this.text = text;
        this.opds = opds.ToDictionary(o => o.Code, StringComparer.Ordinal);
        this.kecamatan = kecamatan;
        Opds = [.. opds.OrderBy(o => o.ShortName, StringComparer.OrdinalIgnoreCase)];
        Kecamatan = [.. kecamatan.OrderBy(k => k.Value, StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<Opd> Opds { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Kecamatan { get; }

    public static IReadOnlyList<ComplaintCategory> Categories => ComplaintCategories.Default;

    public static IReadOnlyList<ComplaintChannel> Channels { get; } = Enum.GetValues<ComplaintChannel>();

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static async Task<TrendNames> LoadAsync(SituationDbContext db, IStringLocalizer<Text> text, CancellationToken cancellationToken)
    {
        var opds = await db.Opds.AsNoTracking().ToListAsync(cancellationToken);
        var kecamatan = await db.Kecamatan.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.Name, StringComparer.Ordinal, cancellationToken);
        return new TrendNames(text, opds, kecamatan);
    }

    /// <summary>An OPD's short name; "-" or "" is "in triage"; an unknown code is shown as itself.</summary>
    public string Opd(string? code) => Unset(code) ? text["TrendsUnassignedOpd"] : opds.TryGetValue(code!, out var opd) ? opd.ShortName : code!;

    public string OpdFullName(string code) => opds.TryGetValue(code, out var opd) ? opd.Name : code;

    public bool IsOpd(string code) => opds.ContainsKey(code);

    public string KecamatanName(string? code) => Unset(code) ? text["TrendsUnknownPlace"] : kecamatan.TryGetValue(code!, out var name) ? name : code!;

    public string Category(string? code)
    {
        if (Unset(code))
        {
            return text["TrendsUncategorised"];
        }

        var category = Categories.FirstOrDefault(c => c.Code == code);
        return category is null ? code! : English ? category.NameEn : category.NameId;
    }

    public string Channel(string? code) => Unset(code) ? "–" : text["Channel_" + code].ResourceNotFound ? code! : text["Channel_" + code];

    public string Channel(ComplaintChannel channel) => Channel(channel.ToString());

    public string Status(ComplaintStatus status) => text["Status_" + status];

    public string Status(DeviceStatus status) => text["DeviceStatus_" + status];

    public string Kind(DeviceKind kind) => text[kind == DeviceKind.Hotspot ? "KindHotspot" : "KindCamera"];

    public string Key(TrendDimension dimension, string key) => dimension switch
    {
        TrendDimension.Channel => Channel(key),
        TrendDimension.Opd => Opd(key),
        TrendDimension.Kecamatan => KecamatanName(key),
        _ => Category(key),
    };

    public string Dimension(TrendDimension dimension) => text[dimension switch
    {
        TrendDimension.Channel => "TrendsChannel",
        TrendDimension.Opd => "TrendsOpd",
        TrendDimension.Kecamatan => "TrendsKecamatan",
        _ => "TrendsCategory",
    }];

    private static bool Unset(string? code) => string.IsNullOrEmpty(code) || code == TrendFilter.None;
}
