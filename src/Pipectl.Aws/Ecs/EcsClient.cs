using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Ecs;

/// <summary>
/// pipectl's own ECS client (JSON 1.1, target prefix AmazonEC2ContainerServiceV20141113, signed "ecs"): reads the
/// cluster, service and task definition a container stack deploys to. It has no write operation on purpose.
/// </summary>
public class EcsClient(AWSCredentials credentials, PipectlClientConfig<EcsFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<EcsFacts>(credentials, config, EcsFacts.TargetPrefix, counter)
{
    private static EcsJsonContext Json => EcsJsonContext.Default;

    public virtual Task<DescribeClustersReply> DescribeClustersAsync(string cluster, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DescribeClusters", new DescribeClustersRequest([cluster]), Json.DescribeClustersRequest, Json.DescribeClustersReply, cancellationToken);

    /// <summary>One service of a cluster; <c>ClusterNotFoundException</c> (not found) when the cluster does not exist.</summary>
    public virtual Task<DescribeServicesReply> DescribeServicesAsync(string cluster, string service, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DescribeServices", new DescribeServicesRequest(cluster, [service]), Json.DescribeServicesRequest, Json.DescribeServicesReply, cancellationToken);

    public virtual Task<DescribeTaskDefinitionReply> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DescribeTaskDefinition", new DescribeTaskDefinitionRequest(taskDefinition), Json.DescribeTaskDefinitionRequest, Json.DescribeTaskDefinitionReply, cancellationToken);
}
