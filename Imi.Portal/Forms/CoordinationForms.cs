using FluentValidation;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;

namespace Imi.Portal.Forms;

/// <summary>Registering an authority with its first user, as the form edits it (flat: one property per field).</summary>
public sealed class RegisterAuthorityForm
{
    public string OfficialTitle { get; set; } = "";
    public string InformalTitle { get; set; } = "";
    public string OriginalLanguageCode { get; set; } = "";
    public AuthorityLevel Level { get; set; } = AuthorityLevel.National;
    public string Email { get; set; } = "";
    public CoordinatorType Kind { get; set; } = CoordinatorType.None;
    public string? Region { get; set; }
    /// <summary>The areas ticked, each with the coordinator chosen for it.</summary>
    public Dictionary<string, Guid> Areas { get; set; } = [];
    public string FirstGivenName { get; set; } = "";
    public string FirstFamilyName { get; set; } = "";
    public string FirstEmail { get; set; } = "";
    public string? FirstPhone { get; set; }
    public string FirstLanguageCode { get; set; } = "";
    /// <summary>Only the Commission chooses it (the country of the NIMIC it registers).</summary>
    public string? CountryCode { get; set; }

    public NewAuthority ToInput() => new(OfficialTitle, InformalTitle, OriginalLanguageCode, Level, Email, Kind,
        Kind == CoordinatorType.None ? null : Region,
        [.. Areas.Select(a => new AreaCoordinator(a.Key, a.Value))],
        new NewUser(FirstGivenName, FirstFamilyName, FirstEmail, FirstPhone, FirstLanguageCode), CountryCode);

    /// <summary>The form field that shows a refusal about a field of the domain's input.</summary>
    public static string FieldOf(string domainField) => domainField switch
    {
        "FirstUser.GivenName" => nameof(FirstGivenName),
        "FirstUser.FamilyName" => nameof(FirstFamilyName),
        "FirstUser.Email" => nameof(FirstEmail),
        "FirstUser.Phone" => nameof(FirstPhone),
        "FirstUser.PreferredLanguageCode" => nameof(FirstLanguageCode),
        "CoordinationRegion" => nameof(Region),
        _ => domainField,
    };
}

/// <summary>The registration form's checks before registering; the domain checks again (and the rights).</summary>
public sealed class RegisterAuthorityFormValidator : AbstractValidator<RegisterAuthorityForm>
{
    public RegisterAuthorityFormValidator(Texts texts)
    {
        RuleFor(f => f.OfficialTitle).OfficialTitle(texts);
        RuleFor(f => f.InformalTitle).InformalTitle(texts);
        RuleFor(f => f.OriginalLanguageCode).NotEmpty().WithText(texts, "Authorities.Register.Validation.LanguageRequired");
        RuleFor(f => f.Email).Must(EmailAddress.IsValid).WithText(texts, "Setup.Validation.AuthorityEmailInvalid");
        RuleFor(f => f.Region).NotEmpty().When(f => f.Kind is CoordinatorType.Sdimic or CoordinatorType.Limic)
            .WithText(texts, "Refusals.Coordination.RegionRequired")
            .MaximumLength(Authority.RegionMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", Authority.RegionMaxLength));
        RuleFor(f => f.Areas).NotEmpty().WithText(texts, "Refusals.Coordination.AreasRequired");
        RuleFor(f => f.FirstGivenName).PersonName(texts, "Setup.Validation.GivenNameRequired");
        RuleFor(f => f.FirstFamilyName).PersonName(texts, "Setup.Validation.FamilyNameRequired");
        RuleFor(f => f.FirstEmail).Must(EmailAddress.IsValid).WithText(texts, "Setup.Validation.UserEmailInvalid");
        RuleFor(f => f.FirstLanguageCode).NotEmpty().WithText(texts, "Setup.Validation.LanguageRequired");
        RuleFor(f => f.FirstPhone).Phone(texts);
    }
}

/// <summary>The public application form (a static page: posted, checked on the server, shown again as typed when refused).</summary>
public sealed class ApplicationForm
{
    public string CountryCode { get; set; } = "";
    public string OfficialTitle { get; set; } = "";
    public string InformalTitle { get; set; } = "";
    public string OriginalLanguageCode { get; set; } = "";
    public AuthorityLevel Level { get; set; } = AuthorityLevel.National;
    public string Email { get; set; } = "";
    public string? Region { get; set; }
    /// <summary>One per legislative area offered, ticked or not (a posted form carries each one's code and box).</summary>
    public List<AreaChoice> Areas { get; set; } = [];
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string ApplicantEmail { get; set; } = "";
    public string? Phone { get; set; }
    public string PreferredLanguageCode { get; set; } = "";
    public string Reason { get; set; } = "";

