using Pipectl.Core.Resources;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// The driver of the ECS service a container stack deploys to, which pipectl only reads: creating, changing or
/// deleting it is a bug (the orchestrator uses it as an adopted resource), and teardown reads nothing of it (it is
/// reported kept). Implementations say how it is read.
/// </summary>
public abstract class EcsServiceReader : IResourceDriver<EcsServiceSpec, EcsServiceState>
{
    public string Type => ResourceTypes.EcsService;

    /// <summary>The service is read by its cluster's and its own name (its task definition by the ARN the service gives).</summary>
    public bool ReadsByName => true;

    public string? ArnOf(EcsServiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ServiceArn;
    }

    public abstract Task<EcsServiceState?> ReadAsync(EcsServiceSpec desired, CancellationToken cancellationToken);

    /// <summary>Teardown never touches the service: nothing is sent, and the service is reported as kept.</summary>
    public Task<EcsServiceState?> ReadToDeleteAsync(EcsServiceSpec desired, CancellationToken cancellationToken) =>
        Task.FromResult<EcsServiceState?>(Assumed(desired));

    public Task<EcsServiceState> CreateAsync(EcsServiceSpec desired, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"pipectl never creates an ECS service ({desired?.Service}).");

    public Task<EcsServiceState> UpdateAsync(EcsServiceSpec desired, EcsServiceState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"pipectl never changes an ECS service ({desired?.Service}).");

    public Task DeleteAsync(EcsServiceState actual, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"pipectl never deletes an ECS service ({actual?.Service}).");

    /// <summary>The service taken to be there, ACTIVE, with nothing known of its task definition.</summary>
    public static EcsServiceState Assumed(EcsServiceSpec desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return new EcsServiceState(desired.Cluster, desired.Service, ClusterActive: true, ServiceActive: true, null, null, null, null, []);
    }
}
