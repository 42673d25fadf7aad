namespace Pipectl.Core.Naming;

/// <summary>
/// The default name of every resource in a stack, derived from the stack name as DESIGN.md says.
/// Buckets are global, so their names carry the account and region.
/// </summary>
/// <param name="Repository">CodeCommit repository: <c>&lt;name&gt;</c>.</param>
/// <param name="BuildProject">CodeBuild project: <c>&lt;name&gt;-build</c>.</param>
/// <param name="Pipeline">CodePipeline: <c>&lt;name&gt;-pipeline</c>.</param>
/// <param name="Rule">EventBridge rule: <c>&lt;name&gt;-trigger</c>.</param>
/// <param name="BuildRole">CodeBuild role: <c>&lt;name&gt;-codebuild-role</c>.</param>
/// <param name="PipelineRole">CodePipeline role: <c>&lt;name&gt;-codepipeline-role</c>.</param>
/// <param name="DeployRole">S3 deploy action role: <c>&lt;name&gt;-deploy-role</c>.</param>
/// <param name="EventsRole">EventBridge target role: <c>&lt;name&gt;-events-role</c>.</param>
/// <param name="ArtifactBucket">Artifact bucket: <c>&lt;name&gt;-artifacts-&lt;account&gt;-&lt;region&gt;</c>.</param>
/// <param name="SiteBucket">Website bucket: <c>&lt;name&gt;-site-&lt;account&gt;-&lt;region&gt;</c>.</param>
/// <param name="ApprovalTopic">SNS topic: <c>&lt;name&gt;-approvals</c>.</param>
public sealed record StackNames(
    string Repository,
    string BuildProject,
    string Pipeline,
    string Rule,
    string BuildRole,
    string PipelineRole,
    string DeployRole,
    string EventsRole,
    string ArtifactBucket,
    string SiteBucket,
    string ApprovalTopic)
{
    /// <summary>
    /// Stands in for the account ID when it is unknown (a dry run without credentials). A name or ARN that
    /// contains it is for display only: it can never be sent to AWS (S3 and ARNs reject '&lt;').
    /// </summary>
    public const string AccountPlaceholder = "<account>";

    /// <summary>Derives every default name.</summary>
    /// <param name="stackName">The <c>--name</c> value.</param>
    /// <param name="region">The region, part of the bucket names.</param>
    /// <param name="accountId">The account, part of the bucket names; null puts <see cref="AccountPlaceholder"/> there.</param>
    public static StackNames For(string stackName, string region, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(region);
        var account = accountId ?? AccountPlaceholder;
        return new StackNames(
            Repository: stackName,
            BuildProject: $"{stackName}-build",
            Pipeline: $"{stackName}-pipeline",
            Rule: $"{stackName}-trigger",
            BuildRole: $"{stackName}-codebuild-role",
            PipelineRole: $"{stackName}-codepipeline-role",
            DeployRole: $"{stackName}-deploy-role",
            EventsRole: $"{stackName}-events-role",
            ArtifactBucket: $"{stackName}-artifacts-{account}-{region}",
            SiteBucket: $"{stackName}-site-{account}-{region}",
            ApprovalTopic: $"{stackName}-approvals");
    }

    /// <summary>
    /// The CloudFront Function of a CloudFront site: CloudFront is global, so the region is in the name (two stacks of
    /// one name in two regions each own theirs); at most <see cref="SiteIndexFunctionMaxLength"/> characters, CloudFront's
    /// limit. A longer name is fitted by <see cref="BoundedName.Fit"/> (its start and a hash of the whole), so two long
    /// stack or environment names that share their first 64 characters do not share one function.
    /// </summary>
    public static string SiteIndexFunction(string stackName, string region) =>
        BoundedName.Fit($"{stackName}-site-index-{region}", SiteIndexFunctionMaxLength);

    /// <summary>CloudFront Function names: 1-64 characters of a-z A-Z 0-9 - _ (CloudFront API Reference, CreateFunction).</summary>
    public const int SiteIndexFunctionMaxLength = 64;

    /// <summary>
    /// True when <paramref name="candidate"/> is the name pipectl gave the function <paramref name="functionName"/>
    /// names before long names were fitted with a hash: the long name cut at 64 characters.
    /// </summary>
    public static bool IsEarlierSiteIndexFunction(string candidate, string functionName) =>
        BoundedName.IsEarlierCut(candidate, functionName, SiteIndexFunctionMaxLength);

    /// <summary>The CloudWatch Logs group CodeBuild writes a project's build logs to.</summary>
    public static string BuildLogGroup(string buildProjectName) => $"/aws/codebuild/{buildProjectName}";
}
