using System.Collections;
using System.Text.Json.Nodes;
using Pipectl.Core.Policies;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// Builds the differences of a comparison: structured <see cref="ResourceChange"/>s that read, as a list of
/// strings, as their one-line renderings (the "what differs" lines drivers and older code use).
/// </summary>
public sealed class Differences : IReadOnlyList<string>
{
    private readonly List<ResourceChange> _changes = [];

    /// <summary>The changes, in the order they were found.</summary>
    public IReadOnlyList<ResourceChange> Changes => _changes;

    public int Count => _changes.Count;

    public string this[int index] => _changes[index].Line;

    /// <summary>The structured changes of <paramref name="lines"/>: its own when it is a <see cref="Differences"/>.</summary>
    public static IReadOnlyList<ResourceChange> Of(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines is Differences differences ? differences.Changes : [.. lines.Select(ResourceChange.FromLine)];
    }

    /// <summary>Adds a change known only as a line.</summary>
    public void Add(string line) => _changes.Add(ResourceChange.FromLine(line));

    public void Add(ResourceChange change) => _changes.Add(change);

    public void AddRange(IEnumerable<string> lines) => _changes.AddRange(lines.Select(ResourceChange.FromLine));

    public void AddRange(IEnumerable<ResourceChange> changes) => _changes.AddRange(changes);

    /// <summary>Adds "<paramref name="setting"/>: actual -> desired" when the two differ.</summary>
    public Differences Compare<T>(string setting, T? actual, T? desired)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, desired))
        {
            var kind = actual is null ? ChangeKind.Added : desired is null ? ChangeKind.Removed : ChangeKind.Changed;
            _changes.Add(new ResourceChange(setting, kind, Node(actual), Node(desired), $"{setting}: {Show(actual)} -> {Show(desired)}"));
        }

        return this;
    }

    /// <summary>Adds "<paramref name="setting"/> differs" when <paramref name="same"/> is false (for documents).</summary>
    public Differences CompareDocument(string setting, bool same)
    {
        if (!same)
        {
            Add($"{setting} differs");
        }

        return this;
    }

    /// <summary>Adds the documents before and after when they differ (<paramref name="same"/> false): an event pattern.</summary>
    public Differences CompareDocument(string setting, string? actual, string desired, bool same)
    {
        if (!same)
        {
            var before = Document(actual);
            var after = Document(desired);
            _changes.Add(new ResourceChange(setting, actual is null ? ChangeKind.Added : ChangeKind.Changed, before, after, $"{setting}: {before?.ToJsonString() ?? "(none)"} -> {after?.ToJsonString()}"));
        }

        return this;
    }

    /// <summary>Adds one change per policy statement added, removed or changed (see <see cref="PolicyStatementDiff"/>).</summary>
    public Differences ComparePolicy(string setting, string? actual, string? desired)
    {
        _changes.AddRange(PolicyStatementDiff.Between(setting, actual, desired));
        return this;
    }

    /// <summary>Adds a line for each tag that is missing or has another value (extra tags are left alone).</summary>
    public Differences CompareTags(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> desired)
    {
        foreach (var (key, value) in desired)
        {
            if (!actual.TryGetValue(key, out var existing) || existing != value)
            {
                _changes.Add(new ResourceChange($"tag {key}", existing is null ? ChangeKind.Added : ChangeKind.Changed, Node(existing), Node(value), $"tag {key}: {Show(existing)} -> {value}"));
            }
        }

        return this;
    }

    public IEnumerator<string> GetEnumerator() => _changes.Select(c => c.Line).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A document as JSON when it is JSON (URL-decoded as AWS may return it), else as its text.</summary>
    public static JsonNode? Document(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Json.CanonicalJson.Decode(text));
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static JsonNode? Node<T>(T? value) => value is null ? null : JsonValue.Create(Show(value));

    private static string Show<T>(T? value) => value switch
    {
        null => "(none)",
        string { Length: 0 } => "(empty)",
        bool b => b ? "on" : "off",
        _ => value.ToString() ?? "(none)",
    };
}
