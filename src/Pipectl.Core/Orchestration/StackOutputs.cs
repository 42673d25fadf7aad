namespace Pipectl.Core.Orchestration;

/// <summary>The keys of a run's outputs (the "outputs" object of the JSON document).</summary>
public static class StackOutputs
{
    public const string CloneUrlHttp = "cloneUrlHttp";
    public const string CloneUrlSsh = "cloneUrlSsh";
    public const string ArtifactBucket = "artifactBucket";
    public const string SiteBucket = "siteBucket";
    public const string WebsiteUrl = "websiteUrl";
    public const string BuildProject = "buildProjectName";
    public const string PipelineName = "pipelineName";
    public const string PipelineConsoleUrl = "pipelineConsoleUrl";
    public const string RuleName = "ruleName";
    public const string ApprovalTopicArn = "approvalTopicArn";
    public const string ConnectionArn = "connectionArn";
    public const string ConnectionStatus = "connectionStatus";
    public const string EcrRepositoryUri = "ecrRepositoryUri";
    public const string EcsServiceArn = "ecsServiceArn";
}
