namespace SituationRoom.Core.Complaints;

/// <summary>Place, category and owning OPD for a complaint's text. A missing place alone does not send it to triage.</summary>
public static class ComplaintRouter
{
    public static ComplaintRoute Route(
        string text,
        Gazetteer gazetteer,
        IReadOnlyList<CategoryRule> rules,
        IReadOnlyList<ComplaintCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(categories);
        var place = gazetteer.Find(text);
        var match = Categoriser.Categorise(text, rules);
        if (match is null)
        {
            return new ComplaintRoute(place, null, null, true, TriageReason.NoCategory);
        }

        var category = categories.FirstOrDefault(c => string.Equals(c.Code, match.CategoryCode, StringComparison.OrdinalIgnoreCase));
        if (category is null)
        {
            return new ComplaintRoute(place, match.CategoryCode, null, true, TriageReason.UnknownCategory);
        }

        return category.OpdCode is null
            ? new ComplaintRoute(place, category.Code, null, true, TriageReason.NoOpd)
            : new ComplaintRoute(place, category.Code, category.OpdCode, false, null);
    }
}
