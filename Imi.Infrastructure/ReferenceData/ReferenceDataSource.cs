using System.Reflection;

namespace Imi.Infrastructure.ReferenceData;

/// <summary>Where the reference data files come from: the files shipped in this assembly, or (in tests) others.</summary>
public interface IReferenceDataSource
{
    /// <summary>The text of a file such as "countries.json", or null when there is none.</summary>
    string? Read(string fileName);
}

/// <summary>The versioned files in <c>ReferenceData/Files</c>, embedded at build.</summary>
public sealed class EmbeddedReferenceDataSource : IReferenceDataSource
{
    private static readonly Assembly Assembly = typeof(EmbeddedReferenceDataSource).Assembly;

    public string? Read(string fileName)
    {
        var name = Assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith(".ReferenceData.Files." + fileName, StringComparison.Ordinal));
        if (name is null)
            return null;
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
