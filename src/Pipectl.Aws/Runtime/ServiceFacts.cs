namespace Pipectl.Aws.Runtime;

/// <summary>CodeCommit: JSON 1.1, target prefix CodeCommit_20150413.</summary>
public sealed class CodeCommitFacts : IAwsServiceFacts
{
    public static string ServiceId => "CodeCommit";
    public static string SigningName => "codecommit";
    public static string EndpointPrefix => "codecommit";
    public static string ApiVersion => "2015-04-13";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "CodeCommit_20150413";
}

/// <summary>CodeBuild: JSON 1.1, target prefix CodeBuild_20161006.</summary>
public sealed class CodeBuildFacts : IAwsServiceFacts
{
    public static string ServiceId => "CodeBuild";
    public static string SigningName => "codebuild";
    public static string EndpointPrefix => "codebuild";
    public static string ApiVersion => "2016-10-06";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "CodeBuild_20161006";
}

/// <summary>CodePipeline: JSON 1.1, target prefix CodePipeline_20150709.</summary>
public sealed class CodePipelineFacts : IAwsServiceFacts
{
    public static string ServiceId => "CodePipeline";
    public static string SigningName => "codepipeline";
    public static string EndpointPrefix => "codepipeline";
    public static string ApiVersion => "2015-07-09";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "CodePipeline_20150709";
}

/// <summary>EventBridge: JSON 1.1, target prefix AWSEvents; members are PascalCase.</summary>
public sealed class EventBridgeFacts : IAwsServiceFacts
{
    public static string ServiceId => "EventBridge";
    public static string SigningName => "events";
    public static string EndpointPrefix => "events";
    public static string ApiVersion => "2015-10-07";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "AWSEvents";
}

/// <summary>CodeConnections: JSON 1.0, target prefix com.amazonaws.codeconnections.CodeConnections_20231201; members are PascalCase.</summary>
public sealed class CodeConnectionsFacts : IAwsServiceFacts
{
    public static string ServiceId => "CodeConnections";
    public static string SigningName => "codeconnections";
    public static string EndpointPrefix => "codeconnections";
    public static string ApiVersion => "2023-12-01";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "com.amazonaws.codeconnections.CodeConnections_20231201";
}

/// <summary>IAM: Query protocol, global endpoint https://iam.amazonaws.com signed for us-east-1.</summary>
public sealed class IamFacts : IAwsServiceFacts
{
    public static string ServiceId => "IAM";
    public static string SigningName => "iam";
    public static string EndpointPrefix => "iam";
    public static string ApiVersion => "2010-05-08";
    public static bool IsGlobal => true;
}

/// <summary>SNS: Query protocol.</summary>
public sealed class SnsFacts : IAwsServiceFacts
{
    public static string ServiceId => "SNS";
    public static string SigningName => "sns";
    public static string EndpointPrefix => "sns";
    public static string ApiVersion => "2010-03-31";
    public static bool IsGlobal => false;
}

/// <summary>CloudFront: REST-XML, global endpoint https://cloudfront.amazonaws.com signed for us-east-1.</summary>
public sealed class CloudFrontFacts : IAwsServiceFacts
{
    public static string ServiceId => "CloudFront";
    public static string SigningName => "cloudfront";
    public static string EndpointPrefix => "cloudfront";
    public static string ApiVersion => "2020-05-31";
    public static bool IsGlobal => true;
}

/// <summary>
/// S3 Control: REST-XML, signed "s3"; the host carries the account (ACCOUNT.s3-control.REGION.amazonaws.com),
/// which <see cref="S3Control.S3ControlClient"/> adds unless an endpoint override (an emulator) is set.
/// </summary>
public sealed class S3ControlFacts : IAwsServiceFacts
{
    public static string ServiceId => "S3 Control";
    public static string SigningName => "s3";
    public static string EndpointPrefix => "s3-control";
    public static string ApiVersion => "2018-08-20";
    public static bool IsGlobal => false;
}

/// <summary>CloudWatch Logs: JSON 1.1, target prefix Logs_20140328, endpoint prefix and signing name "logs".</summary>
public sealed class CloudWatchLogsFacts : IAwsServiceFacts
{
    public static string ServiceId => "CloudWatch Logs";
    public static string SigningName => "logs";
    public static string EndpointPrefix => "logs";
    public static string ApiVersion => "2014-03-28";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "Logs_20140328";
}

/// <summary>ECR: JSON 1.1, target prefix AmazonEC2ContainerRegistry_V20150921, endpoint api.ecr.REGION.amazonaws.com, signed "ecr".</summary>
public sealed class EcrFacts : IAwsServiceFacts
{
    public static string ServiceId => "ECR";
    public static string SigningName => "ecr";
    public static string EndpointPrefix => "api.ecr";
    public static string ApiVersion => "2015-09-21";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921";
}

/// <summary>ECS: JSON 1.1, target prefix AmazonEC2ContainerServiceV20141113, signed "ecs".</summary>
public sealed class EcsFacts : IAwsServiceFacts
{
    public static string ServiceId => "ECS";
    public static string SigningName => "ecs";
    public static string EndpointPrefix => "ecs";
    public static string ApiVersion => "2014-11-13";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";
}

/// <summary>Resource Groups Tagging API: JSON 1.1, target prefix ResourceGroupsTaggingAPI_20170126, endpoint and signing name "tagging".</summary>
public sealed class TaggingFacts : IAwsServiceFacts
{
    public static string ServiceId => "Resource Groups Tagging API";
    public static string SigningName => "tagging";
    public static string EndpointPrefix => "tagging";
    public static string ApiVersion => "2017-01-26";
    public static bool IsGlobal => false;
    public const string TargetPrefix = "ResourceGroupsTaggingAPI_20170126";
}
