using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Imi.Infrastructure.Identity;

/// <summary>
/// NIST SP 800-63B rules that a pattern cannot express: no password from a list of common ones
/// (Identity/Data/common-passwords.txt, see its README) and none that contains the username.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<Account>
{
    public const string CommonCode = "CommonPassword";
    public const string ContainsUsernameCode = "ContainsUsername";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var candidate = (password ?? "").Trim().ToLowerInvariant();
        if (IsCommon(candidate))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "This password is among the most common ones, which are tried first. Choose another.",
            }));
        if (user.UserName is { Length: > 0 } username && candidate.Contains(username.ToLowerInvariant()))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = ContainsUsernameCode,
                Description = "Do not put your username in your password.",
            }));
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string lowerCasePassword) => Common.Value.Contains(lowerCasePassword);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Imi.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var all = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                all.Add(line);
        return all;
    }
}
