using Pipectl.Core.Naming;

namespace Pipectl.Core.Stacks;

/// <summary>
/// Everything the verbs' options say about one stack: the names of its resources and how to build and
/// deploy. Start from <see cref="FromStackName"/> (every name derived, every default applied) and change
/// what the options override with <c>with</c>; check it with <c>StackSpecValidator</c> before sending anything.
/// </summary>
public sealed record StackSpec
{
    /// <summary>The stack name (<c>--name</c>) every default name derives from; also the value of the stack tag.</summary>
    public required string StackName { get; init; }

    /// <summary>The AWS region, e.g. <c>us-east-1</c>.</summary>
    public required string Region { get; init; }

    /// <summary>
    /// The 12-digit account ID, or null when it is not known (a dry run without credentials). Then derived
    /// bucket names and ARNs carry <see cref="StackNames.AccountPlaceholder"/> and are for display only.
    /// </summary>
    public string? AccountId { get; init; }

    /// <summary>The CodeCommit repository name.</summary>
    public required string RepositoryName { get; init; }

    /// <summary>The CodeCommit repository description, or null for none.</summary>
    public string? RepositoryDescription { get; init; }

    /// <summary>
    /// Use an existing repository that pipectl did not create (<c>--existing-repo</c>): it must exist, and it
    /// is never modified or deleted. Without it, a repository of the stack's name made by someone else stops the run.
    /// </summary>
    public bool ExistingRepository { get; init; }

    /// <summary>The branch the pipeline builds and the trigger rule watches.</summary>
    public string Branch { get; init; } = StackDefaults.Branch;

    /// <summary>The CodeBuild project name.</summary>
    public required string BuildProjectName { get; init; }

    /// <summary>The CodePipeline name.</summary>
    public required string PipelineName { get; init; }

    /// <summary>The EventBridge rule that starts the pipeline on a push.</summary>
    public required string RuleName { get; init; }

    /// <summary>The role CodeBuild assumes.</summary>
    public required string BuildRoleName { get; init; }

    /// <summary>The pipeline's service role.</summary>
    public required string PipelineRoleName { get; init; }

    /// <summary>The role the S3 deploy action assumes (through the pipeline role).</summary>
    public required string DeployRoleName { get; init; }

    /// <summary>The role EventBridge assumes to start the pipeline.</summary>
    public required string EventsRoleName { get; init; }

    /// <summary>The pipeline's artifact store.</summary>
    public required string ArtifactBucketName { get; init; }

    /// <summary>The S3 static-website bucket the pipeline deploys to.</summary>
    public required string SiteBucketName { get; init; }

    /// <summary>The SNS topic approval requests go to; used only when <see cref="ApprovalEmail"/> is set.</summary>
    public required string ApprovalTopicName { get; init; }

    /// <summary>The CodeBuild image.</summary>
    public string BuildImage { get; init; } = StackDefaults.BuildImage;

    /// <summary>The CodeBuild compute type (one of CodeBuild's <c>ComputeType</c> values).</summary>
    public string ComputeType { get; init; } = StackDefaults.ComputeType;

    /// <summary><c>CODEPIPELINE</c> (default: the pipeline hands the build its source) or <c>CODECOMMIT</c> (the project can also build alone).</summary>
    public string SourceType { get; init; } = StackDefaults.SourceType;

    /// <summary>
    /// Whether the build runs with CodeBuild's privileged mode (a Docker daemon, for building images). Off by
    /// default; Lambda compute has none.
    /// </summary>
    public bool Privileged { get; init; }

    /// <summary>An inline buildspec, or null to use <c>buildspec.yml</c> from the repository.</summary>
    public string? BuildspecContent { get; init; }

    /// <summary>
    /// Environment variables of the build project (from <c>build.environmentVariables</c> in <c>pipectl.yaml</c>):
    /// plain text, Parameter Store or Secrets Manager references; empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, BuildVariable> EnvironmentVariables { get; init; } = EmptyVariables;

    /// <summary>Whether a manual approval stage runs before Deploy. See <see cref="HasApprovalStage"/>.</summary>
    public bool Approval { get; init; }

