using FluentValidation;
using Imi.Infrastructure.Localization;

namespace Imi.Portal.Forms;

public static class FluentValidationForMudForm
{
    /// <summary>
    /// Turns a validator into MudForm's <c>Validation</c> function: each field shows the messages of
    /// its own property, next to it.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(
                ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };

    /// <summary>
    /// The rule's message as a text of the catalogue, in the reader's language at the time the
    /// form is validated (not when the validator was built).
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Texts texts, string key, params TextArg[] args) =>
        rule.WithMessage(_ => texts[key, args]);
}
