using System.CommandLine;
using Pipectl.Core.Naming;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// The options of the stack verbs, defined once: every stack verb takes every one of them (<see cref="All"/>).
/// </summary>
public sealed class StackOptions
{
    /// <summary>The options whose values are a closed set complete to that set (the parser still checks them with one clear line).</summary>
    public StackOptions()
    {
        Site.CompletionSources.Add([.. SiteTypes.All]);
        Deploy.CompletionSources.Add([.. DeployTargets.All]);
        ComputeType.CompletionSources.Add([.. Pipectl.Core.Validation.AwsConstraints.ComputeTypes]);
        PipelineType.CompletionSources.Add(PipelineTypes.V2, PipelineTypes.V1);
        SourceType.CompletionSources.Add(BuildSourceTypes.CodePipeline, BuildSourceTypes.CodeCommit);
        TestInput.CompletionSources.Add(TestInputs.Build, TestInputs.Source);
    }

    public Option<string?> Name { get; } = new(StackOptionNames.Name) { Description = "Stack name; every resource name derives from it (required unless -f or ./pipectl.yaml names it)" };

    public Option<string?> File { get; } = new("--file", "-f") { Description = "A stack file (default: ./pipectl.yaml when present and --name is not given); options given here win over it" };

    public Option<string?> Environment { get; } = new("--env") { Description = "Only this environment of the stack file" };

    public Option<string?> RepositoryName { get; } = new(StackOptionNames.RepositoryName) { Description = "CodeCommit repository (default: <name>)" };

    public Option<bool> ExistingRepository { get; } = new(StackOptionNames.ExistingRepository) { Description = "Use the repository that is there though pipectl did not create it: never modified, never deleted" };

    public Option<string?> Source { get; } = new(StackOptionNames.Source) { Description = "Build from github:OWNER/REPO, gitlab:GROUP/REPO or bitbucket:WORKSPACE/REPO through an AWS CodeConnections connection (no CodeCommit repository); codecommit: back to the stack's CodeCommit repository" };

    public Option<string?> ConnectionArn { get; } = new(StackOptionNames.ConnectionArn) { Description = "Use this existing connection instead of creating <name>-<provider>" };

    public Option<bool> WaitConnection { get; } = new("--wait-connection") { Description = "After creating the stack, wait until its connection is AVAILABLE (finish the handshake in the console; --timeout bounds the wait)" };

    public Option<string?> RepositoryDescription { get; } = new(StackOptionNames.RepositoryDescription) { Description = "Description of a repository pipectl creates" };

    public Option<string?> Branch { get; } = new(StackOptionNames.Branch) { Description = $"Branch the pipeline builds and the trigger watches (default: {StackDefaults.Branch})" };

    public Option<string?> BuildProjectName { get; } = new(StackOptionNames.BuildProjectName) { Description = "CodeBuild project (default: <name>-build)" };

    public Option<string?> PipelineName { get; } = new(StackOptionNames.PipelineName) { Description = "Pipeline (default: <name>-pipeline)" };

    public Option<string?> RuleName { get; } = new(StackOptionNames.RuleName) { Description = "EventBridge rule (default: <name>-trigger)" };

    public Option<string?> BuildRoleName { get; } = new(StackOptionNames.BuildRoleName) { Description = "Build role (default: <name>-codebuild-role)" };

    public Option<string?> PipelineRoleName { get; } = new(StackOptionNames.PipelineRoleName) { Description = "Pipeline role (default: <name>-codepipeline-role)" };

    public Option<string?> DeployRoleName { get; } = new(StackOptionNames.DeployRoleName) { Description = "Deploy role (default: <name>-deploy-role)" };

    public Option<string?> EventsRoleName { get; } = new(StackOptionNames.EventsRoleName) { Description = "Events role (default: <name>-events-role)" };

    public Option<string?> ArtifactBucket { get; } = new(StackOptionNames.ArtifactBucketName) { Description = "Artifact bucket (default: <name>-artifacts-<account>-<region>)" };

    public Option<string?> SiteBucket { get; } = new(StackOptionNames.SiteBucketName) { Description = "Hosting bucket (default: <name>-site-<account>-<region>)" };

    public Option<string?> ApprovalTopicName { get; } = new(StackOptionNames.ApprovalTopicName) { Description = "SNS topic for approval mails (default: <name>-approvals)" };

    public Option<string?> Image { get; } = new(StackOptionNames.BuildImage) { Description = $"CodeBuild image (default: {StackDefaults.BuildImage})" };

    public Option<string?> ComputeType { get; } = new(StackOptionNames.ComputeType) { Description = $"CodeBuild compute type (default: {StackDefaults.ComputeType})" };

    public Option<string?> SourceType { get; } = new(StackOptionNames.SourceType) { Description = "CODEPIPELINE (default) or CODECOMMIT (the project can also build alone)" };

    public Option<bool> Privileged { get; } = new(StackOptionNames.Privileged) { Description = "Run builds in CodeBuild's privileged mode (Docker builds; not with BUILD_LAMBDA_* compute)" };

