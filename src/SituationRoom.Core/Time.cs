namespace SituationRoom.Core;

/// <summary>Western Indonesian Time, the city's clock. Fixed UTC+7, no daylight saving.</summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToWib(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateTimeOffset ToWib(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>The WIB calendar day an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToWib(instant).DateTime);

    /// <summary>The instant (UTC) at which a WIB calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).UtcDateTime;
}
