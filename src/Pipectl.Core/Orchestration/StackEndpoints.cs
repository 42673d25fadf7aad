using Pipectl.Core.Naming;

namespace Pipectl.Core.Orchestration;

/// <summary>The well-known public URLs of a stack's resources (clone URLs, website, console).</summary>
public static class StackEndpoints
{
    /// <summary>S3 regions whose website endpoint uses the older "s3-website-REGION" form.</summary>
    private static readonly HashSet<string> DashedWebsiteRegions =
    [
        "us-east-1", "us-west-1", "us-west-2", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1",
        "eu-west-1", "sa-east-1", "us-gov-west-1",
    ];

    public static string CloneUrlHttp(string region, string repository) =>
        $"https://git-codecommit.{region}.{DnsSuffix(region)}/v1/repos/{repository}";

    public static string CloneUrlSsh(string region, string repository) =>
        $"ssh://git-codecommit.{region}.{DnsSuffix(region)}/v1/repos/{repository}";

    /// <summary>The S3 static-website endpoint (HTTP only).</summary>
    public static string WebsiteUrl(string region, string bucket) => DashedWebsiteRegions.Contains(region)
        ? $"http://{bucket}.s3-website-{region}.{DnsSuffix(region)}"
        : $"http://{bucket}.s3-website.{region}.{DnsSuffix(region)}";

    /// <summary>The bucket's S3 REST endpoint, a CloudFront origin read through an origin access control.</summary>
    public static string BucketRestDomain(string region, string bucket) => $"{bucket}.s3.{region}.{DnsSuffix(region)}";

    public static string PipelineConsoleUrl(string region, string pipeline) =>
        $"https://{region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/{Uri.EscapeDataString(pipeline)}/view?region={region}";

    private static string DnsSuffix(string region) =>
        AwsPartition.ForRegion(region) == AwsPartition.China ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>The registry URI docker pushes an ECR repository's images to: <c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME</c>.</summary>
    public static string EcrRepositoryUri(string region, string accountId, string repository) => $"{accountId}.dkr.ecr.{region}.{DnsSuffix(region)}/{repository}";
}
