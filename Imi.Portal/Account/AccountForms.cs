using FluentValidation;
using Imi.Domain.Users;

namespace Imi.Portal.Account;

public sealed class SignInForm
{
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Username).NotEmpty().WithMessage("Enter your username.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.");
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
    public SecurityCodeFormValidator()
    {
        RuleFor(f => f.Digit1).Matches("^[0-9]$").WithMessage("Enter one digit (0–9).");
        RuleFor(f => f.Digit2).Matches("^[0-9]$").WithMessage("Enter one digit (0–9).");
        RuleFor(f => f.Digit3).Matches("^[0-9]$").WithMessage("Enter one digit (0–9).");
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

    public SetCredentialsFormValidator()
    {
        RuleFor(f => f.NewPassword)
            .MinimumLength(PasswordMinLength).WithMessage($"Use at least {PasswordMinLength} characters.")
            .Matches("[a-z]").WithMessage("Use at least one lower-case letter.")
            .Matches("[A-Z]").WithMessage("Use at least one upper-case letter.")
            .Matches("[0-9]").WithMessage("Use at least one digit.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The two passwords differ.");
        RuleFor(f => f.SecurityCode)
            .Matches($"^[0-9]{{{Domain.Users.SecurityCode.Length}}}$")
            .WithMessage($"The security code is exactly {Domain.Users.SecurityCode.Length} digits.");
        RuleFor(f => f.ConfirmSecurityCode).Equal(f => f.SecurityCode).WithMessage("The two security codes differ.");
    }
}
