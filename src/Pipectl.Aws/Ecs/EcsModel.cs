namespace Pipectl.Aws.Ecs;

// Request and reply shapes of the ECS reads pipectl sends (botocore ecs 2014-11-13); camelCase on the wire.
// pipectl never writes to ECS: the pipeline's deploy action does, with the deploy role.

/// <summary>DescribeClusters input.</summary>
public sealed record DescribeClustersRequest(IReadOnlyList<string> Clusters);

/// <summary>A cluster; status ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE.</summary>
public sealed record EcsCluster(string? ClusterArn, string? ClusterName, string? Status);

/// <summary>Why a described resource was not returned (<c>MISSING</c>).</summary>
public sealed record EcsFailure(string? Arn, string? Reason, string? Detail = null);

/// <summary>DescribeClusters output: a cluster that does not exist is a failure, not an error.</summary>
public sealed record DescribeClustersReply(IReadOnlyList<EcsCluster>? Clusters, IReadOnlyList<EcsFailure>? Failures);

/// <summary>DescribeServices input.</summary>
public sealed record DescribeServicesRequest(string Cluster, IReadOnlyList<string> Services);

/// <summary>A service; status ACTIVE, DRAINING or INACTIVE; taskDefinition is its current task definition's ARN.</summary>
public sealed record EcsService(string? ServiceArn, string? ServiceName, string? Status, string? TaskDefinition);

/// <summary>DescribeServices output: a missing service is a failure (<c>MISSING</c>); a missing cluster is ClusterNotFoundException.</summary>
public sealed record DescribeServicesReply(IReadOnlyList<EcsService>? Services, IReadOnlyList<EcsFailure>? Failures);

/// <summary>DescribeTaskDefinition input: an ARN, or family:revision.</summary>
public sealed record DescribeTaskDefinitionRequest(string TaskDefinition);

/// <summary>A container of a task definition (pipectl reads its name).</summary>
public sealed record EcsContainerDefinition(string? Name);

/// <summary>A task definition: its roles (absent when it has none) and containers.</summary>
public sealed record EcsTaskDefinition(string? TaskDefinitionArn, string? TaskRoleArn, string? ExecutionRoleArn, IReadOnlyList<EcsContainerDefinition>? ContainerDefinitions);

/// <summary>DescribeTaskDefinition output.</summary>
public sealed record DescribeTaskDefinitionReply(EcsTaskDefinition? TaskDefinition);
