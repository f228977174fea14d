// An MSBuild task compiled by the build itself (RoslynCodeTaskFactory, Imi.Portal.csproj), not part of the portal.
// It writes the portal's part of MudBlazor's stylesheet: a live page needs the rules of the MudBlazor components the
// portal renders, of the classes its own markup writes and of the helper classes MudBlazor's code writes; the other
// three quarters (spacing helpers at every breakpoint, the timeline, the data grid, the slider, ...) are left out.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class MudBlazorStylesheetSubset : Task
{
    /// <summary>MudBlazor's whole stylesheet (MudBlazor.min.css of the package).</summary>
    [Required] public string Stylesheet { get; set; } = "";

    /// <summary>MudBlazor.dll: the class names its components write are string literals in it.</summary>
    [Required] public string MudBlazorAssembly { get; set; } = "";

    /// <summary>The portal's components, code and scripts: every class name they could write.</summary>
    [Required] public ITaskItem[] PortalSources { get; set; } = [];

    /// <summary>
    /// Class families (e.g. mud-timeline) of MudBlazor components the portal does not render: their rules are kept only
    /// for the class names the portal's own markup writes (the shell writes the drawer's and the tabs' classes itself).
    /// </summary>
    [Required] public string FamiliesNotRendered { get; set; } = "";

    [Required] public string Output { get; set; } = "";

    /// <summary>One selector per line, every one left out: the browser tests check that none matches a page they see.</summary>
    [Required] public string DroppedSelectorsOutput { get; set; } = "";

    private HashSet<string> _portalNames = [];
    private HashSet<string> _mudBlazorNames = [];
    private List<string> _mudBlazorPrefixes = [];
    private string[] _familiesNotRendered = [];
    private readonly SortedSet<string> _dropped = new(StringComparer.Ordinal);

    public override bool Execute()
    {
        var css = File.ReadAllText(Stylesheet);
        _portalNames = PortalNames();
        (_mudBlazorNames, _mudBlazorPrefixes) = MudBlazorNames();
        _familiesNotRendered = FamiliesNotRendered.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Trim()).ToArray();

        var subset = Filter(css);
        Directory.CreateDirectory(Path.GetDirectoryName(Output)!);
        WriteIfChanged(Output, subset);
        WriteIfChanged(DroppedSelectorsOutput, string.Join("\n", _dropped) + "\n");
        Log.LogMessage(MessageImportance.Normal, $"MudBlazor stylesheet: {css.Length:N0} → {subset.Length:N0} characters");
        return true;
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
            File.WriteAllText(path, text);
    }

    // Words of the portal's sources; "hover:mud-inherit-hover" both whole and in its parts.
    private HashSet<string> PortalNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in PortalSources)
            foreach (Match word in Regex.Matches(File.ReadAllText(source.ItemSpec), @"[A-Za-z][\w:-]*"))
            {
                names.Add(word.Value);
                foreach (var part in word.Value.Split(':'))
                    names.Add(part);
            }
        return names;
    }

    // The assembly's string literals are UTF-16: runs of printable ASCII, each followed by a zero byte. A literal ending
    // in '-' ("gap-", "hover:mud-") is the start of a class name the component completes at run time.
    private (HashSet<string> Names, List<string> Prefixes) MudBlazorNames()
    {
        var bytes = File.ReadAllBytes(MudBlazorAssembly);
        var names = new HashSet<string>(StringComparer.Ordinal);
        AddUtf16Runs(bytes, 0, names);
        AddUtf16Runs(bytes, 1, names); // a literal may start on either byte
        var prefixes = names.Where(n => Regex.IsMatch(n, "^[a-z]+([:-][a-z]+)*-$")).ToList();
        return (names, prefixes);
    }

    private static void AddUtf16Runs(byte[] bytes, int start, HashSet<string> names)
    {
        var run = new StringBuilder();
        for (var i = start; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i + 1] == 0 && bytes[i] >= 0x20 && bytes[i] < 0x7f)
            {
                run.Append((char)bytes[i]);
                continue;
            }
            AddWords(run.ToString(), names);
            run.Clear();
        }
        AddWords(run.ToString(), names);
    }

    private static void AddWords(string text, HashSet<string> names)
    {
        if (text.Length < 2) return;
        foreach (var word in text.Split(new[] { ' ', '"', '\'', '{', '}', '(', ')', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            names.Add(word);
    }

    private bool Needed(string className)
    {
        if (_portalNames.Contains(className))
            return true;
        if (className.StartsWith("mud-", StringComparison.Ordinal))
            return !_familiesNotRendered.Any(f => className == f || className.StartsWith(f + "-", StringComparison.Ordinal));
        return _mudBlazorNames.Contains(className) || _mudBlazorPrefixes.Any(p => className.StartsWith(p, StringComparison.Ordinal));
    }

    // A selector can match only where all its class names are; those inside :not(...) or :where(...) need not be.
    private static readonly Regex Optional = new(@":(not|where)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|\[[^\]]*\]");
    private static readonly Regex ClassName = new(@"\.((?:[\w-]|\\.)+)");

    private bool Keeps(string selector) =>
        ClassName.Matches(Optional.Replace(selector, ""))
            .Cast<Match>()
            .All(m => Needed(Regex.Replace(m.Groups[1].Value, @"\\(.)", "$1")));

    // Minified CSS: comments, at-rules (@media and @supports filtered inside, the others kept whole) and rules.
    private string Filter(string css)
    {
        var output = new StringBuilder(css.Length / 3);
        var i = 0;
        while (i < css.Length)
        {
            if (char.IsWhiteSpace(css[i])) { i++; continue; }
            if (string.CompareOrdinal(css, i, "/*", 0, 2) == 0)
            {
                var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? css.Length : close + 2;
                output.Append(css, i, end - i);
                i = end;
                continue;
            }
            var open = Next(css, i, '{', ';');
            if (open < 0 || css[open] == ';')
            {
                var end = open < 0 ? css.Length : open + 1;
                output.Append(css, i, end - i);
                i = end;
                continue;
            }
            var prelude = css.Substring(i, open - i).Trim();
            var blockEnd = BlockEnd(css, open);
            var body = css.Substring(open + 1, blockEnd - open - 1);
            i = blockEnd + 1;

            if (prelude.StartsWith("@media", StringComparison.Ordinal) || prelude.StartsWith("@supports", StringComparison.Ordinal))
            {
                var inner = Filter(body);
                if (inner.Length > 0)
                    output.Append(prelude).Append('{').Append(inner).Append('}');
            }
            else if (prelude.StartsWith("@", StringComparison.Ordinal))
                output.Append(prelude).Append('{').Append(body).Append('}');
            else
            {
                var selectors = SplitSelectors(prelude);
                var kept = selectors.Where(Keeps).ToList();
                foreach (var dropped in selectors.Except(kept))
                    _dropped.Add(dropped);
                if (kept.Count > 0)
                    output.Append(string.Join(",", kept)).Append('{').Append(body).Append('}');
            }
        }
        return output.ToString();
    }

    // The first of the characters outside strings, parentheses and brackets.
    private static int Next(string css, int i, char a, char b)
    {
        var depth = 0;
        for (; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '"' || c == '\'') { i = StringEnd(css, i); continue; }
            if (c == '\\') { i++; continue; }
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (depth == 0 && (c == a || c == b)) return i;
        }
        return -1;
    }

    private static int BlockEnd(string css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '"' || c == '\'') { i = StringEnd(css, i); continue; }
            if (c == '\\') { i++; continue; }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        throw new InvalidDataException("A block of MudBlazor's stylesheet does not close.");
    }

    private static int StringEnd(string css, int start)
    {
        for (var i = start + 1; i < css.Length; i++)
        {
            if (css[i] == '\\') { i++; continue; }
            if (css[i] == css[start]) return i;
        }
        return css.Length - 1;
    }

    private static List<string> SplitSelectors(string prelude)
    {
        var parts = new List<string>();
        var start = 0;
        while (true)
        {
            var comma = Next(prelude, start, ',', ',');
            if (comma < 0) break;
            parts.Add(prelude.Substring(start, comma - start).Trim());
            start = comma + 1;
        }
        parts.Add(prelude.Substring(start).Trim());
        return parts;
    }
}
