using Pipectl.Core.Provisioning;

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

    /// <summary>
    /// After <see cref="ReadAsync"/>: the CloudFormation stack that manages the resource (its
    /// <see cref="Resources.StackOwnership.CloudFormationStackTagKey"/> tag), or null. A repository the stack only
    /// uses (--existing-repo) is never changed, so whoever manages it does not matter.
    /// </summary>
    public abstract string? CloudFormationStack { get; }

    /// <summary>After <see cref="ReadAsync"/>: the outcome that reports a refused resource, left as it is.</summary>
    public abstract ResourceOutcome Refused();

    /// <summary>Converges it from the state <see cref="ReadAsync"/> found.</summary>
    public abstract Task<(ResourceOutcome Outcome, IReadOnlyDictionary<string, string> Outputs)> ApplyAsync(ApplyContext context, CancellationToken cancellationToken);

    /// <summary>Deletes it when it is the stack's own and no option keeps it.</summary>
    public abstract Task<ResourceOutcome> RemoveAsync(string stackName, string region, string? keepReason, bool dryRun, CancellationToken cancellationToken);
}
