namespace SituationRoom.Core.Complaints;

public sealed record Evidence(string Url, DateTimeOffset TakenAt, double? Latitude, double? Longitude);
