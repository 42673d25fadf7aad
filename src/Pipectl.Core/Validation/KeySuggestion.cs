namespace Pipectl.Core.Validation;

/// <summary>The known key a misspelt one was most likely meant to be (<c>phase</c> -> <c>phases</c>, <c>prebuild</c> -> <c>pre_build</c>).</summary>
public static class KeySuggestion
{
    public static string? Closest(string key, IEnumerable<string> known)
    {
        var normalized = Normalize(key);
        var candidates = known.ToList();

        // An abbreviation (base-dir for base-directory) is a typo too, when it points at one key only.
        var extended = candidates.Where(c => normalized.Length >= 4 && Normalize(c).StartsWith(normalized, StringComparison.Ordinal)).ToList();
        if (extended.Count == 1)
        {
            return extended[0];
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(normalized, Normalize(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // More than a third of the letters changed is a different word, not a typo.
        return best is not null && bestDistance <= Math.Max(1, key.Length / 3) ? best : null;
    }

    private static string Normalize(string key) => key.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);

    /// <summary>Edits between two words, a swap of two neighbouring letters counting as one (nmae -> name).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
