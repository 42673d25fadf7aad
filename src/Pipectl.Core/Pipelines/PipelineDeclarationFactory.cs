using Pipectl.Core.Naming;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Pipelines;

/// <summary>
/// Builds the pipeline a stack wants: Source (CodeCommit, or GitHub/GitLab/Bitbucket through a connection) -> Build (CodeBuild) -> [Test (CodeBuild)] -> [Approval (manual)] ->
/// Deploy (the deploy target's action, with the deploy role) -> [the site's stages after the deploy]. The deploy target and the
/// site (<see cref="StackTargets"/>) say what their stages hold.
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

    /// <summary>The Invalidate stage of a CloudFront site (<see cref="CloudFrontSiteKind"/>).</summary>
    public const string InvalidateStageName = CloudFrontSiteKind.InvalidateStageName;

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

        var target = StackTargets.DeployOf(spec);
        stages.Add(DeployStage(spec, arns, target));
        stages.AddRange(StackTargets.SiteOf(spec).StagesAfterDeploy(spec));

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

    /// <summary>A stage of one CodeBuild action running <paramref name="project"/> on <paramref name="input"/>.</summary>
    internal static PipelineStage CodeBuildStage(string name, string project, string input, IReadOnlyList<string> outputs) => new(name,
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
            configuration["CustomData"] = $"Approve deploying {spec.StackName} ({spec.Branch}) to {StackTargets.DeployOf(spec).ApprovalSubject(spec)}";
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

    // The deploy target's action (the S3 action extracts the build output into the website bucket; the Amazon ECS
    // action rolls the image out to the service), run with the deploy role.
    private static PipelineStage DeployStage(StackSpec spec, StackArns arns, IDeployTarget target) => new(DeployStageName,
    [
        new PipelineAction
        {
            Name = DeployStageName,
            Category = "Deploy",
            Owner = AwsOwner,
            Provider = target.ActionProvider,
            Version = ActionTypeVersion,
            RunOrder = 1,
            Configuration = target.ActionConfiguration(spec),
            InputArtifacts = [BuildOutputArtifact],
            RoleArn = arns.DeployRole,
        },
    ]);

    /// <summary>The CodeBuild action of stage <paramref name="stage"/> in <paramref name="deployed"/> that runs <paramref name="project"/>, or null.</summary>
    public static PipelineAction? CodeBuildAction(PipelineDeclaration deployed, string stage, string project)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        return deployed.Stages
            .Where(s => string.Equals(s.Name, stage, StringComparison.Ordinal))
            .SelectMany(s => s.Actions)
            .FirstOrDefault(a => a.Provider == "CodeBuild" && a.Configuration.TryGetValue("ProjectName", out var name) && string.Equals(name, project, StringComparison.Ordinal));
    }
}
