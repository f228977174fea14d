namespace Imi.Tests.EndToEnd;

/// <summary>
/// The browser test classes run one after another (each still with its own portal): two or three
/// Chromium pages and a portal per class, several classes at once on two cores, starved circuits
/// until clicks were lost. The other test classes still run alongside.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
