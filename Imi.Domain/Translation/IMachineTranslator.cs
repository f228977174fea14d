namespace Imi.Domain.Translation;

/// <summary>
/// A machine-translation service (self-hosted or the EU's). Its translations are labelled as such
/// and give way to a translator's.
/// </summary>
public interface IMachineTranslator
{
    /// <summary>The translation, or null when the service cannot translate this pair of languages.</summary>
    Task<string?> TranslateAsync(string text, string fromLanguage, string toLanguage, CancellationToken cancellationToken = default);
}
