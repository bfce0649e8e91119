using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class ComplaintRouterTests
{
    private static ComplaintRoute Route(string text, IReadOnlyList<CategoryRule>? rules = null) =>
        ComplaintRouter.Route(text, SemarangWilayah.Gazetteer, rules ?? CategoryRules.Default, ComplaintCategories.Default);

    [Fact]
    public void Route_CategoryAndPlace_GoesToOwningOpdWithoutTriage()
    {
        var route = Route("jalan berlubang di kel. Sekayu");

        Assert.Equal(
            new ComplaintRoute(new PlaceMatch("33.74.01", "33.74.01.1007", "Sekayu"), "jalan", "DPU", false, null),
            route);
    }

    [Fact]
    public void Route_NoCategory_GoesToTriageKeepingThePlace()
    {
        var route = Route("tolong dicek pak, di Genuk");

        Assert.True(route.NeedsTriage);
        Assert.Equal(TriageReason.NoCategory, route.TriageReason);
        Assert.Equal("33.74.05", route.Place?.KecamatanCode);
        Assert.Null(route.OpdCode);
    }

    [Fact]
    public void Route_CategoryWithoutOpd_GoesToTriage()
    {
        var route = Route("ada ufo", [new CategoryRule(ComplaintCategories.Other, ["ufo"])]);

        Assert.Equal(new ComplaintRoute(null, "lainnya", null, true, TriageReason.NoOpd), route);
    }

    [Fact]
    public void Route_RuleForUnknownCategory_GoesToTriage()
    {
        var route = Route("ada ufo", [new CategoryRule("alien", ["ufo"])]);

        Assert.Equal(new ComplaintRoute(null, "alien", null, true, TriageReason.UnknownCategory), route);
    }

    [Fact]
    public void Route_NoPlace_IsStillRoutedByCategory()
    {
        var route = Route("sampah numpuk");

        Assert.Null(route.Place);
        Assert.False(route.NeedsTriage);
        Assert.Equal("DLH", route.OpdCode);
    }
}
