namespace SituationRoom.Core.Complaints;

/// <param name="TakenAtFromPhoto">The time is the photo's own (EXIF), not typed by the officer.</param>
/// <param name="PlaceFromPhoto">The coordinates are the photo's own (EXIF GPS), not typed by the officer.</param>
public sealed record Evidence(string Url, DateTimeOffset TakenAt, double? Latitude, double? Longitude, bool TakenAtFromPhoto = false, bool PlaceFromPhoto = false);
