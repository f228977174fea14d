using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Users;

namespace Imi.Domain.Authorities;

/// <summary>
/// An authority applies to join through the public page (later IMI's self-registration, decision 010); the coordinator
/// competent for its country and area validates it (it and its first user become active) or rejects it with a reason.
/// </summary>
public sealed record NewApplication(
    string CountryCode,
    string OfficialTitle,
    string InformalTitle,
    string OriginalLanguageCode,
    AuthorityLevel Level,
    string Email,
    string? Region,
    IReadOnlyList<string> AreaCodes,
    NewUser Applicant,
    string Reason);

public sealed partial class Authority
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The person who applied, until the application is decided: then a user exists, or their data are not kept.</summary>
    public NewUser? Applicant { get; private set; }
    /// <summary>Why the authority applies, in the applicant's words.</summary>
    public string? ApplicationReason { get; private set; }
    /// <summary>Why the coordinator rejected the application.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>
    /// An application: each area asked for goes to the coordinator competent for it (<see cref="Coordination.RouteApplication"/>);
    /// the first area's is the authority's coordinator. The applicant's data are checked as a user's will be.
    /// </summary>
    public static Authority Apply(NewApplication input, IReadOnlyList<Authority> countryCoordinators, DateTimeOffset at)
    {
        var areas = input.AreaCodes.Distinct().ToList();
        if (areas.Count == 0)
            throw new DomainException(Refusals.Coordination.AreasRequired, nameof(NewApplication.AreaCodes));
        var reason = Guard.Required(input.Reason, nameof(NewApplication.Reason), ReasonMaxLength, multiline: true);
        var applicant = CheckedApplicant(input.Applicant, at);
        var routes = areas.Select(area => (Area: area, Coordinator: Coordination.RouteApplication(countryCoordinators, area, input.Region)
            ?? throw new DomainException(Refusals.Coordination.NoCoordinatorForApplication, nameof(NewApplication.CountryCode)))).ToList();

        var authority = Register(input.CountryCode, input.OfficialTitle, input.OriginalLanguageCode, input.InformalTitle, input.Level,
            input.Email, at, CoordinatorType.None, routes[0].Coordinator.Id);
        foreach (var (area, coordinator) in routes)
        {
            authority.GrantAreaAccess(area, coordinator.Id);
            authority.AddRequestCoordinator(area, coordinator);
        }
        authority.Applicant = applicant;
        authority.ApplicationReason = reason;
        return authority;
    }

    /// <summary>The coordinator validates the application: the authority becomes active with its first user (every right).</summary>
    public User ValidateApplication(Actor actor, CoordinatorTree tree, bool emailInUse, string username, DateTimeOffset at)
    {
        Coordination.RequireCanAdministerAuthority(actor, this, tree);
        if (Status != RegistrationStatus.Applied || Applicant is not { } applicant)
            throw new DomainException(Refusals.Coordination.NotAnApplication);
        if (emailInUse)
            throw new DomainException(Refusals.Users.EmailTaken, null);
        var user = User.Register(Id, username, applicant.Email, applicant.GivenName, applicant.FamilyName, applicant.PreferredLanguageCode, at, applicant.Phone);
        user.GrantFirstUserRights(_areas.Select(a => a.LegislativeAreaCode), IsCoordinator);
        Status = RegistrationStatus.Validated;
        Applicant = null;
        Touch();
        return user;
    }

    /// <summary>The coordinator rejects the application with a reason; returns the applicant (to tell them), whose data are then not kept.</summary>
    public NewUser RejectApplication(Actor actor, CoordinatorTree tree, string reason)
    {
        Coordination.RequireCanAdministerAuthority(actor, this, tree);
        if (Status != RegistrationStatus.Applied || Applicant is not { } applicant)
            throw new DomainException(Refusals.Coordination.NotAnApplication);
        RejectionReason = Guard.Required(reason, nameof(RejectionReason), ReasonMaxLength, multiline: true);
        Status = RegistrationStatus.Rejected;
        Applicant = null;
        Touch();
        return applicant;
    }

    private static NewUser CheckedApplicant(NewUser applicant, DateTimeOffset at)
    {
        try
        {
            // Checked as the user will be when validated (the username is given then).
            var user = User.Register(Guid.Empty, "not-yet-given", applicant.Email, applicant.GivenName, applicant.FamilyName, applicant.PreferredLanguageCode, at, applicant.Phone);
            return new NewUser(user.GivenName, user.FamilyName, user.Email, user.Phone, user.PreferredLanguageCode);
        }
        catch (DomainException e) when (e is not NotPermittedException)
        {
            throw new DomainException(e.Code, e.Field is null ? null : nameof(NewApplication.Applicant) + "." + e.Field, [.. e.Args]);
        }
    }
}
