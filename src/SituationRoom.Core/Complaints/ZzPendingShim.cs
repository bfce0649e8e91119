// TEMPORARY local shim until the complaints-core branch merges. Never committed.
using SituationRoom.Core.Wilayah;
namespace SituationRoom.Core.Complaints;
public sealed record ComplaintCategory(string Code, string NameId, string NameEn, string? OpdCode);
public static class ComplaintCategories
{
    public static IReadOnlyList<ComplaintCategory> Default { get; } =
    [
        new("jalan", "Jalan", "Roads", "DPU"), new("sampah", "Sampah", "Waste", "DLH"), new("drainase", "Drainase", "Drainage", "DPU"),
        new("pju", "PJU", "Street lights", "DISPERKIM"), new("lalu-lintas", "Lalu lintas", "Traffic", "DISHUB"), new("air-bersih", "Air", "Water", "PDAM"),
        new("ketertiban", "Ketertiban", "Order", "SATPOLPP"), new("kesehatan", "Kesehatan", "Health", "DINKES"), new("pendidikan", "Pendidikan", "Education", "DISDIK"),
        new("adminduk", "Adminduk", "Civil registry", "DISDUKCAPIL"), new("bencana", "Bencana", "Disaster", "BPBD"), new("taman", "Taman", "Parks", "DISPERKIM"),
        new("perizinan", "Perizinan", "Permits", "DPMPTSP"), new("sosial", "Sosial", "Social", "DINSOS"), new("lainnya", "Lainnya", "Other", null),
    ];
}
public sealed record CategoryRule(string CategoryCode, IReadOnlyList<string> Keywords);
public static class CategoryRules { public static IReadOnlyList<CategoryRule> Default { get; } = [new("jalan", ["jalan", "dalan"]), new("sampah", ["sampah", "uwuh"]), new("drainase", ["banjir", "rob", "got"])]; }
public sealed record Landmark(string Name, string KecamatanCode, string? KelurahanCode);
public static class SemarangLandmarks { public static IReadOnlyList<Landmark> All { get; } = []; }
public sealed record PlaceMatch(string KecamatanCode, string? KelurahanCode, string MatchedName);
#pragma warning disable CS9113
public sealed class Gazetteer(IEnumerable<Kecamatan> kec, IEnumerable<Kelurahan> kel, IEnumerable<Landmark> landmarks)
{
    private readonly List<Kelurahan> kelurahan = kel.ToList();
    public PlaceMatch? Find(string text) => kelurahan.Where(k => text.Contains(k.Name, StringComparison.OrdinalIgnoreCase)).Select(k => new PlaceMatch(k.KecamatanCode, k.Code, k.Name)).FirstOrDefault();
}
public sealed record ComplaintRoute(PlaceMatch? Place, string? CategoryCode, string? OpdCode, bool NeedsTriage, string? TriageReason);
public static class ComplaintRouter
{
    public static ComplaintRoute Route(string text, Gazetteer g, IReadOnlyList<CategoryRule> rules, IReadOnlyList<ComplaintCategory> cats)
    {
        var rule = rules.FirstOrDefault(r => r.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)));
        var opd = rule is null ? null : cats.First(c => c.Code == rule.CategoryCode).OpdCode;
        return new ComplaintRoute(g.Find(text), rule?.CategoryCode, opd, opd is null, opd is null ? "no_category" : null);
    }
}
public static class TicketNumber { public static string Format(string prefix, int year, long seq) => $"{prefix}-{year}-{seq:000000}"; }
public static class PhoneMask { public static string? Mask(string? p) => p is null ? null : p.Length < 8 ? "****" : p[..4] + "****" + p[^4..]; }
public sealed record Evidence(string Url, DateTimeOffset TakenAt, double? Latitude, double? Longitude);
public sealed record TransitionRequest(ComplaintStatus To, string? Note, string? TargetOpdCode, string? CurrentOpdCode, IReadOnlyList<Evidence> Evidence);
public sealed record TransitionError(string Field, string Message);
public sealed record TransitionCheck(bool Allowed, IReadOnlyList<TransitionError> Errors);
public static class ComplaintWorkflow { public static TransitionCheck Check(ComplaintStatus from, TransitionRequest r, DateTimeOffset now, DateTimeOffset? resolvedAt) => new(true, []); }
