namespace Pipectl.Core.Resources;

/// <summary>
/// What pipectl reads of an ECS service it deploys to: whether it and its cluster are ACTIVE, and of its current
/// task definition the roles it passes to ECS (null when it has none) and its containers' names.
/// </summary>
public sealed record EcsServiceState(
    string Cluster,
    string Service,
    bool ClusterActive,
    bool ServiceActive,
    string? ServiceArn,
    string? TaskDefinitionArn,
    string? TaskRoleArn,
    string? ExecutionRoleArn,
    IReadOnlyList<string> ContainerNames)
{
    /// <summary>The task definition's roles, distinct: what the deploy role may pass to ECS tasks.</summary>
    public IReadOnlyList<string> TaskRoles =>
        new[] { TaskRoleArn, ExecutionRoleArn }.OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The task definition's family (<c>task-definition/FAMILY:REVISION</c>), or null when unknown.</summary>
    public string? TaskDefinitionFamily => TaskDefinitionArn is { } arn && arn.LastIndexOf('/') is var slash and >= 0
        ? arn[(slash + 1)..].Split(':')[0]
        : null;
}
