namespace SituationRoom.Web.Data;

/// <summary>A person who signs in: an administrator, leadership, an analyst, or OPD head or staff.</summary>
public sealed class User
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    /// <summary>The OPD whose internals this user may see; null for city-wide roles.</summary>
    public string? OpdCode { get; set; }

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Changes whenever the password, role, OPD or standing changes; a cookie carrying an older stamp is refused.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Set when an administrator disables the account; a disabled user cannot sign in and loses open sessions.</summary>
    public DateTime? DisabledAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
