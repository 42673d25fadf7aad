using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Validation;

/// <summary>
/// Reads values out of a YAML tree by their expected shape and reports, with the node's line and column,
/// every value that has another shape. Each method returns null (after reporting) when the value is unusable,
/// so a caller checks everything in one pass and the user sees every problem at once.
/// </summary>
internal sealed class YamlNodeReader(string file)
{
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Everything reported so far, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The file the positions refer to.</summary>
    public string File => file;

    public void Report(YamlNode node, string message) => Report(node.Start, message);

    public void Report(Mark mark, string message) =>
        _diagnostics.Add(new Diagnostic(file, YamlText.Line(mark), YamlText.Column(mark), message));

    /// <summary>A problem the file's consumer tolerates (CodeBuild runs the buildspec anyway), printed as a warning.</summary>
    public void Warn(YamlNode node, string message) =>
        _diagnostics.Add(new Diagnostic(file, YamlText.Line(node.Start), YamlText.Column(node.Start), message) { Severity = DiagnosticSeverity.Warning });

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>True for an empty value, <c>~</c> or <c>null</c> written without quotes.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A short description of what a node is, for messages: "a list", "a mapping", "empty", "the text "x"".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "empty",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode scalar => $"the text \"{Shorten(scalar.Value ?? string.Empty)}\"",
        _ => "an alias",
    };

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Report(node, $"{what} must be a mapping of keys to values, not {Describe(node)}");
        return null;
    }

    /// <summary>
    /// The entries of a mapping whose keys are plain text; with <paramref name="known"/>, a key outside it is
    /// reported (naming the closest known key) and skipped: as an error, or with <paramref name="warnUnknown"/>
    /// as a warning (CodeBuild logs "keys cannot be identified" and runs the buildspec anyway).
    /// </summary>
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping, string what, IReadOnlyCollection<string>? known = null, bool warnUnknown = false)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey || IsNull(keyNode))
            {
                Report(keyNode, $"{what}: keys must be plain names, not {Describe(keyNode)}");
                continue;
            }

            if (known is not null && !known.Contains(key))
            {
                var suggestion = KeySuggestion.Closest(key, known);
                var hint = suggestion is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean '{suggestion}'?";
                var message = $"unknown key '{SafeFragment.Of(key)}' in {what} ({hint})";
                if (warnUnknown)
                {
                    Warn(keyNode, message + "; it is ignored");
                }
                else
                {
                    Report(keyNode, message);
                }

                continue;
            }

            yield return (key, scalarKey, value);
        }
    }

    /// <summary>A text value (numbers and booleans are text in YAML's representation too), or null when it is a list, mapping or empty.</summary>
    public string? Scalar(YamlNode node, string what, bool allowEmpty = false)
    {
        if (node is YamlScalarNode scalar && (!IsNull(node) || allowEmpty))
        {
            return scalar.Value ?? string.Empty;
        }

        Report(node, $"{what} must be a single value, not {Describe(node)}");
        return null;
    }

    /// <summary>A non-empty list of text values; a mapping inside the list is the usual sign of an unquoted ': '.</summary>
    public IReadOnlyList<string>? StringList(YamlNode node, string what, bool allowScalar = false)
    {
        if (allowScalar && node is YamlScalarNode && !IsNull(node))
        {
            return [((YamlScalarNode)node).Value ?? string.Empty];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(node, $"{what} must be a list (lines starting with '- '), not {Describe(node)}");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            Report(node, $"{what} is an empty list: give at least one item or remove the key");
            return null;
        }

        var items = new List<string>();
        var ok = true;
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && !IsNull(item))
            {
                items.Add(scalar.Value ?? string.Empty);
            }
            else
            {
                ok = false;
                ReportNotText(item, what);
            }
        }

        return ok ? items : null;
    }

    /// <summary>
    /// Reports each item of <paramref name="sequence"/> that is a list or a mapping (an empty item is left to the
    /// caller); true when at least one item is text.
    /// </summary>
    public bool TextItems(YamlSequenceNode sequence, string what)
    {
        var text = false;
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode)
            {
                text |= !IsNull(item);
            }
            else
            {
                ReportNotText(item, what);
            }
        }

        return text;
    }

    /// <summary>A mapping where text was expected is the usual sign of an unquoted ': ' in the item.</summary>
    private void ReportNotText(YamlNode item, string what)
    {
        if (item is YamlMappingNode mapping)
        {
            var colon = mapping.Children.Count == 1 && mapping.Children.First().Key is YamlScalarNode k
                ? $" (YAML read '{Shorten(k.Value ?? string.Empty)}: ...' as a key: put the item in quotes when it contains ': ')"
                : string.Empty;
            Report(item, $"each item of {what} must be text, not a mapping{colon}");
            return;
        }

        Report(item, $"each item of {what} must be text, not {Describe(item)}");
    }

    /// <summary>A mapping of names to text values, e.g. environment variables.</summary>
    public IReadOnlyDictionary<string, string>? StringMap(YamlNode node, string what, Func<string, YamlScalarNode, bool>? checkKey = null)
    {
        var mapping = Mapping(node, what);
        if (mapping is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, keyNode, value) in Entries(mapping, what))
        {
            if (checkKey is not null && !checkKey(key, keyNode))
            {
                ok = false;
                continue;
            }

            if (value is YamlScalarNode scalar)
            {
                values[key] = scalar.Value ?? string.Empty;
            }
            else
            {
                ok = false;
                Report(value, $"{what}.{key} must be a single value, not {Describe(value)}");
            }
        }

        return ok ? values : null;
    }

    /// <summary>CodeBuild's yes/no switches; YAML 1.1 spells the same booleans true/false as well.</summary>
    public bool? YesNo(YamlNode node, string what)
    {
        var value = node is YamlScalarNode scalar && !IsNull(node) ? scalar.Value : null;
        switch (value?.ToLowerInvariant())
        {
            case "yes" or "true":
                return true;
            case "no" or "false":
                return false;
            default:
                Report(node, $"{what} must be yes or no, not {Describe(node)}");
                return null;
        }
    }

    /// <summary>A JSON-style boolean: true or false, unquoted.</summary>
    public bool? Boolean(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } value })
        {
            switch (value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Report(node, $"{what} must be true or false, not {Describe(node)}");
        return null;
    }

    /// <summary>One of a fixed set of values.</summary>
    public string? OneOf(YamlNode node, string what, IReadOnlyCollection<string> allowed, StringComparer? comparer = null)
    {
        var value = Scalar(node, what);
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => (comparer ?? StringComparer.Ordinal).Equals(a, value));
        if (match is null)
        {
            var closest = KeySuggestion.Closest(value, allowed);
            Report(node, $"{what} must be one of {string.Join(", ", allowed)}, not \"{Shorten(value)}\"{(closest is null ? string.Empty : $"; did you mean {closest}?")}");
        }

        return match;
    }

    /// <summary>What a message may quote of a value from a file: never a whole line, never the value of KEY=value.</summary>
    private static string Shorten(string value) => SafeFragment.Of(value);
}
