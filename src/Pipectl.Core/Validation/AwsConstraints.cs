using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// Every naming rule, limit and enumeration pipectl checks before it sends anything, in one place.
/// Sources: the botocore 1.43 service models on this machine (codebuild 2016-10-06, codecommit 2015-04-13,
/// codepipeline 2015-07-09, events 2015-10-07, iam 2010-05-08) and the S3 bucket naming rules page.
/// </summary>
/// <remarks>Every pattern ends in <c>\z</c>, not <c>$</c>: in .NET <c>$</c> also matches before a final newline, which let "name\n" through.</remarks>
public static partial class AwsConstraints
{
    /// <summary>Stack names: the shortest that still makes sense.</summary>
    public const int StackNameMinLength = 1;

    /// <summary>IAM <c>roleNameType</c>: 1-64 characters.</summary>
    public const int IamRoleNameMaxLength = 64;

    /// <summary>S3 bucket names: at least 3 characters.</summary>
    public const int S3BucketNameMinLength = 3;

    /// <summary>S3 bucket names: at most 63 characters.</summary>
    public const int S3BucketNameMaxLength = 63;

    /// <summary>CodeCommit <c>RepositoryName</c>: 1-100 characters.</summary>
    public const int RepositoryNameMaxLength = 100;

    /// <summary>CodeCommit <c>RepositoryDescription</c>: at most 1,000 characters.</summary>
    public const int RepositoryDescriptionMaxLength = 1000;

    /// <summary>CodeBuild <c>ProjectName</c>: at least 2 characters.</summary>
    public const int BuildProjectNameMinLength = 2;

    /// <summary>
    /// CodeBuild <c>ProjectName</c>: at most 150 characters. The service model says 150 (pattern
    /// <c>[A-Za-z0-9][A-Za-z0-9\-_]{1,149}</c>); older documentation says 255. The model is what the API checks.
    /// </summary>
    public const int BuildProjectNameMaxLength = 150;

    /// <summary>CodePipeline <c>PipelineName</c>: 1-100 characters.</summary>
    public const int PipelineNameMaxLength = 100;

    /// <summary>EventBridge <c>RuleName</c>: 1-64 characters.</summary>
    public const int RuleNameMaxLength = 64;

    /// <summary>SNS topic names: 1-256 characters.</summary>
    public const int TopicNameMaxLength = 256;

    /// <summary>CodeCommit <c>BranchName</c>: 1-256 characters.</summary>
    public const int BranchNameMaxLength = 256;

    /// <summary>Every AWS account ID has exactly 12 digits.</summary>
    public const int AccountIdLength = 12;

    /// <summary>
    /// A 12-digit account ID put in place of <see cref="Naming.StackNames.AccountPlaceholder"/> to check bucket
    /// names when the account is unknown: the length and characters of any real account ID are the same.
    /// </summary>
    public const string AccountIdStandIn = "000000000000";

    /// <summary>CodeBuild <c>ComputeType</c>, exactly as the service model lists it.</summary>
    public static ImmutableArray<string> ComputeTypes { get; } =
    [
        "BUILD_GENERAL1_SMALL",
        "BUILD_GENERAL1_MEDIUM",
        "BUILD_GENERAL1_LARGE",
        "BUILD_GENERAL1_XLARGE",
        "BUILD_GENERAL1_2XLARGE",
        "BUILD_LAMBDA_1GB",
        "BUILD_LAMBDA_2GB",
        "BUILD_LAMBDA_4GB",
        "BUILD_LAMBDA_8GB",
        "BUILD_LAMBDA_10GB",
        "ATTRIBUTE_BASED_COMPUTE",
        "CUSTOM_INSTANCE_TYPE",
    ];

    /// <summary>The CodeBuild source types pipectl supports (of the model's <c>SourceType</c>).</summary>
    public static ImmutableArray<string> SourceTypes { get; } = [BuildSourceTypes.CodeCommit, BuildSourceTypes.CodePipeline];

    /// <summary>CodePipeline <c>PipelineType</c>.</summary>
    public static ImmutableArray<string> PipelineTypes { get; } = [Stacks.PipelineTypes.V1, Stacks.PipelineTypes.V2];

    /// <summary>Prefixes S3 reserves: a bucket name must not start with them.</summary>
    public static ImmutableArray<string> S3ReservedPrefixes { get; } = ["xn--", "sthree-", "amzn-s3-demo-"];

    /// <summary>Suffixes S3 reserves for access points, Object Lambda, MRAP, directory and table buckets.</summary>
    public static ImmutableArray<string> S3ReservedSuffixes { get; } = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>Characters git refuses anywhere in a ref name (<c>git check-ref-format</c>).</summary>
    public static ImmutableArray<char> GitRefForbiddenCharacters { get; } = [' ', '~', '^', ':', '?', '*', '[', '\\'];

    /// <summary>Stack names: lowercase letters, digits and hyphens, starting with a letter (they end up in bucket names).</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9-]*\z")]
    public static partial Regex StackName();

    /// <summary>Region codes: <c>us-east-1</c>, <c>us-gov-west-1</c>, <c>us-isob-east-1</c>, ...</summary>
    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+\z")]
    public static partial Regex Region();

    /// <summary>Account IDs: 12 digits.</summary>
    [GeneratedRegex(@"^\d{12}\z")]
    public static partial Regex AccountId();

    /// <summary>IAM <c>roleNameType</c> pattern <c>[\w+=,.@-]+</c>, with <c>\w</c> as ASCII.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]+\z")]
    public static partial Regex IamRoleName();

    /// <summary>S3 bucket names: lowercase letters, digits, dots and hyphens.</summary>
    [GeneratedRegex(@"^[a-z0-9.-]+\z")]
    public static partial Regex S3BucketNameCharacters();

    /// <summary>S3 bucket names formatted like an IPv4 address (forbidden).</summary>
    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\z")]
    public static partial Regex IpAddress();

    /// <summary>CodeCommit <c>RepositoryName</c> pattern <c>[\w\.-]+</c>, with <c>\w</c> as ASCII.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\z")]
    public static partial Regex RepositoryName();

    /// <summary>CodeBuild <c>ProjectName</c> pattern <c>[A-Za-z0-9][A-Za-z0-9\-_]{1,149}</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-_]*\z")]
    public static partial Regex BuildProjectName();

    /// <summary>CodePipeline <c>PipelineName</c> pattern <c>[A-Za-z0-9.@\-_]+</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9.@\-_]+\z")]
    public static partial Regex PipelineName();

    /// <summary>EventBridge <c>RuleName</c> pattern <c>[\.\-_A-Za-z0-9]+</c>.</summary>
    [GeneratedRegex(@"^[\.\-_A-Za-z0-9]+\z")]
    public static partial Regex RuleName();

    /// <summary>SNS topic names: letters, digits, hyphens and underscores.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    public static partial Regex TopicName();

    /// <summary>A plausible mail address: <c>local@domain.tld</c>, no spaces, one '@'.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\z")]
    public static partial Regex EmailAddress();
}
