namespace Pipectl.Core.Stacks;

/// <summary>
/// The values every verb uses when the user does not give an option: the one place that knows them.
/// </summary>
public static class StackDefaults
{
    /// <summary>The branch the pipeline builds and the trigger rule watches.</summary>
    public const string Branch = "main";

    /// <summary>CodeBuild's managed Ubuntu 22.04 image (standard:8.0 is Ubuntu 24.04).</summary>
    public const string BuildImage = "aws/codebuild/standard:7.0";

    /// <summary>The smallest general-purpose CodeBuild instance (3 GB, 2 vCPUs).</summary>
    public const string ComputeType = "BUILD_GENERAL1_SMALL";

    /// <summary>
    /// The CodeBuild project's source type: CODEPIPELINE, with CODEPIPELINE artifacts, as the console, CloudFormation
    /// examples and CDK's PipelineProject create a project that a pipeline runs.
    /// </summary>
    public const string SourceType = BuildSourceTypes.CodePipeline;

    /// <summary>
    /// V2 is billed per action-minute; V1 (what AWS assumes when <c>pipelineType</c> is omitted) per active
    /// pipeline per month.
    /// </summary>
    public const string PipelineType = PipelineTypes.V2;

    /// <summary>The tag key on everything pipectl creates; its value is the stack name.</summary>
    public const string StackTagKey = "pipectl:stack";

    /// <summary>The name of the one inline policy pipectl puts on each role it creates.</summary>
    public const string InlinePolicyName = "pipectl-least-privilege";
}
