using System.Collections.Concurrent;
using Pipectl.Aws.Ecs;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// Reads the ECS service a container stack deploys to: its cluster and itself (both must be ACTIVE) and its
/// current task definition's roles and containers. It never writes: the service belongs to whoever made it, and the
/// pipeline's deploy action changes it. The read of one service is made once per run (the graph's read, and the
/// deploy role's policy at apply time, use it): nothing pipectl does in between can change it.
/// </summary>
public sealed class EcsServiceDriver(EcsClient ecs) : EcsServiceReader
{
    private const string Active = "ACTIVE";
    private readonly ConcurrentDictionary<(string Cluster, string Service), Lazy<Task<EcsServiceState?>>> _reads = new();

    public override Task<EcsServiceState?> ReadAsync(EcsServiceSpec desired, CancellationToken cancellationToken) =>
        _reads.GetOrAdd((desired.Cluster, desired.Service), _ => new Lazy<Task<EcsServiceState?>>(() => ReadOnceAsync(desired, cancellationToken))).Value;

    private async Task<EcsServiceState?> ReadOnceAsync(EcsServiceSpec desired, CancellationToken cancellationToken)
    {
        var clusters = ecs.DescribeClustersAsync(desired.Cluster, cancellationToken);
        var services = ServiceAsync(desired, cancellationToken);
        await Task.WhenAll(clusters, services).ConfigureAwait(false);
        var clusterActive = ((await clusters.ConfigureAwait(false)).Clusters ?? []).Any(c => c.Status == Active && (c.ClusterName == desired.Cluster || c.ClusterArn?.EndsWith($"/{desired.Cluster}", StringComparison.Ordinal) == true));
        var service = await services.ConfigureAwait(false);
        if (!clusterActive || service?.TaskDefinition is not { } taskDefinition)
        {
            return new EcsServiceState(desired.Cluster, desired.Service, clusterActive, ServiceActive: clusterActive && service is not null, service?.ServiceArn, null, null, null, []);
        }

        var definition = (await ecs.DescribeTaskDefinitionAsync(taskDefinition, cancellationToken).ConfigureAwait(false)).TaskDefinition;
        return new EcsServiceState(
            desired.Cluster,
            desired.Service,
            ClusterActive: true,
            ServiceActive: true,
            service.ServiceArn,
            definition?.TaskDefinitionArn ?? taskDefinition,
            definition?.TaskRoleArn,
            definition?.ExecutionRoleArn,
            (definition?.ContainerDefinitions ?? []).Select(c => c.Name).OfType<string>().ToList());
    }

    /// <summary>The service when it is ACTIVE; null when it is missing, draining or inactive, or its cluster is missing.</summary>
    private async Task<EcsService?> ServiceAsync(EcsServiceSpec desired, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await ecs.DescribeServicesAsync(desired.Cluster, desired.Service, cancellationToken).ConfigureAwait(false);
            return (reply.Services ?? []).FirstOrDefault(s => s.Status == Active && (s.ServiceName == desired.Service || s.ServiceArn?.EndsWith($"/{desired.Service}", StringComparison.Ordinal) == true));
        }
        catch (AwsResourceNotFoundException)
        {
            // ClusterNotFoundException: the cluster check names what is missing.
            return null;
        }
    }
}