    /// <summary>
    /// Where approval requests are mailed (through the SNS topic). Setting it implies an approval stage:
    /// an address without a stage to approve would be meaningless, so it is not an error but a request.
    /// </summary>
    public string? ApprovalEmail { get; init; }

    /// <summary><c>V2</c> (default) or <c>V1</c>.</summary>
    public string PipelineType { get; init; } = StackDefaults.PipelineType;

    /// <summary>When true the site bucket gets no public-read policy.</summary>
    public bool PrivateSite { get; init; }

    /// <summary>How the website is served: <see cref="SiteTypes.S3Website"/> (default) or <see cref="SiteTypes.CloudFront"/>.</summary>
    public string Site { get; init; } = SiteTypes.S3Website;

    /// <summary>True when a CloudFront distribution serves the site from a private bucket.</summary>
    public bool IsCloudFrontSite => Site == SiteTypes.CloudFront;

    /// <summary>The CodeBuild project of the pipeline's Invalidate stage (CloudFront sites).</summary>
    public string InvalidationProjectName => $"{BuildProjectName}-invalidate";

    /// <summary>
    /// The viewer-request CloudFront Function of a CloudFront site: <c>&lt;name&gt;-site-index-&lt;region&gt;</c>, for an
    /// environment of a stack file <c>&lt;name&gt;-&lt;env&gt;-site-index-&lt;region&gt;</c> (CloudFront Function names are unique
    /// in the account, so each environment's distribution needs its own).
    /// </summary>
    public string SiteIndexFunctionName { get => _siteIndexFunctionName ?? StackNames.SiteIndexFunction(StackName, Region); init => _siteIndexFunctionName = value; }

    /// <summary>The role of <see cref="InvalidationProjectName"/>.</summary>
    public string InvalidationRoleName => $"{PipelineName}-invalidate-role";

    /// <summary>Where the Deploy stage delivers: <see cref="DeployTargets.S3"/> (default) or <see cref="DeployTargets.Ecs"/>.</summary>
    public string Deploy { get; init; } = DeployTargets.S3;

    /// <summary>The cluster, service, container and ECR repository of a <see cref="DeployTargets.Ecs"/> deploy.</summary>
    public EcsDeployment Ecs { get; init; } = new();

    /// <summary>True when the pipeline deploys a container image to an ECS service (no website bucket).</summary>
    public bool IsEcsDeploy => Deploy == DeployTargets.Ecs;

    /// <summary>The ECR repository the build pushes to: <c>--ecr-repository</c>, or the stack name.</summary>
    public string EcrRepositoryName => Ecs.RepositoryName ?? StackName;

    /// <summary>The container the deploy updates: <c>--container-name</c>, or the stack name.</summary>
    public string ContainerName => Ecs.ContainerName ?? StackName;

    /// <summary>How many images the ECR lifecycle policy keeps.</summary>
    public int EcrImagesToKeep => Ecs.ImagesToKeep ?? EcsDeployment.DefaultImagesToKeep;
    /// <summary>The pipeline's Test stage (<c>--test-buildspec</c>, <c>test:</c>), or null for none.</summary>
    public TestStage? Test { get; init; }

    /// <summary>True when the pipeline has a Test stage between Build and the approval or deploy.</summary>
    public bool HasTestStage => Test is not null;

    /// <summary>The Test stage's CodeBuild project: <c>&lt;name&gt;-test</c> (<c>&lt;name&gt;-&lt;env&gt;-test</c> in an environment).</summary>
    public string TestProjectName { get => _testProjectName ?? $"{StackName}-test"; init => _testProjectName = value; }

    /// <summary>The role of <see cref="TestProjectName"/>: <c>&lt;test project&gt;-role</c>.</summary>
    public string TestRoleName => $"{TestProjectName}-role";

    /// <summary>
    /// The report group pipectl creates for the test buildspec's report <paramref name="report"/>:
    /// <c>&lt;test project&gt;-&lt;report&gt;</c>, the name CodeBuild resolves a report name in a project's buildspec to,
    /// so the buildspec's plain name lands in pipectl's group and the project never creates one itself.
    /// </summary>
    public string ReportGroupName(string report) => $"{TestProjectName}-{report}";

    /// <summary>A local folder whose files become the repository's first commit, or null.</summary>
    public string? SeedDirectory { get; init; }

