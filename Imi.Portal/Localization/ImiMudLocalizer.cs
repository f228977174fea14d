using Imi.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Imi.Portal.Localization;

/// <summary>
/// MudBlazor's own texts (pager, date picker, close buttons, required field) from our catalogue, under
/// <c>Mud.&lt;MudBlazor's key&gt;</c> (<c>Texts/Mud/*.json</c>; MudBlazor's keys hold no dots, so they are one
/// segment each); MudBlazor's English where we have none (a key it added in a new version, or a
/// letter-free operator such as "&gt;="). MudBlazor's positional placeholders are kept as they are in the
/// texts (<c>{0}</c>, <c>{1}</c>): the catalogue reads them as placeholders named "0", "1", filled here.
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
            var named = new TextArg[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
                named[i] = new TextArg(i.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments[i]);
            return new LocalizedString(key, texts[ours, named]);
        }
    }
}
