using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Identity;

/// <summary>
/// What the sign-in log keeps of a username that matched no user: an HMAC under the security key,
/// so repeated tries of one name can be told apart from many names without storing what was
/// typed (often a password typed into the wrong box).
/// </summary>
public sealed class UnknownUsernameHasher(IOptions<SecurityOptions> options)
{
    private readonly byte[] _key = options.Value.KeyBytes();

    public string Hash(string typed) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("unknown-username|" + typed.Trim().ToUpperInvariant())));
}
