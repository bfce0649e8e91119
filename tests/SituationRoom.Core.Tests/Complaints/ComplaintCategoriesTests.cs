using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class ComplaintCategoriesTests
{
    [Theory]
    [InlineData("jalan", "DPU")]
    [InlineData("sampah", "DLH")]
    [InlineData("drainase", "DPU")]
    [InlineData("pju", "DISPERKIM")]
    [InlineData("lalu-lintas", "DISHUB")]
    [InlineData("air-bersih", "PDAM")]
    [InlineData("ketertiban", "SATPOLPP")]
    [InlineData("kesehatan", "DINKES")]
    [InlineData("pendidikan", "DISDIK")]
    [InlineData("adminduk", "DISDUKCAPIL")]
    [InlineData("bencana", "BPBD")]
    [InlineData("taman", "DISPERKIM")]
    [InlineData("perizinan", "DPMPTSP")]
    [InlineData("sosial", "DINSOS")]
    [InlineData("lainnya", null)]
    public void Default_Category_IsOwnedByItsOpd(string code, string? opd)
    {
        var category = Assert.Single(ComplaintCategories.Default, c => c.Code == code);

        Assert.Equal(opd, category.OpdCode);
        Assert.False(string.IsNullOrWhiteSpace(category.NameId));
        Assert.False(string.IsNullOrWhiteSpace(category.NameEn));
    }

    [Fact]
    public void DefaultRules_EveryRule_NamesAKnownCategoryWithAnOpd()
    {
        foreach (var rule in CategoryRules.Default)
        {
            var category = Assert.Single(ComplaintCategories.Default, c => c.Code == rule.CategoryCode);
            Assert.NotNull(category.OpdCode);
            Assert.NotEmpty(rule.Keywords);
        }
    }

    [Fact]
    public void DefaultRules_EveryCategoryButOther_HasARule()
    {
        var ruled = CategoryRules.Default.Select(r => r.CategoryCode).ToHashSet();

        Assert.All(
            ComplaintCategories.Default.Where(c => c.Code != ComplaintCategories.Other),
            c => Assert.Contains(c.Code, ruled));
    }
}
