namespace SituationRoom.Core.Situation;

/// <summary>What a wall screen can show. The map comes in one layer per stream.</summary>
public enum WallView
{
    Overview,
    Complaints,
    Wifi,
    Cctv,
    League,
    Map,
}

/// <summary>What the city map is shaded by.</summary>
public enum MapLayer
{
    Complaints,
    Wifi,
    Cctv,
}

/// <summary>One entry of a playlist: a view (with its map layer) shown for a while.</summary>
public sealed record WallSlot(WallView View, MapLayer Layer, TimeSpan Duration)
{
    /// <summary>The token that names this slot in a playlist or a URL: "wifi", "map", "map-cctv".</summary>
    public string Token => WallPlaylist.TokenOf(View, Layer);
}