    public NewApplication ToInput() => new(CountryCode, OfficialTitle, InformalTitle, OriginalLanguageCode, Level, Email, Region,
        [.. Areas.Where(a => a.Asked).Select(a => a.Code)], new NewUser(GivenName, FamilyName, ApplicantEmail, Phone, PreferredLanguageCode), Reason);

    /// <summary>The form field that shows a refusal about a field of the domain's input.</summary>
    public static string? FieldOf(string? domainField) => domainField switch
    {
        null => null,
        "AreaCodes" => nameof(Areas),
        "Applicant.GivenName" => nameof(GivenName),
        "Applicant.FamilyName" => nameof(FamilyName),
        "Applicant.Email" => nameof(ApplicantEmail),
        "Applicant.Phone" => nameof(Phone),
        "Applicant.PreferredLanguageCode" => nameof(PreferredLanguageCode),
        _ => domainField,
    };
}

public sealed class AreaChoice
{
    public string Code { get; set; } = "";
    public bool Asked { get; set; }
}

/// <summary>The application form's checks; the domain checks again.</summary>
public sealed class ApplicationFormValidator : AbstractValidator<ApplicationForm>
{
    public ApplicationFormValidator(Texts texts)
    {
        RuleFor(f => f.CountryCode).NotEmpty().WithText(texts, "Authorities.Apply.Validation.CountryRequired");
        RuleFor(f => f.OfficialTitle).OfficialTitle(texts);
        RuleFor(f => f.InformalTitle).InformalTitle(texts);
        RuleFor(f => f.OriginalLanguageCode).NotEmpty().WithText(texts, "Authorities.Register.Validation.LanguageRequired");
        RuleFor(f => f.Email).Must(EmailAddress.IsValid).WithText(texts, "Setup.Validation.AuthorityEmailInvalid");
        RuleFor(f => f.Region).MaximumLength(Authority.RegionMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", Authority.RegionMaxLength));
        RuleFor(f => f.Areas).Must(areas => areas.Any(a => a.Asked)).WithText(texts, "Refusals.Coordination.AreasRequired");
        RuleFor(f => f.GivenName).PersonName(texts, "Setup.Validation.GivenNameRequired");
        RuleFor(f => f.FamilyName).PersonName(texts, "Setup.Validation.FamilyNameRequired");
        RuleFor(f => f.ApplicantEmail).Must(EmailAddress.IsValid).WithText(texts, "Setup.Validation.UserEmailInvalid");
        RuleFor(f => f.PreferredLanguageCode).NotEmpty().WithText(texts, "Setup.Validation.LanguageRequired");
        RuleFor(f => f.Phone).Phone(texts);
        RuleFor(f => f.Reason).NotEmpty().WithText(texts, "Authorities.Apply.Validation.ReasonRequired")
            .MaximumLength(Authority.ReasonMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", Authority.ReasonMaxLength));
    }
}

/// <summary>The checks the forms about authorities and people share, with their texts.</summary>
public static class FieldRules
{
    public static IRuleBuilderOptions<T, string> OfficialTitle<T>(this IRuleBuilder<T, string> rule, Texts texts) =>
        rule.NotEmpty().WithText(texts, "Authorities.Register.Validation.OfficialTitleRequired")
            .MaximumLength(Imi.Domain.Authorities.OfficialTitle.MaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", Imi.Domain.Authorities.OfficialTitle.MaxLength));

    public static IRuleBuilderOptions<T, string> InformalTitle<T>(this IRuleBuilder<T, string> rule, Texts texts) =>
        rule.NotEmpty().WithText(texts, "Setup.Validation.InformalTitleRequired")
            .MaximumLength(Imi.Domain.Authorities.InformalTitle.MaxLength).WithText(texts, "Setup.Validation.InformalTitleTooLong", ("count", Imi.Domain.Authorities.InformalTitle.MaxLength));

    public static IRuleBuilderOptions<T, string> PersonName<T>(this IRuleBuilder<T, string> rule, Texts texts, string requiredKey) =>
        rule.NotEmpty().WithText(texts, requiredKey)
            .MaximumLength(User.NameMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", User.NameMaxLength));

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule, Texts texts) =>
        rule.MaximumLength(User.PhoneMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", User.PhoneMaxLength));
}
