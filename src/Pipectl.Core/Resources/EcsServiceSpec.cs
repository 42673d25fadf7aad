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

    /// <summary>The caller's account (null until known): what the values read from ECS must name.</summary>
    public string? AccountId { get; init; }

    /// <summary>The stack's region (its partition with it): where the service's ARNs must be.</summary>
    public string Region { get; init; } = string.Empty;

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

        if (Untrusted(actual) is { } untrusted)
        {
            return $"{untrusted}: pipectl writes into the deploy role's policy only values that name this account and region, without wildcards. {Unchanged}";
        }

        if (actual.ContainerNames is { Count: > 0 } names && !names.Contains(ContainerName, StringComparer.Ordinal))
        {
            return $"the task definition of ECS service {Service} ({actual.TaskDefinitionArn}) has no container named {ContainerName} (it has {string.Join(", ", names)}): pass --container-name with one of them. {Unchanged}";
        }

        return null;
    }

    /// <summary>The first value read from ECS that would go into the deploy role's policy and is not this account's own, named with where it came from.</summary>
    private string? Untrusted(EcsServiceState actual)
    {
        if (AccountId is not { Length: 12 } account || Region.Length == 0)
        {
            return null;
        }

        var partition = Naming.AwsPartition.ForRegion(Region);
        var values = new (string? Value, string What, Func<string, string?> Check)[]
        {
            (actual.ServiceArn, $"the ARN of ECS service {Service} (DescribeServices)", v => Validation.ReadValueRules.EcsProblem(v, "service", Service, partition, Region, account)),
            (actual.TaskDefinitionArn, $"the task definition of ECS service {Service} (DescribeServices)", v => Validation.ReadValueRules.EcsProblem(v, "task-definition", null, partition, Region, account)),
            (actual.TaskRoleArn, $"the task role of {actual.TaskDefinitionArn} (DescribeTaskDefinition)", v => Validation.ReadValueRules.RoleProblem(v, partition, account)),
            (actual.ExecutionRoleArn, $"the execution role of {actual.TaskDefinitionArn} (DescribeTaskDefinition)", v => Validation.ReadValueRules.RoleProblem(v, partition, account)),
        };
        return values
            .Where(v => v.Value is { Length: > 0 })
            .Select(v => v.Check(v.Value!) is { } problem ? $"{v.What} \"{Validation.SafeFragment.Visible(v.Value!)}\" {problem}" : null)
            .FirstOrDefault(p => p is not null);
    }
}
