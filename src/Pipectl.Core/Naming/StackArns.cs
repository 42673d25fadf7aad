using Pipectl.Core.Stacks;

namespace Pipectl.Core.Naming;

/// <summary>The ARN of every resource of one stack. With an unknown account they are for display only.</summary>
/// <param name="Repository">The CodeCommit repository.</param>
/// <param name="BuildProject">The CodeBuild project.</param>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Rule">The EventBridge rule.</param>
/// <param name="BuildRole">The CodeBuild role.</param>
/// <param name="PipelineRole">The pipeline role.</param>
/// <param name="DeployRole">The S3 deploy action's role.</param>
/// <param name="EventsRole">The EventBridge target role.</param>
/// <param name="ArtifactBucket">The artifact bucket.</param>
/// <param name="ArtifactObjects">Every object in the artifact bucket (<c>bucket/*</c>).</param>
/// <param name="SiteBucket">The website bucket.</param>
/// <param name="SiteObjects">Every object in the website bucket (<c>bucket/*</c>).</param>
/// <param name="ApprovalTopic">The SNS approval topic (exists only when an approval email is set).</param>
/// <param name="BuildLogGroup">The build's log group.</param>
/// <param name="BuildLogStreams">The build log group's streams (<c>...:*</c>).</param>
public sealed record StackArns(
    string Repository,
    string BuildProject,
    string Pipeline,
    string Rule,
    string BuildRole,
    string PipelineRole,
    string DeployRole,
    string EventsRole,
    string ArtifactBucket,
    string ArtifactObjects,
    string SiteBucket,
    string SiteObjects,
    string ApprovalTopic,
    string BuildLogGroup,
    string BuildLogStreams)
{
    /// <summary>
    /// The source connection: <c>--connection-arn</c>, the one pipectl made (once known), or a stand-in for one
    /// not created yet (<see cref="Sources.ConnectionArns.Pending"/>).
    /// </summary>
    public string Connection { get; init; } = string.Empty;

    /// <summary>The ARNs of <paramref name="spec"/>'s resources.</summary>
    public static StackArns For(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var arns = new Arns(spec.Region, spec.AccountId);
        return new StackArns(
            Repository: arns.Repository(spec.RepositoryName),
            BuildProject: arns.BuildProject(spec.BuildProjectName),
            Pipeline: arns.Pipeline(spec.PipelineName),
            Rule: arns.Rule(spec.RuleName),
            BuildRole: arns.Role(spec.BuildRoleName),
            PipelineRole: arns.Role(spec.PipelineRoleName),
            DeployRole: arns.Role(spec.DeployRoleName),
            EventsRole: arns.Role(spec.EventsRoleName),
            ArtifactBucket: arns.Bucket(spec.ArtifactBucketName),
            ArtifactObjects: arns.BucketObjects(spec.ArtifactBucketName),
            SiteBucket: arns.Bucket(spec.SiteBucketName),
            SiteObjects: arns.BucketObjects(spec.SiteBucketName),
            ApprovalTopic: arns.Topic(spec.ApprovalTopicName),
            BuildLogGroup: arns.BuildLogGroup(spec.BuildProjectName),
            BuildLogStreams: arns.BuildLogStreams(spec.BuildProjectName))
        {
            Connection = spec.ConnectionArn ?? Sources.ConnectionArns.Pending(arns.Partition, arns.Region, arns.AccountId),
        };
    }
}
