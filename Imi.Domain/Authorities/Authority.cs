using Imi.Domain.Access;
using Imi.Domain.Common;

namespace Imi.Domain.Authorities;

/// <summary>
/// A competent authority (or an IMI coordinator, which is one too). It is responsible for its own
/// data: only its local data administrators change it.
/// </summary>
public sealed partial class Authority : AggregateRoot
{
    private readonly List<string> _languagesUnderstood = new();
    private readonly List<AuthorityTranslation> _translations = new();
    private readonly List<AreaAccess> _areas = new();
    private readonly List<LinkedAuthority> _linkedAuthorities = new();
    private readonly List<RequestCoordinatorLink> _requestCoordinators = new();
    private readonly List<AuthorityKeyword> _keywords = new();
    private readonly List<CompletedSetupStep> _completedSteps = new();

    private Authority() { }

    public string CountryCode { get; private set; } = "";
    /// <summary>In the original language, never translated.</summary>
    public string OfficialTitle { get; private set; } = "";
    /// <summary>The language the authority writes its informal title and profile in.</summary>
    public string OriginalLanguageCode { get; private set; } = "";
    public string InformalTitle { get; private set; } = "";
    public string? ShortProfile { get; private set; }
    /// <summary>Set by a substantial change of the informal title or profile; cleared once translated.</summary>
    public bool NeedsTranslation { get; private set; }
    public AuthorityLevel Level { get; private set; }
    public CoordinatorType CoordinatorType { get; private set; }
    public RegistrationStatus Status { get; private set; }
    /// <summary>The coordinator that registered or validated this authority (none for a NIMIC).</summary>
    public Guid? CoordinatorId { get; private set; }
    /// <summary>A coordinator's region (an SDIMIC's, a LIMIC's, a DIMIC's by region); none: the whole country.</summary>
    public string? CoordinationRegion { get; private set; }
    public ContactDetails Contact { get; private set; } = ContactDetails.Empty;
    /// <summary>Where alerts go: must be valid and read often.</summary>
    public string Email { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }

    public IReadOnlyList<string> LanguagesUnderstood => _languagesUnderstood;
    public IReadOnlyList<AuthorityTranslation> Translations => _translations;
    public IReadOnlyList<AreaAccess> Areas => _areas;
    public IReadOnlyList<LinkedAuthority> LinkedAuthorities => _linkedAuthorities;
    public IReadOnlyList<RequestCoordinatorLink> RequestCoordinators => _requestCoordinators;
    public IReadOnlyList<AuthorityKeyword> Keywords => _keywords;
    public IReadOnlyList<CompletedSetupStep> CompletedSteps => _completedSteps;
    /// <summary>How many users besides the first the authority plans to register (step 7).</summary>
    public int? PlannedAdditionalUsers { get; private set; }

    public bool IsCoordinator => CoordinatorType != CoordinatorType.None;

    public static Authority Register(
        string countryCode,
        string officialTitle,
        string originalLanguageCode,
        string informalTitle,
        AuthorityLevel level,
        string email,
        DateTimeOffset registeredAt,
        CoordinatorType coordinatorType = CoordinatorType.None,
        Guid? coordinatorId = null,
        Guid? id = null,
        string? coordinationRegion = null)
    {
        var authority = new Authority
        {
            Id = id ?? Guid.NewGuid(),
            CountryCode = RequireCode(countryCode, 2, nameof(CountryCode)),
            OfficialTitle = Guard.Required(officialTitle, nameof(OfficialTitle), Authorities.OfficialTitle.MaxLength),
            OriginalLanguageCode = RequireCode(originalLanguageCode, 2, nameof(OriginalLanguageCode)),
            InformalTitle = Guard.Required(informalTitle, nameof(InformalTitle), Authorities.InformalTitle.MaxLength),
            Level = level,
            Email = Guard.Email(email, nameof(Email)),
            CoordinatorType = coordinatorType,
            CoordinatorId = coordinatorId,
            CoordinationRegion = coordinatorType == CoordinatorType.None ? null
                : Guard.Optional(coordinationRegion, nameof(CoordinationRegion), RegionMaxLength),
            Status = RegistrationStatus.Applied,
            RegisteredAt = registeredAt,
            NeedsTranslation = true,
        };
        authority._languagesUnderstood.Add(authority.OriginalLanguageCode);
        return authority;
    }

    /// <summary>The coordinator confirms the registration: the authority joins the network.</summary>
    public void Validate()
    {
        if (Status == RegistrationStatus.Deactivated)
            throw new DomainException(Refusals.Authority.DeactivatedCannotBeValidated);
        Status = RegistrationStatus.Validated;
        Touch();
    }

