using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>A <see cref="ResourceEntry"/> of one resource kind: its desired state, its driver and its outputs.</summary>
/// <param name="Key">Unique in a graph.</param>
/// <param name="Part">The verb's part that converges it.</param>
/// <param name="DependsOn">The keys it depends on.</param>
/// <param name="Desired">The desired state.</param>
/// <param name="DriverOf">Picks the kind's driver from a set of drivers (AWS, or an empty account for a plan).</param>
public sealed record ResourceEntry<TSpec, TState>(
    string Key,
    StackParts Part,
    IReadOnlyList<string> DependsOn,
    TSpec Desired,
    Func<IStackDrivers, IResourceDriver<TSpec, TState>> DriverOf) : ResourceEntry(Key, Part, DependsOn)
    where TSpec : IDesiredState<TState>
    where TState : class
{
    public override string Name => Desired.Name;

    /// <summary>The run's outputs this resource gives, from its state (null in a plan that would create it).</summary>
    public Func<TState?, IReadOnlyDictionary<string, string>>? Outputs { get; init; }

    /// <summary>Work after the resource converged (the repository's first commit); returns the final outcome.</summary>
    public Func<ApplyContext, ResourceOutcome, CancellationToken, Task<ResourceOutcome>>? AfterApply { get; init; }

    /// <summary>
    /// The desired state when part of it is known only once an entry it depends on exists (the distribution's ARN,
    /// which CloudFront assigns): called at apply time, after those entries converged. Reads and teardown use
    /// <see cref="Desired"/>, whose name is the same.
    /// </summary>
    public Func<ApplyContext, CancellationToken, Task<TSpec>>? DesiredAtApply { get; init; }

    /// <summary>
    /// Why the run may not go on with the resource as read (one line for a person), or null: a resource the stack only
    /// uses must be there in a usable shape (the ECS service a container stack deploys to). Checked with the other
    /// refusals, after every read and before the first write.
    /// </summary>
    public Func<TState?, string?>? Check { get; init; }

    /// <summary>Why teardown keeps the resource as it was read, under the teardown's options (an ECR repository holding images); null deletes it.</summary>
    public Func<TState, TeardownOptions, string?>? KeepOnTeardown { get; init; }

    internal override BoundResource Bind(IStackDrivers drivers) => new BoundResource<TSpec, TState>(this, DriverOf(drivers));
}
