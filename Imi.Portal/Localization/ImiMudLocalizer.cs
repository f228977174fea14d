using Imi.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Imi.Portal.Localization;

/// <summary>
/// MudBlazor's own texts (pager, date picker, close buttons, required field) from our catalogue, under
/// <c>Mud.&lt;MudBlazor's key&gt;</c>; MudBlazor's English where we have none (a key it added in a new version).
/// </summary>
public sealed class ImiMudLocalizer(Texts texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var ours = "Mud." + key;
            return texts.Catalog.Has(ours) ? new LocalizedString(key, texts[ours]) : base[key];
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var ours = "Mud." + key;
            if (!texts.Catalog.Has(ours))
                return base[key, arguments];
            return new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, texts[ours], arguments));
        }
    }
}
