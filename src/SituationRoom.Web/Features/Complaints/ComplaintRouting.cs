using SituationRoom.Core.Complaints;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>The city's gazetteer and category rules, built once, applied to every incoming text.</summary>
public sealed class ComplaintRouting
{
    private readonly Gazetteer gazetteer = SemarangGazetteer.Create(SemarangReference.Kecamatan, SemarangReference.Kelurahan);

    public ComplaintRoute Route(string text) =>
        ComplaintRouter.Route(text, gazetteer, CategoryRules.Default, ComplaintCategories.Default);
}
