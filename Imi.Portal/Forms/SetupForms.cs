using FluentValidation;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Users;
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

public sealed class GeneralInformationFormValidator : AbstractValidator<GeneralInformationForm>
{
    public GeneralInformationFormValidator()
    {
        RuleFor(f => f.InformalTitle).NotEmpty().WithMessage("Give your authority a short, clear informal title.")
            .MaximumLength(InformalTitle.MaxLength).WithMessage($"Keep the informal title under {InformalTitle.MaxLength} characters.");
        RuleFor(f => f.ShortProfile).MaximumLength(ShortProfile.MaxLength).WithMessage($"Keep the profile under {ShortProfile.MaxLength} characters.");
        RuleFor(f => f.LanguagesUnderstood).NotEmpty().WithMessage("Name at least one language understood in your authority.");
        RuleFor(f => f.Email).Must(EmailAddress.IsValid).WithMessage("Enter a valid e-mail address: alerts go there.");
        RuleFor(f => f.Website).Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            .WithMessage("Enter a full address starting with https://.");
        RuleFor(f => f.Phone).MaximumLength(ContactDetails.PhoneMaxLength);
        RuleFor(f => f.Street).MaximumLength(ContactDetails.LineMaxLength);
        RuleFor(f => f.City).MaximumLength(ContactDetails.LineMaxLength);
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

public sealed class RegisterUserFormValidator : AbstractValidator<RegisterUserForm>
{
    public RegisterUserFormValidator()
    {
        RuleFor(f => f.GivenName).NotEmpty().WithMessage("Enter the given name.").MaximumLength(User.NameMaxLength);
        RuleFor(f => f.FamilyName).NotEmpty().WithMessage("Enter the family name.").MaximumLength(User.NameMaxLength);
        RuleFor(f => f.Email).Must(EmailAddress.IsValid).WithMessage("Enter the user's personal e-mail address.");
        RuleFor(f => f.PreferredLanguageCode).NotEmpty().WithMessage("Choose a preferred working language.");
        RuleFor(f => f.Phone).MaximumLength(User.PhoneMaxLength);
    }
}
