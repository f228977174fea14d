using Microsoft.AspNetCore.Identity;

namespace Imi.Infrastructure.Identity;

/// <summary>
/// The credentials of a <see cref="Imi.Domain.Users.User"/> (same Id): what ASP.NET Core Identity
/// manages (password hash, lockout, security stamp) plus our second factor, the security code.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    /// <summary>
    /// One keyed hash per set of three positions the sign-in may ask for (220 × 32 bytes). The key
    /// (a pepper) lives in configuration, not the database, so a dump alone reveals nothing.
    /// </summary>
    public byte[]? SecurityCodeHashes { get; set; }

    /// <summary>The password is a temporary one: the next sign-in must choose a password and a new code.</summary>
    public bool MustChangeCredentials { get; set; }

    public DateTimeOffset? TemporaryPasswordIssuedAt { get; set; }

    /// <summary>
    /// The three positions of the security code asked after the right password (an index into
    /// <see cref="Imi.Domain.Users.SecurityCode.AllChallenges"/>): kept until answered or expired, so
    /// typing the password again does not draw new positions.
    /// </summary>
    public int? PendingChallengeIndex { get; set; }

    public DateTimeOffset? PendingChallengeExpiresAt { get; set; }

    /// <summary>
    /// A new security stamp: every session and open page of this user ends, on every instance (the per-request
    /// session check and the account change feed compare stamps). Returns the new stamp.
    /// </summary>
    public string EndSessions() => SecurityStamp = Guid.NewGuid().ToString("N");
}