    /// <summary>
    /// A repository on GitHub, GitLab or Bitbucket (<c>github:OWNER/REPO</c>) read through a CodeConnections
    /// connection, or null for the CodeCommit repository. See <see cref="ConnectionSource"/>.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>An existing connection to use (<c>--connection-arn</c>); null lets pipectl create or reuse its own.</summary>
    public string? ConnectionArn { get; init; }

    /// <summary>File-path globs a push must touch to start the pipeline (V2 push trigger); empty: any push.</summary>
    public IReadOnlyList<string> TriggerFilePaths { get; init; } = [];

    /// <summary>The parsed <see cref="Source"/>, or null for CodeCommit (or a source the validator rejects).</summary>
    public Sources.ConnectionSource? ConnectionSource => Source is null ? null : Sources.ConnectionSource.Parse(Source, out _);

    /// <summary>True when the pipeline's source is a connection, not the CodeCommit repository.</summary>
    public bool UsesConnection => Source is not null;

    /// <summary>The connection pipectl creates: <c>&lt;name&gt;-&lt;provider&gt;</c>.</summary>
    public string ConnectionName => $"{StackName}-{ConnectionSource?.Prefix ?? "source"}";

    /// <summary>True when a V2 push trigger on the source action starts the pipeline (no EventBridge rule).</summary>
    public bool HasPushTrigger => UsesConnection && PipelineType == PipelineTypes.V2;

    private static readonly IReadOnlyDictionary<string, BuildVariable> EmptyVariables = new Dictionary<string, BuildVariable>();

    // Set by FromStackName (so an environment's is <name>-<env>-test); a spec built otherwise derives it from StackName.
    private readonly string? _testProjectName;

    // Set by FromStackName (so an environment's is <name>-<env>-site-index-<region>); otherwise derived from StackName.
    private readonly string? _siteIndexFunctionName;

    /// <summary>True when the pipeline has a manual approval stage: <see cref="Approval"/> or an <see cref="ApprovalEmail"/>.</summary>
    public bool HasApprovalStage => Approval || ApprovalEmail is not null;

    /// <summary>True when approval requests are mailed, so an SNS topic is part of the stack.</summary>
    public bool HasApprovalTopic => ApprovalEmail is not null;

    /// <summary>True when the account is known and names and ARNs are real, not display placeholders.</summary>
    public bool IsAccountKnown => AccountId is not null;

    /// <summary>
    /// A spec with every name derived from <paramref name="stackName"/> as DESIGN.md says, each replaced by
    /// the matching non-null override, and every other option at its default.
    /// </summary>
    /// <param name="stackName">The <c>--name</c> value.</param>
    /// <param name="region">The region.</param>
    /// <param name="accountId">The account ID, or null when unknown (bucket names then carry a placeholder).</param>
    /// <param name="overrides">Names given by their own options; null fields keep the derived name.</param>
    public static StackSpec FromStackName(string stackName, string region, string? accountId, StackNameOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(region);
        var names = StackNames.For(stackName, region, accountId);
        var given = overrides ?? new StackNameOverrides();
        return new StackSpec
        {
            StackName = stackName,
            Region = region,
            AccountId = accountId,
            RepositoryName = given.RepositoryName ?? names.Repository,
            BuildProjectName = given.BuildProjectName ?? names.BuildProject,
            PipelineName = given.PipelineName ?? names.Pipeline,
            RuleName = given.RuleName ?? names.Rule,
            BuildRoleName = given.BuildRoleName ?? names.BuildRole,
            PipelineRoleName = given.PipelineRoleName ?? names.PipelineRole,
            DeployRoleName = given.DeployRoleName ?? names.DeployRole,
            EventsRoleName = given.EventsRoleName ?? names.EventsRole,
            ArtifactBucketName = given.ArtifactBucketName ?? names.ArtifactBucket,
            SiteBucketName = given.SiteBucketName ?? names.SiteBucket,
            ApprovalTopicName = given.ApprovalTopicName ?? names.ApprovalTopic,
            TestProjectName = $"{stackName}-test",
            SiteIndexFunctionName = StackNames.SiteIndexFunction(stackName, region),
        };
    }
}
