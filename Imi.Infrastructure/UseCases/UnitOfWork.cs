using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Imi.Infrastructure.UseCases;

/// <summary>The end of a use case: everything it changed (e-mail included) saved in one transaction.</summary>
public static class UnitOfWork
{
    /// <summary>
    /// Saves. A row changed since it was read becomes "changed by someone else" (<paramref name="changedCode"/> says
    /// what); an e-mail or username taken meanwhile (the unique indexes, a race the use case's own check lost) becomes
    /// the users' refusal on <paramref name="emailField"/> or the username.
    /// </summary>
    public static async Task SaveAsync(ImiDbContext db, string changedCode, CancellationToken ct, string emailField = nameof(User.Email))
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ChangedBySomeoneElseException(changedCode);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw unique.ConstraintName?.Contains("email") == true
                ? new DomainException(Refusals.Users.EmailTaken, emailField)
                : unique.ConstraintName?.Contains("username") == true
                    ? new DomainException(Refusals.Users.UsernameTaken, nameof(User.Username))
                    : new ChangedBySomeoneElseException(changedCode);
        }
    }
}