    public Option<string?> Buildspec { get; } = new(StackOptionNames.Buildspec) { Description = "A local buildspec file to inline into the project (default: buildspec.yml from the repository)" };

    public Option<string?> TestBuildspec { get; } = new(StackOptionNames.TestBuildspec) { Description = "Add a Test stage after Build: its own CodeBuild project runs this local buildspec; its reports: get report groups pipectl owns" };

    public Option<string?> TestInput { get; } = new(StackOptionNames.TestInput) { Description = "What the Test stage runs on: build (the Build stage's output; default) or source" };

    public Option<bool> NoTestStage { get; } = new(StackOptionNames.NoTestStage) { Description = "Drop the Test stage the stack has: bootstrap removes its project, role and report groups (an option left out keeps what the stack has)" };

    public Option<bool> NoApproval { get; } = new(StackOptionNames.NoApproval) { Description = "Drop the approval stage and approval email the stack has: bootstrap removes the approval topic" };

    /// <summary>bootstrap and the create verbs: write without simulating the caller's permissions first (docs/permissions.md).</summary>
    public Option<bool> SkipPermissionCheck { get; } = new(StackOptionNames.SkipPermissionCheck) { Description = "Do not check the caller's IAM permissions (policy simulation) before the first write" };

    /// <summary>bootstrap only: delete what the stack no longer has without a terminal to confirm on.</summary>
    public Option<bool> AllowDelete { get; } = new(StackOptionNames.AllowDelete) { Description = "Delete the parts the stack no longer has (the plan lists them as would-delete) without asking; required to delete them without a terminal" };

    /// <summary>bootstrap and plan: the data a removed part holds goes with it (kept and named otherwise).</summary>
    public Option<bool> DeleteImages { get; } = new(StackOptionNames.DeleteImages) { Description = "Delete an ECR repository the stack no longer has even when it holds images (they go with it); without it such a repository is kept" };

    public Option<bool> DeleteRepo { get; } = new(StackOptionNames.DeleteRepo) { Description = "Delete a CodeCommit repository the stack no longer has even when it holds commits; without it such a repository is kept" };

    public Option<bool> DeleteBuckets { get; } = new(StackOptionNames.DeleteBuckets) { Description = "Empty and delete a bucket the stack no longer has even when it holds objects; without it such a bucket is kept" };

    public Option<bool> Approval { get; } = new(StackOptionNames.Approval) { Description = "Add a manual approval stage before Deploy" };

    public Option<string?> ApprovalEmail { get; } = new(StackOptionNames.ApprovalEmail) { Description = "Mail approval requests to this address through an SNS topic (implies --approval)" };

    public Option<string?> PipelineType { get; } = new(StackOptionNames.PipelineType) { Description = "V2 (default) or V1" };

    public Option<bool> PrivateSite { get; } = new(StackOptionNames.PrivateSite) { Description = "Keep the hosting bucket private (no public read policy)" };

    public Option<string?> Site { get; } = new(StackOptionNames.Site) { Description = "How the website is served: s3-website (default; public bucket, HTTP) or cloudfront (HTTPS, private bucket)" };

    public Option<string?> Deploy { get; } = new(StackOptionNames.Deploy) { Description = "Where Deploy delivers: s3 (default; the website bucket) or ecs (an image pushed to ECR, rolled out to an existing ECS service)" };

    public Option<string?> EcsCluster { get; } = new(StackOptionNames.EcsCluster) { Description = "With --deploy ecs: the cluster of the service (it must exist)" };

    public Option<string?> EcsService { get; } = new(StackOptionNames.EcsService) { Description = "With --deploy ecs: the service to deploy to (it must exist, ACTIVE; pipectl never changes it)" };

    public Option<string?> ContainerName { get; } = new(StackOptionNames.ContainerName) { Description = "With --deploy ecs: the task definition's container that runs the image (default: <name>)" };

    public Option<string?> EcrRepository { get; } = new(StackOptionNames.EcrRepository) { Description = "With --deploy ecs: the ECR repository the build pushes to (default: <name>)" };

    public Option<int?> EcrKeepImages { get; } = new(StackOptionNames.EcrKeepImages)
    {
        Description = $"With --deploy ecs: images the repository's lifecycle policy keeps (default: {EcsDeployment.DefaultImagesToKeep})",
        CustomParser = ParseImagesToKeep,
    };

    public Option<string?> Seed { get; } = new(StackOptionNames.SeedDirectory) { Description = "Make the branch's first commit from this folder's files (only when the branch does not exist)" };

