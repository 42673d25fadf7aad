namespace Pipectl.Core.Naming;

/// <summary>
/// The one place that knows how each ARN pipectl uses is spelled, for one partition, region and account.
/// </summary>
public sealed class Arns
{
    /// <summary>ARNs in <paramref name="region"/> (which also gives the partition) and <paramref name="accountId"/>.</summary>
    /// <param name="region">The region.</param>
    /// <param name="accountId">The account, or null for <see cref="StackNames.AccountPlaceholder"/> (display only).</param>
    public Arns(string region, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(region);
        Region = region;
        AccountId = accountId ?? StackNames.AccountPlaceholder;
        Partition = AwsPartition.ForRegion(region);
    }

    /// <summary>The partition: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...</summary>
    public string Partition { get; }

    /// <summary>The region.</summary>
    public string Region { get; }

    /// <summary>The account, or the placeholder when unknown.</summary>
    public string AccountId { get; }

    /// <summary><c>arn:aws:iam::ACCOUNT:role/NAME</c> (IAM is global: no region).</summary>
    public string Role(string name) => $"arn:{Partition}:iam::{AccountId}:role/{name}";

    /// <summary><c>arn:aws:codecommit:REGION:ACCOUNT:NAME</c>.</summary>
    public string Repository(string name) => $"arn:{Partition}:codecommit:{Region}:{AccountId}:{name}";

    /// <summary><c>arn:aws:codebuild:REGION:ACCOUNT:project/NAME</c>.</summary>
    public string BuildProject(string name) => $"arn:{Partition}:codebuild:{Region}:{AccountId}:project/{name}";

    /// <summary><c>arn:aws:codebuild:REGION:ACCOUNT:report-group/NAME</c>.</summary>
    public string ReportGroup(string name) => $"arn:{Partition}:codebuild:{Region}:{AccountId}:report-group/{name}";

    /// <summary><c>arn:aws:codepipeline:REGION:ACCOUNT:NAME</c> (no <c>pipeline/</c> prefix).</summary>
    public string Pipeline(string name) => $"arn:{Partition}:codepipeline:{Region}:{AccountId}:{name}";

    /// <summary><c>arn:aws:s3:::NAME</c>: bucket names are global, so no region or account.</summary>
    public string Bucket(string name) => $"arn:{Partition}:s3:::{name}";

    /// <summary><c>arn:aws:s3:::NAME/*</c>: every object in the bucket (object actions match only these).</summary>
    public string BucketObjects(string name) => $"arn:{Partition}:s3:::{name}/*";

    /// <summary><c>arn:aws:sns:REGION:ACCOUNT:NAME</c>.</summary>
    public string Topic(string name) => $"arn:{Partition}:sns:{Region}:{AccountId}:{name}";

    /// <summary><c>arn:aws:logs:REGION:ACCOUNT:log-group:/aws/codebuild/PROJECT</c>.</summary>
    public string BuildLogGroup(string buildProjectName) =>
        $"arn:{Partition}:logs:{Region}:{AccountId}:log-group:{StackNames.BuildLogGroup(buildProjectName)}";

    /// <summary>The log streams in the build log group: <see cref="BuildLogGroup"/> followed by <c>:*</c>.</summary>
    public string BuildLogStreams(string buildProjectName) => $"{BuildLogGroup(buildProjectName)}:*";

    /// <summary><c>arn:aws:cloudfront::ACCOUNT:distribution/ID</c> (CloudFront is global: no region).</summary>
    public string Distribution(string id) => $"arn:{Partition}:cloudfront::{AccountId}:distribution/{id}";

    /// <summary><c>arn:aws:events:REGION:ACCOUNT:rule/NAME</c> (default event bus).</summary>
    public string Rule(string name) => $"arn:{Partition}:events:{Region}:{AccountId}:rule/{name}";
}
