using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The parts a stack has but a run no longer wants: the resources of every settings its record names
/// (<see cref="StackRecord.All"/>: current and pending) that the run's graph does not have, by kind and name. Scope:
/// a whole-stack run looks at every environment; a run of one environment (<c>--env E</c>) only at E's settings and
/// never at what the environments share. Resources used as they are (<c>--existing-repo</c>, a given connection, the
/// ECS service) are never among them. Removing them is a teardown of this graph after the run's own apply, so the new
/// parts are in place first, and each is still deleted only when its tags say it is the stack's.
/// </summary>
public static class StackPruning
{
    /// <summary>The graph of what <paramref name="wanted"/> drops from <paramref name="record"/>, or null when it drops nothing.</summary>
    public static StackGraph? Removed(StackRecord record, StackGraph wanted, string? onlyEnvironment, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(wanted);
        var removed = Beyond(record, wanted, wanted.Entries.Where(e => e.Wanted), onlyEnvironment, accountId);
        return removed.Count == 0 ? null : StackGraph.Of(wanted.StackName, wanted.Region, removed);
    }

    /// <summary>
    /// What a teardown walks: <paramref name="given"/> (the stack as options, stack file, tags and deployed stages say)
    /// with the parts of every settings the record names that it does not have, by kind and name (roles or buckets
    /// named by an option the teardown is not given; the tagging API does not list IAM roles). A stack whose record
    /// names only what <paramref name="given"/> has adds nothing (and no request).
    /// </summary>
    public static StackGraph WithRecorded(StackRecord record, StackGraph given, string? onlyEnvironment, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(given);
        var beyond = Beyond(record, given, given.Entries, onlyEnvironment, accountId);

        // A stack has one connection of its own: found (by its tags, named by ARN), the record's (named by name) is the same.
        if (given.Entries.Any(IsConnection))
        {
            beyond.RemoveAll(IsConnection);
        }

        return beyond.Count == 0 ? given : StackGraph.Of(given.StackName, given.Region, [.. given.Entries, .. beyond]);
    }

    /// <summary>The entries of the record's settings (scoped <c>removedN/key</c>) that none of <paramref name="have"/> is, by kind and name.</summary>
    private static List<ResourceEntry> Beyond(StackRecord record, StackGraph graph, IEnumerable<ResourceEntry> have, string? onlyEnvironment, string? accountId)
    {
        var kept = have.Select(Identity).ToHashSet();
        var seen = new HashSet<(Type, string)>();
        var removed = new List<ResourceEntry>();
        var index = 0;
        foreach (var (environment, settings) in record.All.Where(e => onlyEnvironment is null || e.Environment == onlyEnvironment))
        {
            var scope = $"removed{index++}";
            var entries = DesiredStack.From(settings.ToSpec(graph.Region, accountId)).Entries
                .Where(e => e.Wanted && !e.UseExisting && !(onlyEnvironment is not null && e.Shared))
                .ToList();
            var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            string Scope(string key) => $"{scope}/{key}";
            foreach (var entry in entries.Where(e => !kept.Contains(Identity(e)) && seen.Add(Identity(e))))
            {
                removed.Add(entry with
                {
                    Key = Scope(entry.Key),
                    DependsOn = [.. entry.DependsOn.Where(keys.Contains).Select(Scope)],
                    NeededOnlyToCreate = [.. entry.NeededOnlyToCreate.Where(keys.Contains).Select(Scope)],
                    Environment = environment.Length == 0 ? null : environment,
                    Shared = false,
                });
            }
        }

        return removed;
    }

    /// <summary><paramref name="graph"/> without the resources named by kind (<see cref="Provisioning.ResourceTypes"/>) and name.</summary>
    public static StackGraph Without(StackGraph graph, IEnumerable<(string Type, string Name)> resources)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var left = resources.ToHashSet();
        var types = new EmptyAccountDrivers();
        return StackGraph.Of(graph.StackName, graph.Region, [.. graph.Entries.Where(e => !left.Contains((e.Bind(types).Type, e.Name)))]);
    }

    private static bool IsConnection(ResourceEntry entry) => entry is ResourceEntry<Resources.ConnectionSpec, Resources.ConnectionState>;

    /// <summary>A resource's kind (its entry's state type) and name: the same in two settings is the same resource.</summary>
    internal static (Type, string) Identity(ResourceEntry entry) => (entry.GetType(), entry.Name);
}
