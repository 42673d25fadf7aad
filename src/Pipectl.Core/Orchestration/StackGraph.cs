using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The resource entries of one run as one dependency graph: a stack's, or every environment's of a stack
/// file together with what they share (listed once). Apply walks it forward, teardown reversed; both list
/// what they did in the graph's stable order: dependency order (the depth in the walked direction), then name.
/// </summary>
public sealed class StackGraph
{
    private StackGraph(StackSpec owner, IReadOnlyList<ResourceEntry> entries)
    {
        StackName = owner.StackName;
        Region = owner.Region;
        Entries = InApplyOrder(entries);
    }

    /// <summary>The stack name: with <see cref="Region"/>, the ownership tags of everything in the graph.</summary>
    public string StackName { get; }

    /// <summary>The region the stack runs in.</summary>
    public string Region { get; }

    /// <summary>Every entry, in apply order.</summary>
    public IReadOnlyList<ResourceEntry> Entries { get; }

    public static StackGraph For(StackSpec spec) => For([new EnvironmentStackSpec(null, spec)]);

    /// <summary>
    /// One graph for the stacks of a file's environments. With more than one, each environment's entries are
    /// keyed <c>env/key</c> and depend on their own environment's entries, and a shared entry (the repository)
    /// is listed once, under its plain key, for all of them to depend on.
    /// With <paramref name="found"/> (a teardown), each spec's entries also hold the parts of the stack found by
    /// its tags that the spec does not name (<see cref="FoundStack.EntriesOf"/>).
    /// </summary>
    public static StackGraph For(IReadOnlyList<EnvironmentStackSpec> specs, FoundStack? found = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 0)
        {
            throw new ArgumentException("A graph needs at least one stack.", nameof(specs));
        }

        var all = specs.Select(s => s.Spec).ToList();
        IReadOnlyList<ResourceEntry> EntriesOf(int index) => found is null ? DesiredStack.From(all[index]).Entries : found.EntriesOf(all[index], index == 0, all);
        if (specs.Count == 1)
        {
            return new StackGraph(specs[0].Spec, EntriesOf(0));
        }

        var entries = new List<ResourceEntry>();
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, (environment, _)) in specs.Index())
        {
            var own = EntriesOf(index);
            var sharedHere = own.Where(e => e.Shared).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            string Scope(string key) => sharedHere.Contains(key) ? key : $"{environment}/{key}";
            foreach (var entry in own)
            {
                if (entry.Shared)
                {
                    if (shared.Add(entry.Key))
                    {
                        entries.Add(entry);
                    }

                    continue;
                }

                entries.Add(entry with { Key = Scope(entry.Key), DependsOn = entry.DependsOn.Select(Scope).ToList(), NeededOnlyToCreate = entry.NeededOnlyToCreate.Select(Scope).ToList(), Environment = environment });
            }
        }

        return new StackGraph(specs[0].Spec, entries);
    }

    /// <summary>The run's outputs of an entry: keyed <c>env.output</c> when it serves one environment of several.</summary>
    public static IReadOnlyDictionary<string, string> Scoped(ResourceEntry entry, IReadOnlyDictionary<string, string> outputs)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(outputs);
        return entry.Environment is { } environment && !entry.Shared
            ? outputs.ToDictionary(o => $"{environment}.{o.Key}", o => o.Value, StringComparer.Ordinal)
            : outputs;
    }

    /// <summary>
    /// <paramref name="entries"/> so that each comes after what it depends on: by depth (the longest chain of
    /// dependencies under it among them), then by name. Dependencies outside the set are ignored.
    /// </summary>
    public static IReadOnlyList<ResourceEntry> InApplyOrder(IEnumerable<ResourceEntry> entries) =>
        Ordered(entries, DependenciesWithin);

    /// <summary>
    /// <paramref name="entries"/> so that each comes after everything that depends on it: by depth in the
    /// reversed graph, then by name.
    /// </summary>
    public static IReadOnlyList<ResourceEntry> InTeardownOrder(IEnumerable<ResourceEntry> entries) =>
        Ordered(entries, DependentsWithin);

    /// <summary>For each entry, the keys among <paramref name="entries"/> it depends on.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DependenciesWithin(IReadOnlyList<ResourceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return entries.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.DependsOn.Where(keys.Contains).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>For each entry, the keys among <paramref name="entries"/> that depend on it (the reversed edges).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DependentsWithin(IReadOnlyList<ResourceEntry> entries) =>
        Reversed(entries, DependenciesWithin(entries));

    /// <summary>
    /// For each entry, the keys among <paramref name="entries"/> that teardown deletes before it: its dependents,
    /// except those that needed it only to be created (<see cref="ResourceEntry.NeededOnlyToCreate"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DeletedBeforeWithin(IReadOnlyList<ResourceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var loose = entries.ToDictionary(e => e.Key, e => e.NeededOnlyToCreate.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var kept = DependenciesWithin(entries).ToDictionary(
            d => d.Key,
            d => (IReadOnlyList<string>)d.Value.Where(dependency => !loose[d.Key].Contains(dependency)).ToList(),
            StringComparer.Ordinal);
        return Reversed(entries, kept);
    }

    private static Dictionary<string, IReadOnlyList<string>> Reversed(IReadOnlyList<ResourceEntry> entries, IReadOnlyDictionary<string, IReadOnlyList<string>> dependenciesOf)
    {
        var dependents = entries.ToDictionary(e => e.Key, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (key, dependencies) in dependenciesOf)
        {
            foreach (var dependency in dependencies)
            {
                dependents[dependency].Add(key);
            }
        }

        return dependents.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Value, StringComparer.Ordinal);
    }

    private static List<ResourceEntry> Ordered(IEnumerable<ResourceEntry> entries, Func<IReadOnlyList<ResourceEntry>, IReadOnlyDictionary<string, IReadOnlyList<string>>> edgesOf)
    {
        var list = entries.ToList();
        var duplicate = list.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two entries of a stack have the key {duplicate.Key}.");
        }

        var edges = edgesOf(list);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int Depth(string key)
        {
            if (depths.TryGetValue(key, out var known))
            {
                return known;
            }

            if (!visiting.Add(key))
            {
                throw new InvalidOperationException($"The entries of a stack depend on each other in a cycle through {key}.");
            }

            var depth = edges[key].Select(k => Depth(k) + 1).DefaultIfEmpty(0).Max();
            visiting.Remove(key);
            depths[key] = depth;
            return depth;
        }

        return [.. list.OrderBy(e => Depth(e.Key)).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }
}
