using Imi.Domain.Common;

namespace Imi.Tests.Support;

/// <summary>The named values a refusal carries, for tests that assert a code and its values (not a sentence).</summary>
public static class RefusalAssertions
{
    public static object? Arg(this DomainException refusal, string name) =>
        refusal.Args.Single(a => a.Name == name).Value;
}
