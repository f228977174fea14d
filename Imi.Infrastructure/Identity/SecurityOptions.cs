namespace Imi.Infrastructure.Identity;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Base64 key (at least 32 bytes) for the keyed hashes of security codes. A secret: from the
    /// environment (Security__SecurityCodeKey) in production, never in the database or in git.
    /// </summary>
    public string? SecurityCodeKey { get; set; }

    /// <summary>Signed-in users are signed out after this long without activity.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A session ends this long after sign-in however active the user is: a keep-alive cannot
    /// renew a (possibly copied) cookie forever.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in form posts allowed per client address per minute (rate limiter).</summary>
    public int SignInPostsPerAddressPerMinute { get; set; } = 60;

    /// <summary>Sign-in form posts allowed per username per minute (rate limiter).</summary>
    public int SignInPostsPerUsernamePerMinute { get; set; } = 10;

    /// <summary>Posts of the public application form allowed per client address per minute (rate limiter; a corrected form is a post too).</summary>
    public int ApplicationPostsPerAddressPerMinute { get; set; } = 5;

    /// <summary>Where the temporary-password e-mail sends people (the portal's public address).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public byte[] KeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SecurityCodeKey))
            throw new InvalidOperationException("Security:SecurityCodeKey is not set. Set the environment variable Security__SecurityCodeKey to a base64 key of at least 32 bytes.");
        var key = Convert.FromBase64String(SecurityCodeKey);
        if (key.Length < 32)
            throw new InvalidOperationException("Security:SecurityCodeKey must be at least 32 bytes (base64).");
        return key;
    }
}
