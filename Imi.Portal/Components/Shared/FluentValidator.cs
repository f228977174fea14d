using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Imi.Portal.Components.Shared;

/// <summary>
/// Runs a FluentValidation validator inside an <see cref="EditForm"/>: messages appear next to
/// each field (through ValidationMessage), and <see cref="AddServerError"/> puts a message the
/// server returned (a domain rule) next to its field, keeping what the user typed.
/// </summary>
public sealed class FluentValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _context;

    [CascadingParameter] private EditContext? CurrentEditContext { get; set; }

    [Parameter, EditorRequired] public IValidator Validator { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
            throw new InvalidOperationException($"{nameof(FluentValidator)} must be inside an EditForm.");
        if (ReferenceEquals(CurrentEditContext, _context))
            return;
        Detach();
        _context = CurrentEditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidateAll;
        _context.OnFieldChanged += ValidateField;
    }

    /// <summary>Shows <paramref name="message"/> next to <paramref name="field"/> (or for the form when null).</summary>
    public void AddServerError(string? field, string message)
    {
        if (_context is null || _messages is null)
            return;
        var identifier = field is null ? new FieldIdentifier(_context.Model, string.Empty) : _context.Field(field);
        _messages.Add(identifier, message);
        _context.NotifyValidationStateChanged();
    }

    private void ValidateAll(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        var result = Validator.Validate(new ValidationContext<object>(_context!.Model));
        foreach (var error in result.Errors)
            _messages.Add(_context.Field(error.PropertyName), error.ErrorMessage);
        _context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        _messages!.Clear(field);
        var context = new ValidationContext<object>(_context!.Model, new FluentValidation.Internal.PropertyChain(),
            new FluentValidation.Internal.MemberNameValidatorSelector([field.FieldName]));
        foreach (var error in Validator.Validate(context).Errors)
            _messages.Add(field, error.ErrorMessage);
        _context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_context is null)
            return;
        _context.OnValidationRequested -= ValidateAll;
        _context.OnFieldChanged -= ValidateField;
        _messages?.Clear();
    }

    public void Dispose() => Detach();
}
