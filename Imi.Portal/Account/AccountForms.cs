using FluentValidation;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;

namespace Imi.Portal.Account;

public sealed class SignInForm
{
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
}

// Messages are looked up when a rule fails, so in the culture of the request or circuit that validates.
public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator(Texts texts)
    {
        RuleFor(f => f.Username).NotEmpty().WithMessage(_ => texts["Account.SignIn.Username.Required"]);
        RuleFor(f => f.Password).NotEmpty().WithMessage(_ => texts["Account.SignIn.Password.Required"]);
    }
}

public sealed class SecurityCodeForm
{
    public string Digit1 { get; set; } = "";
    public string Digit2 { get; set; } = "";
    public string Digit3 { get; set; } = "";

    public string Digits => Digit1.Trim() + Digit2.Trim() + Digit3.Trim();
}

public sealed class SecurityCodeFormValidator : AbstractValidator<SecurityCodeForm>
{
    public SecurityCodeFormValidator(Texts texts)
    {
        RuleFor(f => f.Digit1).Matches("^[0-9]$").WithMessage(_ => texts["Account.SecurityCode.DigitRequired"]);
        RuleFor(f => f.Digit2).Matches("^[0-9]$").WithMessage(_ => texts["Account.SecurityCode.DigitRequired"]);
        RuleFor(f => f.Digit3).Matches("^[0-9]$").WithMessage(_ => texts["Account.SecurityCode.DigitRequired"]);
    }
}

public sealed class SetCredentialsForm
{
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public string SecurityCode { get; set; } = "";
    public string ConfirmSecurityCode { get; set; } = "";
}

public sealed class SetCredentialsFormValidator : AbstractValidator<SetCredentialsForm>
{
    public const int PasswordMinLength = 10;

    public SetCredentialsFormValidator(Texts texts)
    {
        const string messages = "Account.FirstSignIn.Validation.";
        RuleFor(f => f.NewPassword)
            .MinimumLength(PasswordMinLength).WithMessage(_ => texts[messages + "PasswordTooShort", ("count", PasswordMinLength)])
            .Matches("[a-z]").WithMessage(_ => texts[messages + "PasswordLowerCase"])
            .Matches("[A-Z]").WithMessage(_ => texts[messages + "PasswordUpperCase"])
            .Matches("[0-9]").WithMessage(_ => texts[messages + "PasswordDigit"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(_ => texts[messages + "PasswordsDiffer"]);
        RuleFor(f => f.SecurityCode)
            .Matches($"^[0-9]{{{Domain.Users.SecurityCode.Length}}}$")
            .WithMessage(_ => texts[messages + "SecurityCodeLength", ("count", Domain.Users.SecurityCode.Length)]);
        RuleFor(f => f.ConfirmSecurityCode).Equal(f => f.SecurityCode).WithMessage(_ => texts[messages + "SecurityCodesDiffer"]);
    }
}
