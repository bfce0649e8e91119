namespace SituationRoom.Core.Complaints;

/// <summary>
/// When and where a photo was taken, as its camera recorded it. <see cref="TakenAtLocal"/> is the camera's wall-clock
/// time (EXIF DateTimeOriginal has no zone); <see cref="TakenAtOffset"/> is set only when the photo says its zone
/// (OffsetTimeOriginal).
/// </summary>
public sealed record PhotoMetadata(DateTime? TakenAtLocal, TimeSpan? TakenAtOffset, double? Latitude, double? Longitude)
{
    public static PhotoMetadata None { get; } = new(null, null, null, null);

    public bool HasPlace => Latitude is not null && Longitude is not null;

    /// <param name="assumedOffset">The zone of a camera that did not say (WIB for phones in Semarang).</param>
    public DateTimeOffset? TakenAt(TimeSpan assumedOffset) =>
        TakenAtLocal is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TakenAtOffset ?? assumedOffset) : null;
}
