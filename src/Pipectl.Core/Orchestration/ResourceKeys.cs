namespace Pipectl.Core.Orchestration;

/// <summary>The keys of a stack's entries (<see cref="DesiredStack"/>); an environment's are prefixed <c>env/</c>.</summary>
public static class ResourceKeys
{
    public const string Repository = "repository";
    public const string ArtifactBucket = "artifact-bucket";
    public const string SiteBucket = "site-bucket";
    public const string BuildRole = "build-role";
    public const string BuildProject = "build-project";
    public const string PipelineRole = "pipeline-role";
    public const string DeployRole = "deploy-role";
    public const string ApprovalTopic = "approval-topic";
    public const string Pipeline = "pipeline";
    public const string EventsRole = "events-role";
    public const string Rule = "rule";
    public const string Connection = "connection";
    public const string Distribution = "distribution";
    public const string InvalidationRole = "invalidation-role";
    public const string InvalidationProject = "invalidation-project";
    public const string TestRole = "test-role";
    public const string TestProject = "test-project";

    /// <summary>The report group of the test buildspec's report <paramref name="report"/>.</summary>
    public static string ReportGroup(string report) => $"report-group-{report}";
}
