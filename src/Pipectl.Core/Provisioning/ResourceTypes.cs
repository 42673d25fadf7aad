namespace Pipectl.Core.Provisioning;

/// <summary>The CloudFormation type names used to name resource kinds in pipectl's output.</summary>
public static class ResourceTypes
{
    public const string Repository = "AWS::CodeCommit::Repository";
    public const string Bucket = "AWS::S3::Bucket";
    public const string Role = "AWS::IAM::Role";
    public const string BuildProject = "AWS::CodeBuild::Project";
    public const string Pipeline = "AWS::CodePipeline::Pipeline";
    public const string Rule = "AWS::Events::Rule";
    public const string Topic = "AWS::SNS::Topic";
    public const string Connection = "AWS::CodeConnections::Connection";
    public const string Distribution = "AWS::CloudFront::Distribution";
    public const string EcrRepository = "AWS::ECR::Repository";
    public const string EcsService = "AWS::ECS::Service";
    public const string ReportGroup = "AWS::CodeBuild::ReportGroup";

    /// <summary>Every kind pipectl names in its output (the text output's type column is as wide as the longest).</summary>
    public static IReadOnlyList<string> All { get; } = [Repository, Bucket, Role, BuildProject, Pipeline, Rule, Topic, Connection, Distribution, EcrRepository, EcsService, ReportGroup];
}
