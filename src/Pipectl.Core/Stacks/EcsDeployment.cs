namespace Pipectl.Core.Stacks;

/// <summary>
/// The ECS side of a <c>--deploy ecs</c> stack: the cluster and service it rolls out to (both must exist before
/// pipectl runs; it never creates, changes or deletes them), the container of the service's task definition that
/// runs the image, and the ECR repository the build pushes to (created and owned by the stack).
/// </summary>
public sealed record EcsDeployment
{
    /// <summary>The default number of images the repository's lifecycle policy keeps.</summary>
    public const int DefaultImagesToKeep = 30;

    /// <summary><c>--ecs-cluster</c>: the cluster's name; required with <c>--deploy ecs</c>.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>--ecs-service</c>: the service's name; required with <c>--deploy ecs</c>.</summary>
    public string? Service { get; init; }

    /// <summary><c>--container-name</c>: the container imagedefinitions.json names; null for the stack name.</summary>
    public string? ContainerName { get; init; }

    /// <summary><c>--ecr-repository</c>: the ECR repository's name; null for the stack name.</summary>
    public string? RepositoryName { get; init; }

    /// <summary><c>--ecr-keep-images</c>: how many images the lifecycle policy keeps; null for <see cref="DefaultImagesToKeep"/>.</summary>
    public int? ImagesToKeep { get; init; }
}
