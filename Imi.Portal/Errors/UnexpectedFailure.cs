using System.Net.Sockets;
using System.Security.Cryptography;
using Imi.Infrastructure.Localization;
using Npgsql;

namespace Imi.Portal.Errors;

/// <summary>
/// What the user is told when something fails that is not a rule they broke (a database outage, a
/// bug, a text PostgreSQL refuses): a plain sentence and a short reference, never the exception's
/// own text, which may quote SQL, a host name or a stack. The details go to the log under the same
/// reference, so the helpdesk finds them. Used by the store (effects), the page error boundary and
/// the error page: one wording everywhere.
/// </summary>
public static class UnexpectedFailure
{
    /// <summary>Logs <paramref name="error"/> with a new reference and returns the reference.</summary>
    public static string Log(ILogger logger, Exception error, string where)
    {
        var reference = NewReference();
        logger.LogError(error, "{Where} failed; reference {Reference} was shown to the user", where, reference);
        return reference;
    }

    /// <summary>The sentence a user reads, in their language, with the reference to quote.</summary>
    public static string MessageFor(Texts texts, Exception? error, string reference) =>
        texts[IsDatabaseUnreachable(error) ? "Shell.Error.DatabaseUnreachable" : "Shell.Error.Unexpected", ("reference", reference)];

    public static bool IsDatabaseUnreachable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException)
                return true;
        }
        return false;
    }

    // Eight hexadecimal digits: short enough to read out on the phone, unique enough in a day's log.
    private static string NewReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
}
