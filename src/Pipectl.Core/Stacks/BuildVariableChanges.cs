namespace Pipectl.Core.Stacks;

/// <summary>
/// What differs between two sets of build variables, by name only: "DB_PASSWORD changed, STAGE added". A
/// value never appears, not even hashed (a short hash of a short password can be guessed offline).
/// </summary>
public static class BuildVariableChanges
{
    /// <summary>The changes from <paramref name="actual"/> to <paramref name="desired"/>, or null when they are the same.</summary>
    public static string? Describe(IReadOnlyDictionary<string, BuildVariable> actual, IReadOnlyDictionary<string, BuildVariable> desired)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(desired);
        var changes = new List<string>();
        foreach (var name in actual.Keys.Union(desired.Keys).Order(StringComparer.Ordinal))
        {
            var had = actual.TryGetValue(name, out var before);
            var has = desired.TryGetValue(name, out var after);
            if (!had)
            {
                changes.Add($"{name} added ({after!.Type})");
            }
            else if (!has)
            {
                changes.Add($"{name} removed");
            }
            else if (before!.Type != after!.Type)
            {
                changes.Add($"{name} changed ({before.Type} -> {after.Type})");
            }
            else if (before.Value != after.Value)
            {
                changes.Add($"{name} changed");
            }
        }

        return changes.Count == 0 ? null : string.Join(", ", changes);
    }
}
