using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Validation;

/// <summary>
/// Loads the one YAML document of a file into YamlDotNet's representation model (no reflection, so trimming
/// and Native AOT stay safe) and turns every syntax error into a <see cref="Diagnostic"/> with a position.
/// Aliases are expanded by <see cref="YamlEventReader"/> (each copy placed at the alias) and merge keys
/// (<c>&lt;&lt;: *defaults</c>) are applied, as CodeBuild's YAML reader does.
/// </summary>
internal static class YamlText
{
    private const string MergeKey = "<<";

    /// <summary>The root node of the file's only document, or null after reporting why there is none.</summary>
    public static YamlNode? Load(string file, string text, ICollection<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, "the file is empty"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new EventReplay(YamlEventReader.Read(text)));
        }
        catch (YamlException e)
        {
            diagnostics.Add(FromException(file, e));
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The representation model refusing events the parser let through (an ArgumentException so far): no
            // position is known, but it is still the file's fault, not an unexpected error.
            diagnostics.Add(new Diagnostic(file, 1, 1, $"invalid YAML: the file cannot be read as one document ({e.Message.TrimEnd('.')})"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, "the file holds only comments: no YAML document"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            diagnostics.Add(new Diagnostic(file, Line(second.Start), Column(second.Start), "the file holds more than one YAML document (text after '---' or '...'); only one is read, so merge them or remove the separator"));
        }

        var root = stream.Documents[0].RootNode;
        ApplyMergeKeys(file, root, diagnostics);
        return root;
    }

    /// <summary>1-based line of a mark, as an <see cref="int"/>.</summary>
    public static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    /// <summary>1-based column of a mark, as an <see cref="int"/>.</summary>
    public static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private static Diagnostic FromException(string file, YamlException e)
    {
        var message = e.Message.TrimEnd('.');
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            message = $"duplicate key '{message["Duplicate key".Length..].Trim()}': each key may appear once in a mapping";
        }
        else if (!message.StartsWith("a tab", StringComparison.Ordinal))
        {
            message = $"invalid YAML: {message}{Hint(message)}";
        }

        return new Diagnostic(file, Line(e.Start), Column(e.Start), message);
    }

    /// <summary>What usually causes YamlDotNet's two commonest complaints, said in the terms of the file.</summary>
    private static string Hint(string message) => message switch
    {
        _ when message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase) =>
            " (check this line's indentation against the keys above it)",
        _ when message.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase) =>
            " (a value containing ': ' must be quoted)",
        _ => string.Empty,
    };

    /// <summary>
    /// Replaces each <c>&lt;&lt;</c> entry by the entries of the mapping (or mappings) it names, children first;
    /// a key written in the mapping itself wins over a merged one, and an earlier merged mapping over a later one.
    /// </summary>
    private static void ApplyMergeKeys(string file, YamlNode node, ICollection<Diagnostic> diagnostics)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    ApplyMergeKeys(file, item, diagnostics);
                }

                break;
            case YamlMappingNode mapping:
                var hasMerge = false;
                foreach (var (key, value) in mapping.Children)
                {
                    ApplyMergeKeys(file, value, diagnostics);
                    hasMerge |= IsMergeKey(key);
                }

                if (hasMerge)
                {
                    Merge(file, mapping, diagnostics);
                }

                break;
        }
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: MergeKey, Style: ScalarStyle.Plain or ScalarStyle.Any };

    private static void Merge(string file, YamlMappingNode mapping, ICollection<Diagnostic> diagnostics)
    {
        var own = mapping.Children.Where(c => !IsMergeKey(c.Key)).ToList();
        var merged = new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (var (key, value) in mapping.Children.Where(c => IsMergeKey(c.Key)))
        {
            IEnumerable<YamlNode> sources = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var source in sources)
            {
                if (source is not YamlMappingNode from)
                {
                    diagnostics.Add(new Diagnostic(file, Line(source.Start), Column(source.Start), "a merge key '<<' takes a mapping (<<: *defaults) or a list of mappings, not this value"));
                    continue;
                }

                merged.AddRange(from.Children);
            }
        }

        var seen = new HashSet<YamlNode>(own.Select(c => c.Key));
        mapping.Children.Clear();
        foreach (var entry in own)
        {
            mapping.Children.Add(entry);
        }

        foreach (var entry in merged.Where(entry => seen.Add(entry.Key)))
        {
            mapping.Children.Add(entry);
        }
    }

    /// <summary>Hands events already read to <see cref="YamlStream.Load(IParser)"/>.</summary>
    private sealed class EventReplay(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }
}
