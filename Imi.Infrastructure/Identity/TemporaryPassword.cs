using System.Security.Cryptography;

namespace Imi.Infrastructure.Identity;

public static class TemporaryPassword
{
    // No look-alikes (0/O, 1/l/I): it is typed from an e-mail.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Three groups of four, e.g. "Kq7m-Xp3t-Rw9z": about 70 bits.</summary>
    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, 3).Select(_ =>
            new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray())));
}
