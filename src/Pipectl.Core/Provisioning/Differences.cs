namespace Pipectl.Core.Provisioning;

/// <summary>Builds the "what differs" lines of a comparison.</summary>
public sealed class Differences : List<string>
{
    /// <summary>Adds "<paramref name="setting"/>: actual -> desired" when the two differ.</summary>
    public Differences Compare<T>(string setting, T? actual, T? desired)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, desired))
        {
            Add($"{setting}: {Show(actual)} -> {Show(desired)}");
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

    /// <summary>Adds a line for each tag that is missing or has another value (extra tags are left alone).</summary>
    public Differences CompareTags(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> desired)
    {
        foreach (var (key, value) in desired)
        {
            if (!actual.TryGetValue(key, out var existing) || existing != value)
            {
                Add($"tag {key}: {Show(existing)} -> {value}");
            }
        }

        return this;
    }

    private static string Show<T>(T? value) => value switch
    {
        null => "(none)",
        string { Length: 0 } => "(empty)",
        bool b => b ? "on" : "off",
        _ => value.ToString() ?? "(none)",
    };
}
