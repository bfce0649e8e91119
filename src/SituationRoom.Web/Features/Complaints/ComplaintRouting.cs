using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>The city's gazetteer and category rules, built once, applied to every incoming text.</summary>
public sealed class ComplaintRouting
{
    private readonly Gazetteer gazetteer = SemarangGazetteer.Create(SemarangReference.Kecamatan, SemarangReference.Kelurahan);

    public ComplaintRoute Route(string text) =>
        ComplaintRouter.Route(text, gazetteer, CategoryRules.Default, ComplaintCategories.Default);

    /// <summary>A category chosen by the sender (an Open311 service, the call centre) outranks the one read from the text.</summary>
    public ComplaintRoute Route(string text, string? chosenCategory)
    {
        var route = Route(text);
        if (chosenCategory is null)
        {
            return route;
        }

        var category = Category(chosenCategory) ?? throw new ArgumentException($"Unknown category '{chosenCategory}'.", nameof(chosenCategory));
        return category.OpdCode is null
            ? route with { CategoryCode = category.Code, OpdCode = null, NeedsTriage = true, TriageReason = TriageReason.NoOpd }
            : route with { CategoryCode = category.Code, OpdCode = category.OpdCode, NeedsTriage = false, TriageReason = null };
    }

    public static ComplaintCategory? Category(string? code) =>
        code is null ? null : ComplaintCategories.Default.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}
