using SituationRoom.Core.Scorecards;

namespace SituationRoom.Core.Tests.Scorecards;

public class SmartDimensionNamesTests
{
    [Theory]
    [InlineData(SmartDimension.Systemic, "Terhubung sistem", "Systemic")]
    [InlineData(SmartDimension.Monitorable, "Dapat dipantau", "Monitorable")]
    [InlineData(SmartDimension.Accessible, "Dapat diakses", "Accessible")]
    [InlineData(SmartDimension.Reliable, "Dapat dipercaya", "Reliable")]
    [InlineData(SmartDimension.Timebound, "Tepat waktu", "Timebound")]
    public void Names_EachDimension_MatchTheCitysTerms(SmartDimension dimension, string indonesian, string english)
    {
        Assert.Equal(indonesian, SmartDimensionNames.Indonesian(dimension));
        Assert.Equal(english, SmartDimensionNames.English(dimension));
    }

    [Fact]
    public void Letter_AllDimensionsInOrder_SpellSmart()
    {
        var letters = string.Concat(Enum.GetValues<SmartDimension>().Select(SmartDimensionNames.Letter));

        Assert.Equal("SMART", letters);
    }
}
