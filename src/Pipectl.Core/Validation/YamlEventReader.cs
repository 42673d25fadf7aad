using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipectl.Core.Validation;

/// <summary>
/// Reads a file's YAML events once, before YamlDotNet's representation model sees them, and does three things
/// that model does not: it refuses nesting deeper than <see cref="MaxDepth"/> (the model recurses once per
/// level, so 100,000 nested brackets overflow the stack), it replaces each alias by a copy of its anchor's
/// events placed at the alias (so a problem found in the copy points where the alias is used, and an alias
/// used before its anchor is an error at the alias, as YAML requires), and it turns every exception of the
/// parser into a <see cref="YamlException"/> with a position.
/// </summary>
internal static class YamlEventReader
{
    /// <summary>The deepest nesting of lists and mappings accepted; real buildspecs and stack files stay under 15.</summary>
    public const int MaxDepth = 256;

    /// <summary>How many events aliases may add in all: a file of nested aliases ("billion laughs") stops here.</summary>
    public const int MaxAliasEvents = 200_000;

    /// <summary>The events of <paramref name="text"/>, aliases expanded; throws <see cref="YamlException"/> with the problem's position.</summary>
    public static List<ParsingEvent> Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        var anchors = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        var open = new Stack<Frame>();
        var last = Mark.Empty;
        var copied = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case AnchorAlias alias:
                        AddChild(open, alias);
                        copied += CopyAnchor(text, alias, anchors, events, open.Count);
                        if (copied > MaxAliasEvents)
                        {
                            throw new YamlException(alias.Start, alias.End, "aliases expand to more than 200,000 values: a buildspec never needs that many");
                        }

                        break;
                    case Scalar scalar:
                        AddChild(open, scalar);
                        events.Add(Relocated(scalar, scalar.Start, scalar.End));
                        Remember(anchors, scalar.Anchor, events.Count - 1, events.Count);
                        break;
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                        {
                            throw new YamlException(current.Start, current.End, TooDeep);
                        }

                        AddChild(open, current);
                        open.Push(new Frame(events.Count, (NodeEvent)current));
                        events.Add(Relocated(current, current.Start, current.End));
                        break;
                    case MappingEnd or SequenceEnd:
                        events.Add(current);
                        if (open.TryPop(out var start))
                        {
                            CheckPairs(start);
                            Remember(anchors, start.Start.Anchor, start.Index, events.Count);
                        }

