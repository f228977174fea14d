using Imi.Domain.Authorities;
using Imi.Domain.ReferenceData;
using Imi.Domain.Setup;
using Imi.Domain.Users;

namespace Imi.Infrastructure.Setup;

/// <summary>Everything the setup wizard shows about one authority, for one reader.</summary>
public sealed record SetupView(
    Guid AuthorityId,
    int Revision,
    bool CanEdit,
    string CountryCode,
    string CountryName,
    string OfficialTitle,
    string OriginalLanguageCode,
    string InformalTitle,
    string? ShortProfile,
    bool NeedsTranslation,
    AuthorityLevel Level,
    IReadOnlyList<string> LanguagesUnderstood,
    ContactDetails Contact,
    string Email,
    CoordinatorType CoordinatorType,
    int? PlannedAdditionalUsers,
    IReadOnlyList<AreaView> Areas,
    IReadOnlyList<KeywordListView> KeywordLists,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ChosenKeywords,
    IReadOnlyList<AuthorityRef> LinkedAuthorities,
    IReadOnlyList<RequestCoordinatorView> RequestCoordinators,
    IReadOnlyList<AuthorityRef> Coordinators,
    IReadOnlyList<UserView> Staff,
    IReadOnlyList<StepStatus> Checklist,
    IReadOnlyList<Language> Languages)
{
    public bool IsCoordinator => CoordinatorType != CoordinatorType.None;
    public bool IsComplete => SetupChecklist.IsComplete(Checklist);
    public StepStatus StatusOf(int step) => Checklist.First(s => s.Step.Number == step);
    public IReadOnlyList<string> KeywordsOf(string listCode) => ChosenKeywords.GetValueOrDefault(listCode) ?? [];
}

public sealed record AreaView(
    string Code, string Name, string? Department, bool AllocationEnabled,
    ReferralParticipation Referral, bool ApprovesRequests, bool ApprovesReplies);

/// <summary>A keyword list with its keywords labelled in the reader's language (English where a label is missing).</summary>
public sealed record KeywordListView(string Code, KeywordListKind Kind, string? AreaCode, string Name, IReadOnlyList<KeywordView> Keywords);

public sealed record KeywordView(string Code, string? ParentCode, string Label);

public sealed record AuthorityRef(Guid Id, string InformalTitle, string OfficialTitle, AuthorityLevel Level, CoordinatorType CoordinatorType, IReadOnlyList<string> AreaCodes);

/// <summary>A request coordinator of one area; <see cref="CoordinatorTitle"/> is null when the coordinator is not readable (no longer validated).</summary>
public sealed record RequestCoordinatorView(string AreaCode, Guid CoordinatorId, string? CoordinatorTitle, bool FullView);

public sealed record UserView(
    Guid Id, int Revision, string Username, string DisplayName, string GivenName, string FamilyName, string Email, string? Phone,
    string PreferredLanguageCode, bool IsLocalDataAdministrator, IReadOnlyList<AreaRoleAssignment> Roles,
    DateTimeOffset? FirstSignedInAt, bool IsBlocked, bool HasTemporaryPassword)
{
    public bool Has(AreaRole role, string area) => Roles.Contains(new AreaRoleAssignment(area, role));
}
