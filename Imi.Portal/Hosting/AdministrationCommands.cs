using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Coordination;

namespace Imi.Portal;

/// <summary>
/// What an operator runs on the command line instead of starting the portal (the same configuration, the same database):
/// <c>create-commission-user --email … --given-name … --family-name … [--language en]</c> starts an empty network.
/// </summary>
public static class AdministrationCommands
{
    public const string CreateCommissionUser = "create-commission-user";

    public static async Task<int> CreateCommissionUserAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var (email, given, family) = (Option("email"), Option("given-name"), Option("family-name"));
        if (email is null || given is null || family is null)
        {
            Console.Error.WriteLine($"Usage: {CreateCommissionUser} --email <address> --given-name <name> --family-name <name> [--language <code>]");
            return 2;
        }
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var username = await scope.ServiceProvider.GetRequiredService<CommissionBootstrap>()
                .CreateUserAsync(new NewUser(given, family, email, null, Option("language") ?? "en"));
            Console.WriteLine($"Username: {username}");
            Console.WriteLine($"A temporary password is e-mailed to {email} (sent by the running portal). Tell the username to its owner yourself.");
            return 0;
        }
        catch (DomainException e)
        {
            Console.Error.WriteLine($"Refused: {e.Message}");
            return 1;
        }
    }
}
