using SituationRoom.Core.Situation;

namespace SituationRoom.Core.Tests.Situation;

public sealed class ValueListTests
{
    [Fact]
    public void Equals_SameItemsInOtherInstances_IsTrue()
    {
        var a = new[] { 1, 2, 3 }.ToValueList();
        var b = new[] { 1, 2, 3 }.ToValueList();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_OtherOrder_IsFalse()
    {
        Assert.NotEqual(new[] { 1, 2 }.ToValueList(), new[] { 2, 1 }.ToValueList());
    }

    [Fact]
    public void Records_HoldingValueLists_CompareByContent()
    {
        var a = new Holder(new[] { "x" }.ToValueList());
        var b = new Holder(new[] { "x" }.ToValueList());

        Assert.Equal(a, b);
    }

    private sealed record Holder(ValueList<string> Items);
}
