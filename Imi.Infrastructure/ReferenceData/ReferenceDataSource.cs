using System.Reflection;

namespace Imi.Infrastructure.ReferenceData;

/// <summary>Where the reference data files come from: the files shipped in this assembly, or (in tests) others.</summary>
public interface IReferenceDataSource
{
    /// <summary>The text of a file such as "countries.json", or null when there is none.</summary>
    string? Read(string fileName);

    /// <summary>The names of the files whose name starts with <paramref name="prefix"/>, in order.</summary>
    IReadOnlyList<string> FileNames(string prefix);
}

/// <summary>The versioned files in <c>ReferenceData/Files</c>, embedded at build.</summary>
public sealed class EmbeddedReferenceDataSource : IReferenceDataSource
{
    private static readonly Assembly Assembly = typeof(EmbeddedReferenceDataSource).Assembly;

    private const string Marker = ".ReferenceData.Files.";

    public IReadOnlyList<string> FileNames(string prefix) => Assembly.GetManifestResourceNames()
        .Where(n => n.Contains(Marker, StringComparison.Ordinal))
        .Select(n => n[(n.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..])
        .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    public string? Read(string fileName)
    {
        var name = Assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith(Marker + fileName, StringComparison.Ordinal));
        if (name is null)
            return null;
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
