using System.Globalization;

namespace Imi.Portal.Localization;

/// <summary>
/// The reader's language of one circuit, taken when a circuit-scoped service is made (a circuit is made in
/// it). Callbacks from elsewhere — the change feed's listener, the account listener, a timer — carry no culture
/// of their own; what they cause (effects, renders) would otherwise speak the server's default language.
/// </summary>
public readonly struct CircuitCulture()
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Makes the circuit's language the current one on this thread of work.</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
