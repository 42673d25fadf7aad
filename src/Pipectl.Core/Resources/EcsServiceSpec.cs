using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// The ECS service a <c>--deploy ecs</c> pipeline rolls out to. It is not the stack's: it must exist (with its
/// cluster) before pipectl runs, and pipectl only reads it, for the roles its task definition passes to ECS and to
/// check that the task definition has the container the deploy names.
/// </summary>
public sealed record EcsServiceSpec(string Cluster, string Service, string ContainerName) : IDesiredState<EcsServiceState>
{
    public string Name => Service;

    /// <summary>Nothing of the service is ever changed by pipectl: there is no difference to converge.</summary>
    public IReadOnlyList<string> DifferencesFrom(EcsServiceState actual) => [];

    /// <summary>Why the deploy cannot use the service as read (one line for a person), or null when it can.</summary>
    public string? Problem(EcsServiceState? actual)
    {
        if (actual is null)
        {
            // Not read (a plan without credentials): nothing is known against it.
            return null;
        }

        const string Unchanged = "Nothing was changed; pipectl deploys to an existing ECS service and never creates one.";
        if (!actual.ClusterActive)
        {
            return $"ECS cluster {Cluster} does not exist or is not ACTIVE in this region: create it (and service {Service}) first, or pass the right --ecs-cluster. {Unchanged}";
        }

        if (!actual.ServiceActive)
        {
            return $"ECS service {Service} does not exist or is not ACTIVE in cluster {Cluster}: create it first, or pass the right --ecs-service. {Unchanged}";
        }

        if (actual.ContainerNames is { Count: > 0 } names && !names.Contains(ContainerName, StringComparer.Ordinal))
        {
            return $"the task definition of ECS service {Service} ({actual.TaskDefinitionArn}) has no container named {ContainerName} (it has {string.Join(", ", names)}): pass --container-name with one of them. {Unchanged}";
        }

        return null;
    }
}
