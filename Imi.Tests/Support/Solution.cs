namespace Imi.Tests.Support;

/// <summary>The repository the tests run from (the folder of Imi.Portal.sln), for tests that read its files.</summary>
public static class Solution
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Imi.Portal.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Imi.Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
