using System.Reflection;
using System.Text.RegularExpressions;
using Imi.Portal.Components.Shared;
using Imi.Tests.Support;

namespace Imi.Tests.Portal;

/// <summary>
/// The pages everyone keeps open write MudBlazor's markup themselves (<see cref="MudLook"/>, decision 013): every
/// <c>mud-</c> class they name must exist in MudBlazor's stylesheet, or an upgrade would leave them unstyled unnoticed.
/// </summary>
public partial class MudLookTests
{
    private static readonly Lazy<HashSet<string>> StylesheetClasses = new(() =>
    {
        // MudBlazor's whole stylesheet: the part the portal serves and every selector the build left out of it.
        var css = File.ReadAllText(Solution.PathOf("Imi.Portal", "wwwroot", "lib", "mudblazor", "MudBlazor.portal.min.css")) +
                  File.ReadAllText(Solution.PathOf("Imi.Portal", "obj", "mudblazor-dropped-selectors.txt"));
        return CssClass().Matches(css).Select(m => m.Groups[1].Value).ToHashSet();
    });

    [Fact]
    public void MudLooksClasses_AreAllInMudBlazorsStylesheet()
    {
        var looks = typeof(MudLook).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            .Append(MudLook.Button("text", "inherit")).Append(MudLook.Button("outlined", "inherit"));
        Assert.Empty(looks.SelectMany(Tokens).Where(c => !StylesheetClasses.Value.Contains(c)).Distinct());
    }

    [Fact]
    public void TheMudClassesWrittenInTheComponents_AreAllInMudBlazorsStylesheet()
    {
        var components = Solution.PathOf("Imi.Portal", "Components");
        var missing = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => QuotedMudClasses().Matches(File.ReadAllText(file))
                .SelectMany(m => Tokens(m.Groups[1].Value))
                .Where(c => !StylesheetClasses.Value.Contains(c))
                .Select(c => $"{Path.GetFileName(file)}: {c}"))
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void TheCheck_FindsAClassTheStylesheetLacks()
    {
        Assert.Contains("mud-button-root", StylesheetClasses.Value);
        Assert.DoesNotContain("mud-chip-color-plaid", StylesheetClasses.Value);
    }

    // The literal mud- classes of a class attribute (or of a C# string), not the parts an expression builds.
    private static IEnumerable<string> Tokens(string classes) =>
        Regex.Split(classes, @"[\s""+()]+").Where(t => t.StartsWith("mud-", StringComparison.Ordinal) && MudToken().IsMatch(t));

    [GeneratedRegex(@"\.(mud-[a-z0-9-]+)")]
    private static partial Regex CssClass();

    // Class attributes and the C# strings that build them: any quoted text naming a mud- class.
    [GeneratedRegex(@"""([^""\n]*mud-[^""\n]*)""")]
    private static partial Regex QuotedMudClasses();

    [GeneratedRegex(@"^mud-[a-z0-9-]+$")]
    private static partial Regex MudToken();
}
