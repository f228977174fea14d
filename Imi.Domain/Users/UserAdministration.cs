using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Common;

namespace Imi.Domain.Users;

/// <summary>What a new user is registered with (step 10).</summary>
public sealed record NewUser(string GivenName, string FamilyName, string Email, string? Phone, string PreferredLanguageCode);

/// <summary>
/// The rules of managing an authority's users (steps 9 to 13 and the FAQ): who may do it, unique
/// e-mails and usernames, and what the authority must always keep.
/// </summary>
public static class UserAdministration
{
    public static User Register(Actor actor, Authority authority, NewUser input, bool emailInUse, string username, DateTimeOffset at)
    {
        Permissions.RequireLocalDataAdministrator(actor, authority);
        if (emailInUse)
            throw new DomainException(Refusals.Users.EmailTaken, nameof(User.Email));
        return User.Register(authority.Id, username, input.Email, input.GivenName, input.FamilyName, input.PreferredLanguageCode, at, input.Phone);
    }

    public static void UpdateContact(Actor actor, Authority authority, User target, NewUser input, bool emailInUse)
    {
        RequireMember(actor, authority, target);
        if (emailInUse)
            throw new DomainException(Refusals.Users.EmailTaken, nameof(User.Email));
        target.SetContact(input.Email, input.GivenName, input.FamilyName, input.Phone, input.PreferredLanguageCode);
    }

    public static void ChangeUsername(Actor actor, Authority authority, User target, string username, bool usernameInUse)
    {
        RequireMember(actor, authority, target);
        if (usernameInUse)
            throw new DomainException(Refusals.Users.UsernameTaken, nameof(User.Username));
        target.ChangeUsername(username);
    }

    /// <summary>
    /// Steps 9 and 13: the roles of one user. The authority keeps at least one local data
    /// administrator, an allocator wherever allocation is on, and a referral handler wherever the
    /// coordinator delegates referrals to them.
    /// </summary>
    public static void SetRoles(Actor actor, Authority authority, IReadOnlyList<User> staff, User target,
        bool localDataAdministrator, IEnumerable<AreaRoleAssignment> roles)
    {
        RequireMember(actor, authority, target);
        var wanted = roles.Distinct().ToList();
        foreach (var role in wanted)
        {
            if (!authority.HasAccessTo(role.LegislativeAreaCode))
                throw new DomainException(Refusals.Authority.NoAccessToArea, null, ("area", role.LegislativeAreaCode));
            if (role.Role is AreaRole.DataAdministrator or AreaRole.ReferralHandler && !authority.IsCoordinator)
                throw new DomainException(Refusals.Users.CoordinatorRolesOnly);
        }

        bool After(Func<User, bool> has, User u) => u.Id == target.Id ? has(Simulated(target, localDataAdministrator, wanted)) : has(u);

        if (!staff.Any(u => After(x => x.IsLocalDataAdministrator, u)))
            throw new DomainException(Refusals.Users.LastLocalDataAdministrator, "LocalDataAdministrator");
        foreach (var area in authority.Areas)
        {
            if (area.AllocationEnabled && !staff.Any(u => After(x => x.Has(AreaRole.Allocator, area.LegislativeAreaCode), u)))
                throw new DomainException(Refusals.Users.LastAllocator, null, ("area", area.LegislativeAreaCode));
            if (authority.IsCoordinator && area.Referral == ReferralParticipation.ReferralHandlers
                && !staff.Any(u => After(x => x.Has(AreaRole.ReferralHandler, area.LegislativeAreaCode), u)))
                throw new DomainException(Refusals.Users.LastReferralHandler, null, ("area", area.LegislativeAreaCode));
        }
        target.ReplaceRoles(localDataAdministrator, wanted);
    }

    /// <summary>
    /// Resetting a password (and so unblocking): a local data administrator of the user's
    /// authority; or, for a local data administrator, a data administrator of the authority's coordinator
    /// or of a coordinator above it (the guide: when the only one forgot theirs; decision 010).
    /// </summary>
    public static void RequireCanResetPassword(Actor actor, Authority targetAuthority, User target, CoordinatorTree coordinators)
    {
        if (target.AuthorityId != targetAuthority.Id)
            throw new DomainException(Refusals.Users.NotOfThatAuthority);
        if (Permissions.IsLocalDataAdministratorOf(actor, targetAuthority))
            return;
        var coordinatorDataAdministrator = Coordination.MayAdministerAuthority(actor, targetAuthority, coordinators);
        if (coordinatorDataAdministrator && target.IsLocalDataAdministrator)
            return;
        throw new NotPermittedException(coordinatorDataAdministrator
            ? Refusals.Users.CoordinatorResetsOnlyAdministrators
            : Refusals.Users.ResetByLocalDataAdministrator);
    }

    /// <summary>Looking up usernames, seeing who has not signed in, reminding: local data administrators.</summary>
    public static void RequireCanManageUsers(Actor actor, Authority authority) =>
        Permissions.RequireLocalDataAdministrator(actor, authority);

    private static void RequireMember(Actor actor, Authority authority, User target)
    {
        Permissions.RequireLocalDataAdministrator(actor, authority);
        if (target.AuthorityId != authority.Id)
            throw new NotPermittedException(Refusals.Users.OfAnotherAuthority);
    }

    private static User Simulated(User target, bool localDataAdministrator, IReadOnlyList<AreaRoleAssignment> roles)
    {
        var copy = User.Register(target.AuthorityId, target.Username, target.Email, target.GivenName, target.FamilyName,
            target.PreferredLanguageCode, target.RegisteredAt, target.Phone, target.Id);
        copy.ReplaceRoles(localDataAdministrator, roles);
        return copy;
    }
}
