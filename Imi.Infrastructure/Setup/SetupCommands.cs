using Imi.Infrastructure.UseCases;
using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;

namespace Imi.Infrastructure.Setup;

/// <summary>
/// Something a user does in the setup wizard or user administration. <see cref="ExpectedRevision"/>
/// is the authority's revision the user's page showed: if someone else changed the authority
/// since, the command is refused as a conflict instead of overwriting their change.
/// </summary>
public abstract record SetupCommand(int? ExpectedRevision);

public sealed record SaveGeneralInformation(int? ExpectedRevision, GeneralInformation Info, bool NeedsNewTranslation) : SetupCommand(ExpectedRevision);
public sealed record SaveKeywords(int? ExpectedRevision, string ListCode, IReadOnlyList<string> KeywordCodes) : SetupCommand(ExpectedRevision);
public sealed record AskCoordinatorForKeyword(string ListCode, string Proposal) : SetupCommand((int?)null);
public sealed record LinkAuthority(Guid OtherAuthorityId) : SetupCommand((int?)null);
public sealed record UnlinkAuthority(Guid OtherAuthorityId) : SetupCommand((int?)null);
public sealed record AddRequestCoordinator(string AreaCode, Guid CoordinatorId) : SetupCommand((int?)null);
public sealed record RemoveRequestCoordinator(string AreaCode, Guid CoordinatorId) : SetupCommand((int?)null);
public sealed record SetFullView(string AreaCode, Guid CoordinatorId, bool FullView) : SetupCommand((int?)null);
public sealed record SaveDepartment(int? ExpectedRevision, string AreaCode, string? Department) : SetupCommand(ExpectedRevision);
public sealed record PlanAdditionalUsers(int? ExpectedRevision, int Count) : SetupCommand(ExpectedRevision);
public sealed record SetAllocation(string AreaCode, bool Enabled) : SetupCommand((int?)null);
public sealed record SetReferralParticipation(string AreaCode, ReferralParticipation Participation) : SetupCommand((int?)null);
public sealed record SetApproval(string AreaCode, bool Requests, bool Replies) : SetupCommand((int?)null);
public sealed record CompleteSetupStep(int Step) : SetupCommand((int?)null);

public sealed record RegisterUser(NewUser User, bool LocalDataAdministrator, IReadOnlyList<AreaRoleAssignment> Roles) : SetupCommand((int?)null);
public sealed record SetUserRoles(Guid UserId, int UserRevision, bool LocalDataAdministrator, IReadOnlyList<AreaRoleAssignment> Roles) : SetupCommand((int?)null);
public sealed record ChangeUsername(Guid UserId, string Username) : SetupCommand((int?)null);
public sealed record ResetPassword(Guid UserId) : SetupCommand((int?)null);
public sealed record RemindToSignIn(Guid UserId) : SetupCommand((int?)null);

/// <summary>What a command did: the new state of the wizard, and what to tell the user (a notice code and its values).</summary>
public sealed record SetupResult(SetupView View, Notice Notice, string? ShowUsername = null);
