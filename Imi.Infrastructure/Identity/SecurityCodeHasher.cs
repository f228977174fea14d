using System.Security.Cryptography;
using System.Text;
using Imi.Domain.Users;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Identity;

/// <summary>
/// Keeps a security code verifiable three digits at a time without storing it: for each of the
/// 220 sets of three positions, an HMAC of (user, positions, digits) under a key that is not in
/// the database. Without the key, a dump gives nothing to try digits against.
/// </summary>
public sealed class SecurityCodeHasher(IOptions<SecurityOptions> options)
{
    private const int HashLength = 32;
    private readonly byte[] _key = options.Value.KeyBytes();

    public byte[] HashAll(Guid userId, string code)
    {
        var valid = SecurityCode.Validate(code);
        var all = new byte[SecurityCode.AllChallenges.Count * HashLength];
        foreach (var challenge in SecurityCode.AllChallenges)
            Hash(userId, challenge, challenge.DigitsOf(valid)).CopyTo(all, challenge.Index * HashLength);
        return all;
    }

    public bool Verify(Guid userId, byte[]? stored, SecurityCodeChallenge challenge, string digits)
    {
        if (stored is null || stored.Length != SecurityCode.AllChallenges.Count * HashLength)
            return false;
        var expected = stored.AsSpan(challenge.Index * HashLength, HashLength);
        return CryptographicOperations.FixedTimeEquals(expected, Hash(userId, challenge, digits));
    }

    private byte[] Hash(Guid userId, SecurityCodeChallenge challenge, string digits) =>
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{userId:N}|{challenge}|{digits}"));
}