                        break;
                    default:
                        events.Add(current);
                        break;
                }

                last = current.End;
            }
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabAfter(text, last) is { } tab)
        {
            // YamlDotNet puts a tab error at 1:1 or at the end of the value before it; the tab is at or after the
            // last event read (a tab inside a block scalar read before it is legal, so the search starts there).
            throw new YamlException(tab, tab, "a tab in the indentation: YAML indents with spaces only", e);
        }
        catch (Exception e) when (e is not YamlException and not OutOfMemoryException)
        {
            // The parser's own failures (an InvalidOperationException for "[a, b" followed by the next key) carry
            // no position: point at the innermost bracket still open, else after the last thing read.
            var bracket = open.FirstOrDefault(o => o.Start is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow });
            if (bracket is not null)
            {
                var what = bracket.Start is MappingStart ? "{" : "[";
                var closer = what == "{" ? "}" : "]";
                throw new YamlException(bracket.Start.Start, bracket.Start.End, $"the '{what}' opened here is not closed: add the '{closer}' before the next key", e);
            }

            throw new YamlException(last, last, "the YAML cannot be read after this point", e);
        }

        return events;
    }

    /// <summary>A list or mapping being read: where its events start, and its direct children so far.</summary>
    private sealed record Frame(int Index, NodeEvent Start)
    {
        public List<ParsingEvent> Children { get; } = [];
    }

    private static void AddChild(Stack<Frame> open, ParsingEvent child)
    {
        if (open.TryPeek(out var parent))
        {
            parent.Children.Add(child);
        }
    }

    /// <summary>
    /// YamlDotNet's parser can end a mapping after a key with no value (a stray ':' on its own line), which its
    /// representation model then rejects with an ArgumentException and no position: point at the empty key, or
    /// else at the key left without a value.
    /// </summary>
    private static void CheckPairs(Frame mapping)
    {
        if (mapping.Start is not MappingStart || mapping.Children.Count % 2 == 0)
        {
            return;
        }

        var emptyKey = mapping.Children.Where((child, i) => i % 2 == 0 && child is Scalar { Value: "", Style: ScalarStyle.Plain }).FirstOrDefault();
        var at = emptyKey ?? mapping.Children[^1];
        throw new YamlException(at.Start, at.End, emptyKey is null
            ? "this key has no value: check the indentation and the ':' of the lines around it"
            : "a ':' with no key before it: check the indentation and the ':' of this line");
    }

    private const string TooDeep = "lists and mappings nested more than 256 levels deep: a buildspec never needs that";

    private static void Remember(Dictionary<string, (int Start, int End)> anchors, AnchorName anchor, int start, int end)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (start, end);
        }
    }

    /// <summary>Appends a copy of the anchor's events, each placed at the alias; returns how many.</summary>
    private static int CopyAnchor(string text, AnchorAlias alias, Dictionary<string, (int Start, int End)> anchors, List<ParsingEvent> events, int depth)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var range))
        {
            throw new YamlException(alias.Start, alias.End, UnknownAlias(text, alias));
        }

        for (var i = range.Start; i < range.End; i++)
        {
            var copy = Relocated(events[i], alias.Start, alias.End);
            depth += copy.NestingIncrease;
            if (depth > MaxDepth)
            {
                throw new YamlException(alias.Start, alias.End, TooDeep);
            }

            events.Add(copy);
        }

        return range.End - range.Start;
    }

    /// <summary>
    /// An unquoted <c>*.zip</c> or <c>**/*</c> is YAML for "the value anchored as &amp;.zip": say that, and how to
    /// write the pattern, rather than YamlDotNet's "The anchor ... does not exists" at 1:1.
    /// </summary>
    private static string UnknownAlias(string text, AnchorAlias alias)
    {
        var start = (int)Math.Clamp(alias.Start.Index, 0, text.Length);
        var end = (int)Math.Clamp(alias.End.Index, start, text.Length);
        var written = text[start..end].Trim();
        if (written.Length == 0 || written.Length > 60)
        {
            written = "*" + alias.Value.Value;
        }

        var name = alias.Value.Value;
        var looksLikePattern = name.Any(c => !char.IsLetterOrDigit(c) && c is not '_' and not '-');
        return looksLikePattern
            ? $"{written} is read as a YAML alias (a leading '*' refers to an anchor); a file pattern must be quoted: '{written}'"
            : $"alias *{name} is used before an anchor &{name} is defined (an anchor must come first in the file); if this is text, quote it: '{written}'";
    }

    /// <summary>The same event without its anchor, at the given place.</summary>
    private static ParsingEvent Relocated(ParsingEvent e, Mark start, Mark end) => e switch
    {
        Scalar s => new Scalar(AnchorName.Empty, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, start, end, s.IsKey),
        MappingStart m => new MappingStart(AnchorName.Empty, m.Tag, m.IsImplicit, m.Style, start, end),
        SequenceStart q => new SequenceStart(AnchorName.Empty, q.Tag, q.IsImplicit, q.Style, start, end),
        MappingEnd => new MappingEnd(start, end),
        SequenceEnd => new SequenceEnd(start, end),
        _ => e,
    };

    /// <summary>The first tab in the indentation of a line at or after <paramref name="from"/>'s line.</summary>
    private static Mark? TabAfter(string text, Mark from)
    {
        var lines = text.Split('\n');
        var index = 0L;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i + 1 >= from.Line && !string.IsNullOrWhiteSpace(line))
            {
                for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
                {
                    if (line[c] == '\t')
                    {
                        return new Mark(index + c, i + 1, c + 1);
                    }
                }
            }

            index += line.Length + 1;
        }

        return null;
    }
}
