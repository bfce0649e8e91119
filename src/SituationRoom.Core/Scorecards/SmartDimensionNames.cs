namespace SituationRoom.Core.Scorecards;

public static class SmartDimensionNames
{
    public static char Letter(SmartDimension dimension) => dimension switch
    {
        SmartDimension.Systemic => 'S',
        SmartDimension.Monitorable => 'M',
        SmartDimension.Accessible => 'A',
        SmartDimension.Reliable => 'R',
        SmartDimension.Timebound => 'T',
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public static string Indonesian(SmartDimension dimension) => dimension switch
    {
        SmartDimension.Systemic => "Terhubung sistem",
        SmartDimension.Monitorable => "Dapat dipantau",
        SmartDimension.Accessible => "Dapat diakses",
        SmartDimension.Reliable => "Dapat dipercaya",
        SmartDimension.Timebound => "Tepat waktu",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public static string English(SmartDimension dimension) => dimension switch
    {
        SmartDimension.Systemic => "Systemic",
        SmartDimension.Monitorable => "Monitorable",
        SmartDimension.Accessible => "Accessible",
        SmartDimension.Reliable => "Reliable",
        SmartDimension.Timebound => "Timebound",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
