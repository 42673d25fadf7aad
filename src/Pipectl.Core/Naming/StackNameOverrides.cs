namespace Pipectl.Core.Naming;

/// <summary>
/// Names the user gave through their own options. A null field keeps the name derived from the stack name.
/// </summary>
public sealed record StackNameOverrides
{
    /// <summary><c>--repository-name</c>.</summary>
    public string? RepositoryName { get; init; }

    /// <summary><c>--build-project-name</c>.</summary>
    public string? BuildProjectName { get; init; }

    /// <summary><c>--pipeline-name</c>.</summary>
    public string? PipelineName { get; init; }

    /// <summary><c>--rule-name</c>.</summary>
    public string? RuleName { get; init; }

    /// <summary><c>--build-role-name</c>.</summary>
    public string? BuildRoleName { get; init; }

    /// <summary><c>--pipeline-role-name</c>.</summary>
    public string? PipelineRoleName { get; init; }

    /// <summary><c>--deploy-role-name</c>.</summary>
    public string? DeployRoleName { get; init; }

    /// <summary><c>--events-role-name</c>.</summary>
    public string? EventsRoleName { get; init; }

    /// <summary><c>--artifact-bucket</c>.</summary>
    public string? ArtifactBucketName { get; init; }

    /// <summary><c>--site-bucket</c>.</summary>
    public string? SiteBucketName { get; init; }

    /// <summary><c>--approval-topic-name</c>.</summary>
    public string? ApprovalTopicName { get; init; }
}
