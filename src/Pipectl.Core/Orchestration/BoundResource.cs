using Pipectl.Core.Policies;
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

    /// <summary>True when its driver reads by name only (<see cref="IResourceDriver{TSpec, TState}.ReadsByName"/>).</summary>
    public abstract bool ReadsByName { get; }

    /// <summary>
    /// Takes the read of <paramref name="early"/> (the same entry, bound before the account was known) as its own,
    /// when it is of the same kind and name and this one was not read yet; otherwise does nothing.
    /// </summary>
    public abstract void ReuseReadOf(BoundResource early);

    /// <summary>Lets its driver prepare a read before the account is known (<see cref="IResourceDriver{TSpec, TState}.PrepareRead"/>).</summary>
    public abstract void PrepareRead(CancellationToken cancellationToken);

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
    public abstract ResourceOutcome Refused(string stackName, string region);

    /// <summary>
    /// After <see cref="ReadAsync"/>: what <see cref="ApplyAsync"/> would do, from the read already made, for the
    /// approval of a plan before the first write. No mutating request; only an entry whose desired state is
    /// completed at apply time reads what completes it (the CloudFront distribution).
    /// </summary>
    public abstract Task<ResourceOutcome> PlanAsync(ApplyContext context, CancellationToken cancellationToken);

    /// <summary>After <see cref="ReadAsync"/>: true when the resource exists.</summary>
    public abstract bool Exists { get; }

    /// <summary>
    /// The outcome with what a plan shows of the entry: its full desired state and its environment; and, for a
    /// role or bucket policy created in a stack that exists (<see cref="ApplyContext.StackExists"/>), each of its
    /// statements as an added change, so that new permissions of an existing stack are marked as widening.
    /// Build variable references (parameter names, secret ids and ARNs) are shown as they are: they name what the build role may read, not a secret.
    /// </summary>
    /// <param name="desired">The desired state the outcome comes from, when apply completed it; else the entry's.</param>
    public ResourceOutcome Described(ResourceOutcome outcome, ApplyContext? context = null, object? desired = null)
    {
        desired ??= DesiredState;
        var described = outcome with { Desired = DesiredDocument.Of(desired), Environment = entry.Shared ? null : entry.Environment };
        if (context is { StackExists: true } && outcome.Action is ResourceAction.WouldCreate or ResourceAction.Created && desired is IPolicyHolder holder)
        {
            var added = holder.PolicyDocuments.Where(p => p.Value is not null).SelectMany(p => PolicyStatementDiff.Between(p.Key, null, p.Value)).ToList();
            described = described with { Changes = [.. described.Changes, .. added.Select(c => c.Line)], Details = [.. described.Details, .. added] };
        }

        return described;
    }

    /// <summary>The entry's desired state (its spec).</summary>
    public abstract object DesiredState { get; }

    /// <summary>Converges it from the state <see cref="ReadAsync"/> found; the outcome is <see cref="Described"/>.</summary>
    public abstract Task<(ResourceOutcome Outcome, IReadOnlyDictionary<string, string> Outputs)> ApplyAsync(ApplyContext context, CancellationToken cancellationToken);

    /// <summary>Reads (once) what teardown needs of it; <see cref="RemoveAsync"/> uses this read.</summary>
    public abstract Task ReadToDeleteAsync(CancellationToken cancellationToken);

    /// <summary>After a read: why teardown keeps it as it was read (an ECR repository that holds images), or null.</summary>
    public virtual string? KeptBy(TeardownOptions options) => null;

    /// <summary>Deletes it when it is the stack's own and no option keeps it.</summary>
    public abstract Task<ResourceOutcome> RemoveAsync(string stackName, string region, string? keepReason, bool dryRun, CancellationToken cancellationToken);
}