    /// <summary>
    /// Decision 010: by its coordinator or one above. Its users can no longer sign in, search no longer finds it
    /// and no new request reaches it; its open exchanges stay readable and answerable by the other side.
    /// A coordinator stays active (the authorities it coordinates would be left without one).
    /// </summary>
    public void Deactivate(Actor actor, CoordinatorTree coordinators)
    {
        Coordination.RequireCanAdministerAuthority(actor, this, coordinators);
        if (IsCoordinator)
            throw new DomainException(Refusals.Coordination.CoordinatorStaysActive);
        if (Status != RegistrationStatus.Validated)
            throw new DomainException(Refusals.Coordination.NotActive);
        Status = RegistrationStatus.Deactivated;
        Touch();
    }

    /// <summary>Decision 010: a deactivated authority becomes active again, by its coordinator or one above.</summary>
    public void Reactivate(Actor actor, CoordinatorTree coordinators)
    {
        Coordination.RequireCanAdministerAuthority(actor, this, coordinators);
        if (Status != RegistrationStatus.Deactivated)
            throw new DomainException(Refusals.Coordination.NotDeactivated);
        Status = RegistrationStatus.Validated;
        Touch();
    }

    /// <summary>
    /// Setup step 1. <paramref name="needsNewTranslation"/> is the guide's tick box: a substantial
    /// change needs one, a spelling fix does not.
    /// </summary>
    public void UpdateGeneralInformation(Actor actor, GeneralInformation info, bool needsNewTranslation)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        InformalTitle = Guard.Required(info.InformalTitle, nameof(InformalTitle), Authorities.InformalTitle.MaxLength);
        ShortProfile = Guard.Optional(info.ShortProfile, nameof(ShortProfile), Authorities.ShortProfile.MaxLength, multiline: true);
        Level = info.Level;
        Email = Guard.Email(info.Email, nameof(Email));
        Contact = ValidateContact(info.Contact);
        SetLanguagesUnderstood(info.LanguagesUnderstood);
        if (needsNewTranslation)
            NeedsTranslation = true;
        Touch();
    }

    public void SetTranslation(string languageCode, string informalTitle, string? shortProfile, TranslationSource source)
    {
        var code = RequireCode(languageCode, 2, nameof(languageCode));
        var title = Guard.Required(informalTitle, nameof(InformalTitle), Authorities.InformalTitle.MaxLength);
        var profile = Guard.Optional(shortProfile, nameof(ShortProfile), Authorities.ShortProfile.MaxLength, multiline: true);
        var existing = _translations.FirstOrDefault(t => t.LanguageCode == code);
        if (existing is null)
            _translations.Add(new AuthorityTranslation { LanguageCode = code, InformalTitle = title, ShortProfile = profile, Source = source });
        else
        {
            existing.InformalTitle = title;
            existing.ShortProfile = profile;
            existing.Source = source;
        }
        Touch();
    }

    /// <summary>A Commission translator enters (or corrects) the translation into one language.</summary>
    public void Translate(Actor actor, string languageCode, string informalTitle, string? shortProfile)
    {
        Permissions.RequireTranslator(actor);
        if (languageCode == OriginalLanguageCode)
            throw new DomainException(Refusals.Authority.OriginalLanguageNeedsNoTranslation, nameof(languageCode));
        SetTranslation(languageCode, informalTitle, shortProfile, TranslationSource.Human);
    }

    /// <summary>
    /// A machine translation fills a language no person has translated yet; it never replaces a
    /// human translation. Returns whether it was used.
    /// </summary>
    public bool AddMachineTranslation(string languageCode, string informalTitle, string? shortProfile)
    {
        if (languageCode == OriginalLanguageCode || _translations.Any(t => t.LanguageCode == languageCode && t.Source == TranslationSource.Human))
            return false;
        SetTranslation(languageCode, informalTitle, shortProfile, TranslationSource.Machine);
        return true;
    }

    /// <summary>The translator has translated the latest change into every language.</summary>
    public void CompleteTranslation(Actor actor)
    {
        Permissions.RequireTranslator(actor);
        MarkTranslated();
    }

    public void MarkTranslated()
    {
        NeedsTranslation = false;
        Touch();
    }

    /// <summary>
    /// Given by a coordinator's data administrator (see <see cref="Coordination"/> for who may);
    /// <paramref name="coordinatorId"/>: the coordinator that coordinates the authority in that area, if not its own.
    /// </summary>
    public void GrantAreaAccess(string legislativeAreaCode, Guid? coordinatorId = null)
    {
        if (_areas.Any(a => a.LegislativeAreaCode == legislativeAreaCode))
            return;
        _areas.Add(new AreaAccess { LegislativeAreaCode = legislativeAreaCode, CoordinatorId = coordinatorId == CoordinatorId ? null : coordinatorId });
        Touch();
    }

    public const int RegionMaxLength = 100;

    public bool HasAccessTo(string legislativeAreaCode) => _areas.Any(a => a.LegislativeAreaCode == legislativeAreaCode);

    /// <summary>The coordinator that coordinates this authority in an area: the area's own, else the authority's.</summary>
    public Guid? CoordinatorFor(string legislativeAreaCode) =>
        _areas.FirstOrDefault(a => a.LegislativeAreaCode == legislativeAreaCode)?.CoordinatorId ?? CoordinatorId;

    /// <summary>Setup step 4: only a local data administrator, only authorities of the same country.</summary>
    public void Link(Actor actor, Authority other)
    {
        Permissions.RequireLocalDataAdministrator(actor, this);
        if (other.Id == Id)
            throw new DomainException(Refusals.Authority.CannotLinkToItself);
        if (other.CountryCode != CountryCode)
            throw new DomainException(Refusals.Authority.LinkOnlySameCountry);
        if (_linkedAuthorities.Any(l => l.LinkedAuthorityId == other.Id))
            return;
        _linkedAuthorities.Add(new LinkedAuthority { LinkedAuthorityId = other.Id });
        Touch();
    }

    /// <summary>Setup step 5 (and registration): a coordinator becomes request coordinator for one area.</summary>
    public void AddRequestCoordinator(string legislativeAreaCode, Authority coordinator, bool fullView = false)
    {
        if (!coordinator.IsCoordinator)
            throw new DomainException(Refusals.Authority.NotACoordinator, null, ("authority", coordinator.InformalTitle));
        if (!HasAccessTo(legislativeAreaCode))
            throw new DomainException(Refusals.Authority.NoAccessToArea, null, ("area", legislativeAreaCode));
        if (_requestCoordinators.Any(r => r.LegislativeAreaCode == legislativeAreaCode && r.CoordinatorId == coordinator.Id))
            return;
        _requestCoordinators.Add(new RequestCoordinatorLink
        {
            LegislativeAreaCode = legislativeAreaCode,
            CoordinatorId = coordinator.Id,
            FullView = fullView,
        });
        Touch();
    }

    private void SetLanguagesUnderstood(IEnumerable<string> codes)
    {
        var distinct = codes.Select(c => RequireCode(c, 2, nameof(LanguagesUnderstood))).Distinct().ToList();
        if (distinct.Count == 0)
            throw new DomainException(Refusals.Authority.LanguagesUnderstoodRequired, nameof(LanguagesUnderstood));
        _languagesUnderstood.Clear();
        _languagesUnderstood.AddRange(distinct);
    }

    private static ContactDetails ValidateContact(ContactDetails c) => new(
        Guard.Optional(c.Street, nameof(c.Street), ContactDetails.LineMaxLength),
        Guard.Optional(c.PostalCode, nameof(c.PostalCode), ContactDetails.LineMaxLength),
        Guard.Optional(c.City, nameof(c.City), ContactDetails.LineMaxLength),
        Guard.Optional(c.Region, nameof(c.Region), ContactDetails.LineMaxLength),
        Guard.Optional(c.Phone, nameof(c.Phone), ContactDetails.PhoneMaxLength),
        ValidateWebsite(c.Website));

    private static string? ValidateWebsite(string? website)
    {
        var value = Guard.Optional(website, nameof(ContactDetails.Website), ContactDetails.WebsiteMaxLength);
        if (value is null)
            return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new DomainException(Refusals.Input.NotAWebsite, nameof(ContactDetails.Website));
        return value;
    }

    private static string RequireCode(string? code, int length, string field)
    {
        var value = code?.Trim() ?? "";
        if (value.Length != length || !value.All(char.IsAsciiLetter))
            throw new DomainException(Refusals.Input.InvalidCode, field, ("code", code));
        return length == 2 && field == nameof(CountryCode) ? value.ToUpperInvariant() : value.ToLowerInvariant();
    }
}

/// <summary>The fields of setup step 1 that the authority edits itself.</summary>
public sealed record GeneralInformation(
    string InformalTitle,
    string? ShortProfile,
    AuthorityLevel Level,
    IReadOnlyList<string> LanguagesUnderstood,
    ContactDetails Contact,
    string Email);