    public Option<string[]> SeedAllowSecret { get; } = new("--seed-allow-secret")
    {
        Description = "Commit a --seed file that looks like a secret (.env, credentials, private keys) when its path matches this glob (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public Option<bool> AllowOutsidePaths { get; } = new("--allow-outside-paths") { Description = "Let paths in the stack file (build.buildspec) name files outside its folder" };

    /// <summary>
    /// Every stack option, in one fixed order. Every stack verb (plan, bootstrap, the create-* verbs, wire-trigger,
    /// teardown, export and the operator verbs) takes all of them, so the options a stack was made with can be
    /// passed to any verb; a verb ignores those it does not need (its help says which).
    /// </summary>
    public IReadOnlyList<Option> All =>
    [
        Name, File, Environment, AllowOutsidePaths,
        RepositoryName, BuildProjectName, PipelineName, RuleName, BuildRoleName, PipelineRoleName, DeployRoleName, EventsRoleName, ArtifactBucket, SiteBucket, ApprovalTopicName, Branch, ExistingRepository,
        Source, ConnectionArn, RepositoryDescription, Seed, SeedAllowSecret, WaitConnection,
        PrivateSite, Site,
        Deploy, EcsCluster, EcsService, ContainerName, EcrRepository, EcrKeepImages,
        Image, ComputeType, SourceType, Privileged, Buildspec,
        TestBuildspec, TestInput, NoTestStage,
        Approval, ApprovalEmail, NoApproval, PipelineType,
    ];

    /// <summary>The options that choose the stack (and its pipeline): the only ones the operator verbs read.</summary>
    public IReadOnlyList<Option> Selecting => [Name, File, Environment, PipelineName];

    /// <summary>Adds every stack option to <paramref name="command"/>.</summary>
    public void AddTo(System.CommandLine.Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>What the command line says, as overrides of a stack file (unset options are null).</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="buildspecContent">The content of --buildspec, read by the caller.</param>
    /// <param name="readFiles">False for a verb that ignores the local files (--test-buildspec is then not read).</param>
    public StackOverrides Overrides(ParseResult parse, string? buildspecContent, bool readFiles = true) => new()
    {
        Names = NameOverrides(parse),
        RepositoryDescription = parse.GetValue(RepositoryDescription),
        Branch = parse.GetValue(Branch),
        BuildImage = parse.GetValue(Image),
        ComputeType = parse.GetValue(ComputeType),
        SourceType = parse.GetValue(SourceType),
        Privileged = parse.GetValue(Privileged) ? true : null,
        BuildspecContent = buildspecContent,

        // Read (and checked, exit 2) wherever the options become a spec, before anything is sent.
        TestBuildspecContent = readFiles ? LocalInputs.ReadBuildspec(parse.GetResult(TestBuildspec) is null ? null : parse.GetValue(TestBuildspec), StackOptionNames.TestBuildspec) : null,
        TestInput = parse.GetResult(TestInput) is null ? null : parse.GetValue(TestInput),
        Approval = parse.GetValue(Approval) ? true : null,
        ApprovalEmail = parse.GetValue(ApprovalEmail),
        PipelineType = parse.GetValue(PipelineType),
        PrivateSite = parse.GetValue(PrivateSite) ? true : null,
        Site = parse.GetResult(Site) is null ? null : parse.GetValue(Site),
        SeedDirectory = parse.GetValue(Seed),
        ExistingRepository = parse.GetValue(ExistingRepository) ? true : null,
        Source = IsCodeCommit(parse.GetValue(Source)) ? null : parse.GetValue(Source),
        UseCodeCommit = IsCodeCommit(parse.GetValue(Source)),
        DropTestStage = parse.GetResult(NoTestStage) is not null && parse.GetValue(NoTestStage),
        DropApproval = parse.GetResult(NoApproval) is not null && parse.GetValue(NoApproval),
        ConnectionArn = parse.GetValue(ConnectionArn),
        Deploy = parse.GetValue(Deploy),
        Ecs = new EcsDeployment
        {
            Cluster = parse.GetValue(EcsCluster),
            Service = parse.GetValue(EcsService),
            ContainerName = parse.GetValue(ContainerName),
            RepositoryName = parse.GetValue(EcrRepository),
            ImagesToKeep = parse.GetValue(EcrKeepImages),
        },
    };

    private static bool IsCodeCommit(string? source) => string.Equals(source, StackOptionNames.CodeCommitSource, StringComparison.OrdinalIgnoreCase);

    private StackNameOverrides NameOverrides(ParseResult parse) => new()
    {
        RepositoryName = parse.GetValue(RepositoryName),
        BuildProjectName = parse.GetValue(BuildProjectName),
        PipelineName = parse.GetValue(PipelineName),
        RuleName = parse.GetValue(RuleName),
        BuildRoleName = parse.GetValue(BuildRoleName),
        PipelineRoleName = parse.GetValue(PipelineRoleName),
        DeployRoleName = parse.GetValue(DeployRoleName),
        EventsRoleName = parse.GetValue(EventsRoleName),
        ArtifactBucketName = parse.GetValue(ArtifactBucket),
        SiteBucketName = parse.GetValue(SiteBucket),
        ApprovalTopicName = parse.GetValue(ApprovalTopicName),
    };

    /// <summary>A whole number; anything else (a huge number included) is one line naming the value and the range, not a .NET type name.</summary>
    private static int? ParseImagesToKeep(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        result.AddError($"{StackOptionNames.EcrKeepImages} \"{Pipectl.Core.Validation.SafeFragment.Visible(text)}\": expected a whole number of images from 1 to {Pipectl.Core.Validation.EcsRules.ImagesToKeepMax}");
        return null;
    }
}
