using FluentValidation;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Setup;

namespace Imi.Portal.Forms;

/// <summary>Step 1, as the form edits it.</summary>
public sealed class GeneralInformationForm
{
    public string InformalTitle { get; set; } = "";
    public string? ShortProfile { get; set; }
    public AuthorityLevel Level { get; set; }
    public IReadOnlyCollection<string> LanguagesUnderstood { get; set; } = [];
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string Email { get; set; } = "";
    public bool NeedsNewTranslation { get; set; }

    public static GeneralInformationForm From(SetupView view) => new()
    {
        InformalTitle = view.InformalTitle,
        ShortProfile = view.ShortProfile,
        Level = view.Level,
        LanguagesUnderstood = view.LanguagesUnderstood.ToList(),
        Street = view.Contact.Street,
        PostalCode = view.Contact.PostalCode,
        City = view.Contact.City,
        Region = view.Contact.Region,
        Phone = view.Contact.Phone,
        Website = view.Contact.Website,
        Email = view.Email,
    };

    public GeneralInformation ToInfo() => new(InformalTitle, ShortProfile, Level, LanguagesUnderstood.ToList(),
        new ContactDetails(Street, PostalCode, City, Region, Phone, Website), Email);
}

/// <summary>Step 1's checks before saving; messages from the catalogue (<c>Setup.Validation.*</c>).</summary>
public sealed class GeneralInformationFormValidator : AbstractValidator<GeneralInformationForm>
{
    public GeneralInformationFormValidator(Texts texts)
    {
        RuleFor(f => f.InformalTitle).NotEmpty().WithText(texts, "Setup.Validation.InformalTitleRequired")
            .MaximumLength(InformalTitle.MaxLength).WithText(texts, "Setup.Validation.InformalTitleTooLong", ("count", InformalTitle.MaxLength));
        RuleFor(f => f.ShortProfile).MaximumLength(ShortProfile.MaxLength).WithText(texts, "Setup.Validation.ProfileTooLong", ("count", ShortProfile.MaxLength));
        RuleFor(f => f.LanguagesUnderstood).NotEmpty().WithText(texts, "Setup.Validation.LanguagesRequired");
        RuleFor(f => f.Email).Must(EmailAddress.IsValid).WithText(texts, "Setup.Validation.AuthorityEmailInvalid");
        RuleFor(f => f.Website).Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            .WithText(texts, "Setup.Validation.WebsiteInvalid");
        RuleFor(f => f.Phone).MaximumLength(ContactDetails.PhoneMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", ContactDetails.PhoneMaxLength));
        RuleFor(f => f.Street).MaximumLength(ContactDetails.LineMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", ContactDetails.LineMaxLength));
        RuleFor(f => f.City).MaximumLength(ContactDetails.LineMaxLength).WithText(texts, "Setup.Validation.TooLong", ("count", ContactDetails.LineMaxLength));
    }
}

/// <summary>Step 10: a new user.</summary>
public sealed class RegisterUserForm
{
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public string PreferredLanguageCode { get; set; } = "en";
    public bool LocalDataAdministrator { get; set; }
    public HashSet<string> HandlerAreas { get; set; } = [];

    public RegisterUser ToCommand() => new(new NewUser(GivenName, FamilyName, Email, Phone, PreferredLanguageCode),
        LocalDataAdministrator, HandlerAreas.Select(a => new AreaRoleAssignment(a, AreaRole.RequestHandler)).ToList());
}

/// <summary>Step 10's checks before registering; messages from the catalogue (<c>Setup.Validation.*</c>).</summary>
public sealed class RegisterUserFormValidator : AbstractValidator<RegisterUserForm>
{
    public RegisterUserFormValidator(Texts texts)
    {
        RuleFor(f => f.GivenName).PersonName(texts, "Setup.Validation.GivenNameRequired");
        RuleFor(f => f.FamilyName).PersonName(texts, "Setup.Validation.FamilyNameRequired");
        RuleFor(f => f.Email).Must(EmailAddress.IsValid).WithText(texts, "Setup.Validation.UserEmailInvalid");
        RuleFor(f => f.PreferredLanguageCode).NotEmpty().WithText(texts, "Setup.Validation.LanguageRequired");
        RuleFor(f => f.Phone).Phone(texts);
    }
}
