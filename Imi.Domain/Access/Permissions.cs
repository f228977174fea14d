using Imi.Domain.Authorities;
using Imi.Domain.Common;

namespace Imi.Domain.Access;

/// <summary>Who may do what. Every use case asks here; the UI only mirrors the answers.</summary>
public static class Permissions
{
    public static bool IsLocalDataAdministratorOf(Actor actor, Authority authority) =>
        actor.AuthorityId == authority.Id && actor.IsLocalDataAdministrator;

    public static void RequireTranslator(Actor actor)
    {
        if (!actor.IsTranslator)
            throw new NotPermittedException(Refusals.Access.TranslatorsOnly);
    }

    public static void RequireLocalDataAdministrator(Actor actor, Authority authority)
    {
        if (!IsLocalDataAdministratorOf(actor, authority))
            throw new NotPermittedException(Refusals.Access.LocalDataAdministratorsOnly);
    }
}
