using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// A <see cref="ResourceEntry"/> with its driver: the kind-independent operations the orchestrator and
/// teardown walk the graph with.
/// </summary>
internal abstract class BoundResource(ResourceEntry entry)
{
    public ResourceEntry Entry => entry;

    public abstract string Type { get; }

    /// <summary>Reads the resource (once); the apply that follows uses this read.</summary>
    public abstract Task ReadAsync(CancellationToken cancellationToken);

    /// <summary>After <see cref="ReadAsync"/>: why the run may not touch it (one line for a person), or null.</summary>
    public abstract string? Refusal(string stackName, string region);

    /// <summary>After <see cref="ReadAsync"/>: the outcome that reports a refused resource, left as it is.</summary>
    public abstract ResourceOutcome Refused();

    /// <summary>
    /// After <see cref="ReadAsync"/>: what <see cref="ApplyAsync"/> would do, from the read already made (no
    /// request), for the approval of a plan before the first write.
    /// </summary>
    public abstract Task<ResourceOutcome> PlanAsync(ApplyContext context, CancellationToken cancellationToken);

    /// <summary>The outcome with what a plan shows of the entry: its full desired state and its environment.</summary>
    public ResourceOutcome Described(ResourceOutcome outcome) =>
        outcome with { Desired = DesiredDocument.Of(DesiredState), Environment = entry.Shared ? null : entry.Environment };

    /// <summary>The entry's desired state (its spec).</summary>
    protected abstract object DesiredState { get; }

    /// <summary>Converges it from the state <see cref="ReadAsync"/> found.</summary>
    public abstract Task<(ResourceOutcome Outcome, IReadOnlyDictionary<string, string> Outputs)> ApplyAsync(ApplyContext context, CancellationToken cancellationToken);

    /// <summary>Deletes it when it is the stack's own and no option keeps it.</summary>
    public abstract Task<ResourceOutcome> RemoveAsync(string stackName, string region, string? keepReason, bool dryRun, CancellationToken cancellationToken);
}
