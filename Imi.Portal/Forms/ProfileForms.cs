using FluentValidation;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Users;

namespace Imi.Portal.Forms;

/// <summary>"My profile": names and telephone.</summary>
public sealed class ContactForm
{
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string? Phone { get; set; }

    public static ContactForm From(ProfileView view) => new() { GivenName = view.GivenName, FamilyName = view.FamilyName, Phone = view.Phone };

    public ContactChange ToChange() => new(GivenName, FamilyName, Phone);
}

/// <summary>Messages in the reader's language, taken when the form is checked (the circuit's culture).</summary>
public sealed class ContactFormValidator : AbstractValidator<ContactForm>
{
    public ContactFormValidator(Texts texts)
    {
        RuleFor(f => f.GivenName).NotEmpty().WithMessage(_ => texts["Profile.Contact.GivenName.Required"])
            .MaximumLength(User.NameMaxLength).WithMessage(_ => texts["Profile.Contact.TooLong", ("count", User.NameMaxLength)]);
        RuleFor(f => f.FamilyName).NotEmpty().WithMessage(_ => texts["Profile.Contact.FamilyName.Required"])
            .MaximumLength(User.NameMaxLength).WithMessage(_ => texts["Profile.Contact.TooLong", ("count", User.NameMaxLength)]);
        RuleFor(f => f.Phone).MaximumLength(User.PhoneMaxLength).WithMessage(_ => texts["Profile.Contact.TooLong", ("count", User.PhoneMaxLength)]);
    }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The same rules as at first sign-in (<c>SetCredentialsFormValidator</c>); the server checks them again, and the common passwords.</summary>
public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public const int PasswordMinLength = 10;

    public ChangePasswordFormValidator(Texts texts)
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => texts["Profile.Password.Current.Required"]);
        RuleFor(f => f.NewPassword)
            .MinimumLength(PasswordMinLength).WithMessage(_ => texts["Profile.Password.Rules.MinLength", ("count", PasswordMinLength)])
            .Matches("[a-z]").WithMessage(_ => texts["Profile.Password.Rules.Lower"])
            .Matches("[A-Z]").WithMessage(_ => texts["Profile.Password.Rules.Upper"])
            .Matches("[0-9]").WithMessage(_ => texts["Profile.Password.Rules.Digit"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(_ => texts["Profile.Password.Rules.Differ"]);
    }
}

public sealed class ChangeSecurityCodeForm
{
    public string CurrentPassword { get; set; } = "";
    public string CurrentSecurityCode { get; set; } = "";
    public string NewSecurityCode { get; set; } = "";
    public string ConfirmSecurityCode { get; set; } = "";
}

public sealed class ChangeSecurityCodeFormValidator : AbstractValidator<ChangeSecurityCodeForm>
{
    private static readonly string TwelveDigits = $"^[0-9]{{{SecurityCode.Length}}}$";

    public ChangeSecurityCodeFormValidator(Texts texts)
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => texts["Profile.Password.Current.Required"]);
        RuleFor(f => f.CurrentSecurityCode).Matches(TwelveDigits)
            .WithMessage(_ => texts["Profile.SecurityCode.Current.Whole", ("count", SecurityCode.Length)]);
        RuleFor(f => f.NewSecurityCode).Matches(TwelveDigits)
            .WithMessage(_ => texts["Profile.SecurityCode.Rules.Length", ("count", SecurityCode.Length)]);
        RuleFor(f => f.ConfirmSecurityCode).Equal(f => f.NewSecurityCode).WithMessage(_ => texts["Profile.SecurityCode.Rules.Differ"]);
    }
}
