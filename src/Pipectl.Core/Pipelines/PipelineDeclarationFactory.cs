using Pipectl.Core.Naming;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Pipelines;

/// <summary>
/// Builds the pipeline a stack wants: Source (CodeCommit, or GitHub/GitLab/Bitbucket through a connection) -> Build (CodeBuild) -> [Test (CodeBuild)] -> [Approval (manual)] ->
/// Deploy (S3, extracted, with the deploy role).
/// </summary>
public static class PipelineDeclarationFactory
{
    /// <summary>The Source stage and its action.</summary>
    public const string SourceStageName = "Source";

    /// <summary>The Build stage and its action.</summary>
    public const string BuildStageName = "Build";

    /// <summary>The manual Approval stage and its action.</summary>
    public const string ApprovalStageName = "Approval";

    /// <summary>The Deploy stage and its action.</summary>
    public const string DeployStageName = "Deploy";

    /// <summary>
    /// The Invalidate stage of a CloudFront site: after the deploy, a CodeBuild project invalidates <c>/*</c> so the
    /// next request reads the new objects instead of the edge caches' copies.
    /// </summary>
    public const string InvalidateStageName = "Invalidate";

    /// <summary>The Test stage of <c>--test-buildspec</c> / <c>test:</c>: its CodeBuild project runs the tests; it has no output.</summary>
    public const string TestStageName = "Test";

    /// <summary>The source action's output: the branch's files as a zip.</summary>
    public const string SourceOutputArtifact = "SourceOutput";

    /// <summary>The build action's output: what the buildspec lists under <c>artifacts</c>.</summary>
    public const string BuildOutputArtifact = "BuildOutput";

    private const string AwsOwner = "AWS";
    private const string ActionTypeVersion = "1";

    /// <summary>The pipeline for <paramref name="spec"/>, its ARNs from <see cref="StackArns.For"/>.</summary>
    public static PipelineDeclaration Create(StackSpec spec) => Create(spec, StackArns.For(spec));

    /// <summary>The pipeline for <paramref name="spec"/>, whose resources have the ARNs <paramref name="arns"/>.</summary>
    public static PipelineDeclaration Create(StackSpec spec, StackArns arns)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arns);
        List<PipelineStage> stages = [SourceStage(spec, arns), BuildStage(spec)];
        if (spec.Test is { } test)
        {
            stages.Add(TestStage(spec, test));
        }

        if (spec.HasApprovalStage)
        {
            stages.Add(ApprovalStage(spec, arns));
        }

        stages.Add(DeployStage(spec, arns));
        if (spec.IsCloudFrontSite)
        {
            stages.Add(InvalidateStage(spec));
        }

        return new PipelineDeclaration
        {
            Name = spec.PipelineName,
            RoleArn = arns.PipelineRole,
            ArtifactStore = new PipelineArtifactStore(PipelineArtifactStore.S3Type, spec.ArtifactBucketName),
            Stages = stages,
            PipelineType = spec.PipelineType,
            Triggers = spec.HasPushTrigger ? [new PipelineTrigger(SourceStageName, [spec.Branch], spec.TriggerFilePaths)] : [],
        };
    }

    private static PipelineStage SourceStage(StackSpec spec, StackArns arns) => spec.ConnectionSource is { } source
        ? SourceActionStage("CodeStarSourceConnection", new Dictionary<string, string>
        {
            ["ConnectionArn"] = arns.Connection,
            ["FullRepositoryId"] = source.FullRepositoryId,
            ["BranchName"] = spec.Branch,
            ["OutputArtifactFormat"] = "CODE_ZIP",
            // A V2 push trigger starts the pipeline, and with a trigger AWS turns default change detection off;
            // saying so keeps the declaration honest. A V1 pipeline has no triggers: change detection starts it.
            ["DetectChanges"] = spec.HasPushTrigger ? "false" : "true",
        })
        : SourceActionStage("CodeCommit", new Dictionary<string, string>
        {
            ["RepositoryName"] = spec.RepositoryName,
            ["BranchName"] = spec.Branch,
            // The EventBridge rule starts the pipeline; polling as well (the API's default) runs it twice a push.
            ["PollForSourceChanges"] = "false",
            ["OutputArtifactFormat"] = "CODE_ZIP",
        });

    private static PipelineStage SourceActionStage(string provider, Dictionary<string, string> configuration) => new(SourceStageName,
    [
        new PipelineAction
        {
            Name = SourceStageName,
            Category = "Source",
            Owner = AwsOwner,
            Provider = provider,
            Version = ActionTypeVersion,
            RunOrder = 1,
            Configuration = configuration,
            OutputArtifacts = [SourceOutputArtifact],
        },
    ]);

    private static PipelineStage BuildStage(StackSpec spec) =>
        CodeBuildStage(BuildStageName, spec.BuildProjectName, SourceOutputArtifact, [BuildOutputArtifact]);

    // Between Build and the approval or deploy: a failing test stops the execution before anything is deployed.
    private static PipelineStage TestStage(StackSpec spec, TestStage test) =>
        CodeBuildStage(TestStageName, spec.TestProjectName, test.Input == TestInputs.Source ? SourceOutputArtifact : BuildOutputArtifact, []);

    // A CodeBuild action needs an input artifact: the build output is the smallest one the pipeline already has.
    private static PipelineStage InvalidateStage(StackSpec spec) =>
        CodeBuildStage(InvalidateStageName, spec.InvalidationProjectName, BuildOutputArtifact, []);

    private static PipelineStage CodeBuildStage(string name, string project, string input, IReadOnlyList<string> outputs) => new(name,
    [
        new PipelineAction
        {
            Name = name,
            Category = "Build",
            Owner = AwsOwner,
            Provider = "CodeBuild",
            Version = ActionTypeVersion,
            RunOrder = 1,
            Configuration = new Dictionary<string, string> { ["ProjectName"] = project },
            InputArtifacts = [input],
            OutputArtifacts = outputs,
        },
    ]);

    private static PipelineStage ApprovalStage(StackSpec spec, StackArns arns)
    {
        var configuration = new Dictionary<string, string>();
        if (spec.HasApprovalTopic)
        {
            configuration["NotificationArn"] = arns.ApprovalTopic;
            configuration["CustomData"] = $"Approve deploying {spec.StackName} ({spec.Branch}) to s3://{spec.SiteBucketName}";
        }

        return new PipelineStage(ApprovalStageName,
        [
            new PipelineAction
            {
                Name = ApprovalStageName,
                Category = "Approval",
                Owner = AwsOwner,
                Provider = "Manual",
                Version = ActionTypeVersion,
                RunOrder = 1,
                Configuration = configuration,
            },
        ]);
    }

    private static PipelineStage DeployStage(StackSpec spec, StackArns arns) => new(DeployStageName,
    [
        new PipelineAction
        {
            Name = DeployStageName,
            Category = "Deploy",
            Owner = AwsOwner,
            Provider = "S3",
            Version = ActionTypeVersion,
            RunOrder = 1,
            // No CannedACL: new buckets have ACLs disabled, and the bucket policy makes the site readable.
            Configuration = new Dictionary<string, string>
            {
                ["BucketName"] = spec.SiteBucketName,
                ["Extract"] = "true",
            },
            InputArtifacts = [BuildOutputArtifact],
            RoleArn = arns.DeployRole,
        },
    ]);
}
