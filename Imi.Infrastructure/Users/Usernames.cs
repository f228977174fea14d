using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Users;

public static class Usernames
{
    /// <summary>A generated username (country, initials, digits) no one has yet.</summary>
    public static async Task<string> NewAsync(ImiDbContext db, string countryCode, string? givenName, string? familyName, CancellationToken ct)
    {
        string username;
        do
            username = Username.Generate(countryCode, givenName ?? "", familyName ?? "", Random.Shared);
        while (await db.ImiUsers.AnyAsync(u => u.Username == username, ct));
        return username;
    }
}
