using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Settings;

/// <summary>
/// Every setting of a stack, declared once and grouped by the component that owns it. The order is the stack file's:
/// within each section of <c>pipectl.yaml</c> the parser lists the keys in this order (its "known keys" hint), the
/// sections themselves in <c>StackFileKeys.Sections</c>. The CLI builds its stack options from these descriptors
/// (<c>StackOptions</c>); tests hold <c>schemas/pipectl.schema.json</c>, <c>docs/options.md</c> and the command line to them.
/// </summary>
public static class StackSettings
{
    // The stack itself.
    public static readonly StackSetting Name = new()
    {
        Component = StackComponent.Stack,
        Option = StackOptionNames.Name,
        Description = "Stack name; every resource name derives from it (required unless -f or ./pipectl.yaml names it)",
        FileKey = "name",
    };

    public static readonly StackSetting File = new()
    {
        Component = StackComponent.Stack,
        Option = "--file",
        Alias = "-f",
        Description = "A stack file (default: ./pipectl.yaml when present and --name is not given); options given here win over it",
    };

    public static readonly StackSetting Environment = new()
    {
        Component = StackComponent.Stack,
        Option = "--env",
        Description = "Only this environment of the stack file",
    };

    public static readonly StackSetting AllowOutsidePaths = new()
    {
        Component = StackComponent.Stack,
        Option = "--allow-outside-paths",
        Kind = SettingKind.Flag,
        Description = "Let paths in the stack file (build.buildspec) name files outside its folder",
    };

    /// <summary><c>--region</c> is a common option (<c>GlobalOptions</c>); the file's <c>region</c> loses to it.</summary>
    public static readonly StackSetting Region = new()
    {
        Component = StackComponent.Stack,
        Place = SettingPlace.Global,
        Option = StackOptionNames.Region,
        Description = "AWS region",
        FileKey = "region",
    };

    // The CodeCommit source.
    public static readonly StackSetting RepositoryName = new()
    {
        Component = StackComponent.CodeCommitSource,
        Option = StackOptionNames.RepositoryName,
        Description = "CodeCommit repository (default: <name>)",
        FileKey = "repository.name",
    };

    public static readonly StackSetting RepositoryDescription = new()
    {
        Component = StackComponent.CodeCommitSource,
        Option = StackOptionNames.RepositoryDescription,
        Description = "Description of a repository pipectl creates",
        FileKey = "repository.description",
    };

    public static readonly StackSetting Branch = new()
    {
        Component = StackComponent.CodeCommitSource,
        Option = StackOptionNames.Branch,
        Description = $"Branch the pipeline builds and the trigger watches (default: {StackDefaults.Branch})",
        FileKey = "repository.branch",
    };

    public static readonly StackSetting ExistingRepository = new()
    {
        Component = StackComponent.CodeCommitSource,
        Option = StackOptionNames.ExistingRepository,
        Kind = SettingKind.Flag,
        Description = "Use the repository that is there though pipectl did not create it: never modified, never deleted",
        FileKey = "repository.existing",
    };

    public static readonly StackSetting Seed = new()
    {
        Component = StackComponent.CodeCommitSource,
        Option = StackOptionNames.SeedDirectory,
        Description = "Make the branch's first commit from this folder's files (only when the branch does not exist)",
    };

    public static readonly StackSetting SeedAllowSecret = new()
    {
        Component = StackComponent.CodeCommitSource,
        Option = "--seed-allow-secret",
        Kind = SettingKind.List,
        Description = "Commit a --seed file that looks like a secret (.env, credentials, private keys) when its path matches this glob (repeatable)",
    };

    // The connection source.
    public static readonly StackSetting Source = new()
    {
        Component = StackComponent.ConnectionSource,
        Option = StackOptionNames.Source,
        Description = "Build from github:OWNER/REPO, gitlab:GROUP/REPO or bitbucket:WORKSPACE/REPO through an AWS CodeConnections connection (no CodeCommit repository); codecommit: back to the stack's CodeCommit repository",
        FileKey = "source.repository",
    };

    public static readonly StackSetting ConnectionArn = new()
    {
        Component = StackComponent.ConnectionSource,
        Option = StackOptionNames.ConnectionArn,
        Description = "Use this existing connection instead of creating <name>-<provider>",
        FileKey = "source.connectionArn",
    };

    public static readonly StackSetting TriggerFilePaths = new()
    {
        Component = StackComponent.ConnectionSource,
        Place = SettingPlace.FileOnly,
        Kind = SettingKind.List,
        FileKey = StackOptionNames.TriggerFilePaths,
    };

    public static readonly StackSetting WaitConnection = new()
    {
        Component = StackComponent.ConnectionSource,
        Option = "--wait-connection",
        Kind = SettingKind.Flag,
        Description = "After creating the stack, wait until its connection is AVAILABLE (finish the handshake in the console; --timeout bounds the wait)",
    };

    // The trigger.
    public static readonly StackSetting RuleName = new()
    {
        Component = StackComponent.Trigger,
        Option = StackOptionNames.RuleName,
        Description = "EventBridge rule (default: <name>-trigger)",
    };

    public static readonly StackSetting EventsRoleName = new()
    {
        Component = StackComponent.Trigger,
        Option = StackOptionNames.EventsRoleName,
        Description = "Events role (default: <name>-events-role)",
    };

    // The build.
    public static readonly StackSetting BuildProjectName = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.BuildProjectName,
        Description = "CodeBuild project (default: <name>-build)",
    };

    public static readonly StackSetting BuildRoleName = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.BuildRoleName,
        Description = "Build role (default: <name>-codebuild-role)",
    };

    public static readonly StackSetting BuildImage = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.BuildImage,
        Description = $"CodeBuild image (default: {StackDefaults.BuildImage})",
        FileKey = "build.image",
    };

    public static readonly StackSetting ComputeType = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.ComputeType,
        Kind = SettingKind.Choice,
        Values = [.. AwsConstraints.ComputeTypes],
        Description = $"CodeBuild compute type (default: {StackDefaults.ComputeType})",
        FileKey = "build.computeType",
    };

    public static readonly StackSetting SourceType = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.SourceType,
        Kind = SettingKind.Choice,
        Values = [.. AwsConstraints.SourceTypes],
        Description = "CODEPIPELINE (default) or CODECOMMIT (the project can also build alone)",
        FileKey = "build.sourceType",
    };

    public static readonly StackSetting Privileged = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.Privileged,
        Kind = SettingKind.Flag,
        Description = "Run builds in CodeBuild's privileged mode (Docker builds; not with BUILD_LAMBDA_* compute)",
        FileKey = "build.privileged",
    };

    public static readonly StackSetting Buildspec = new()
    {
        Component = StackComponent.Build,
        Option = StackOptionNames.Buildspec,
        Description = "A local buildspec file to inline into the project (default: buildspec.yml from the repository)",
        FileKey = "build.buildspec",
    };

    public static readonly StackSetting BuildspecInline = new()
    {
        Component = StackComponent.Build,
        Place = SettingPlace.FileOnly,
        FileKey = "build.buildspecInline",
    };

    public static readonly StackSetting EnvironmentVariables = new()
    {
        Component = StackComponent.Build,
        Place = SettingPlace.FileOnly,
        Kind = SettingKind.Mapping,
        FileKey = "build.environmentVariables",
        SchemaTypes = ["object"],
    };

    /// <summary>One variable: a plain value, or a mapping with type and value.</summary>
    public static readonly StackSetting EnvironmentVariable = new()
    {
        Component = StackComponent.Build,
        Place = SettingPlace.FileOnly,
        Kind = SettingKind.Mapping,
        FileKey = "build.environmentVariables.*",
        SchemaTypes = ["string", "number", "boolean", "object"],
    };

    public static readonly StackSetting EnvironmentVariableType = new()
    {
        Component = StackComponent.Build,
        Place = SettingPlace.FileOnly,
        Kind = SettingKind.Choice,
        Values = [.. BuildVariableTypes.All],
        FileKey = "build.environmentVariables.*.type",
    };

    public static readonly StackSetting EnvironmentVariableValue = new()
    {
        Component = StackComponent.Build,
        Place = SettingPlace.FileOnly,
        FileKey = "build.environmentVariables.*.value",
        SchemaTypes = ["string", "number", "boolean"],
    };

    // The Test stage.
    public static readonly StackSetting TestBuildspec = new()
    {
        Component = StackComponent.TestStage,
        Option = StackOptionNames.TestBuildspec,
        Description = "Add a Test stage after Build: its own CodeBuild project runs this local buildspec; its reports: get report groups pipectl owns",
        FileKey = "test.buildspec",
    };

    public static readonly StackSetting TestInput = new()
    {
        Component = StackComponent.TestStage,
        Option = StackOptionNames.TestInput,
        Kind = SettingKind.Choice,
        Values = [.. TestInputs.All],
        Description = "What the Test stage runs on: build (the Build stage's output; default) or source",
        FileKey = "test.input",
    };

    public static readonly StackSetting NoTestStage = new()
    {
        Component = StackComponent.TestStage,
        Option = StackOptionNames.NoTestStage,
        Kind = SettingKind.Flag,
        Description = "Drop the Test stage the stack has: bootstrap removes its project, role and report groups (an option left out keeps what the stack has)",
    };

    // The pipeline.
    public static readonly StackSetting PipelineName = new()
    {
        Component = StackComponent.Pipeline,
        Option = StackOptionNames.PipelineName,
        Description = "Pipeline (default: <name>-pipeline)",
    };

    public static readonly StackSetting PipelineRoleName = new()
    {
        Component = StackComponent.Pipeline,
        Option = StackOptionNames.PipelineRoleName,
        Description = "Pipeline role (default: <name>-codepipeline-role)",
    };

    public static readonly StackSetting ArtifactBucket = new()
    {
        Component = StackComponent.Pipeline,
        Option = StackOptionNames.ArtifactBucketName,
        Description = "Artifact bucket (default: <name>-artifacts-<account>-<region>)",
        FileKey = "buckets.artifacts",
    };

    public static readonly StackSetting PipelineType = new()
    {
        Component = StackComponent.Pipeline,
        Option = StackOptionNames.PipelineType,
        Kind = SettingKind.Choice,
        Values = [.. AwsConstraints.PipelineTypes],
        Description = "V2 (default) or V1",
        FileKey = "pipeline.type",
    };

    // The site.
    public static readonly StackSetting Site = new()
    {
        Component = StackComponent.Site,
        Option = StackOptionNames.Site,
        Kind = SettingKind.Choice,
        Values = [.. SiteTypes.All],
        Description = "How the website is served: s3-website (default; public bucket, HTTP) or cloudfront (HTTPS, private bucket)",
        FileKey = "site",
    };

    public static readonly StackSetting SiteBucket = new()
    {
        Component = StackComponent.Site,
        Option = StackOptionNames.SiteBucketName,
        Description = "Hosting bucket (default: <name>-site-<account>-<region>)",
        FileKey = "buckets.site",
    };

    public static readonly StackSetting PrivateSite = new()
    {
        Component = StackComponent.Site,
        Option = StackOptionNames.PrivateSite,
        Kind = SettingKind.Flag,
        Description = "Keep the hosting bucket private (no public read policy)",
        FileKey = "buckets.privateSite",
    };

    // The deploy targets: which one, then the S3 target's, then the ECS target's.
    public static readonly StackSetting Deploy = new()
    {
        Component = StackComponent.Stack,
        Option = StackOptionNames.Deploy,
        Kind = SettingKind.Choice,
        Values = [.. DeployTargets.All],
        Description = "Where Deploy delivers: s3 (default; the website bucket) or ecs (an image pushed to ECR, rolled out to an existing ECS service)",
        FileKey = "deploy.target",
    };

    public static readonly StackSetting DeployRoleName = new()
    {
        Component = StackComponent.S3Deploy,
        Option = StackOptionNames.DeployRoleName,
        Description = "Deploy role (default: <name>-deploy-role)",
    };

    public static readonly StackSetting EcsCluster = new()
    {
        Component = StackComponent.EcsDeploy,
        Option = StackOptionNames.EcsCluster,
        Description = "With --deploy ecs: the cluster of the service (it must exist)",
        FileKey = "deploy.cluster",
    };

    public static readonly StackSetting EcsService = new()
    {
        Component = StackComponent.EcsDeploy,
        Option = StackOptionNames.EcsService,
        Description = "With --deploy ecs: the service to deploy to (it must exist, ACTIVE; pipectl never changes it)",
        FileKey = "deploy.service",
    };

    public static readonly StackSetting ContainerName = new()
    {
        Component = StackComponent.EcsDeploy,
        Option = StackOptionNames.ContainerName,
        Description = "With --deploy ecs: the task definition's container that runs the image (default: <name>)",
        FileKey = "deploy.containerName",
    };

    public static readonly StackSetting EcrRepository = new()
    {
        Component = StackComponent.EcsDeploy,
        Option = StackOptionNames.EcrRepository,
        Description = "With --deploy ecs: the ECR repository the build pushes to (default: <name>)",
        FileKey = "deploy.ecrRepository",
    };

    public static readonly StackSetting EcrKeepImages = new()
    {
        Component = StackComponent.EcsDeploy,
        Option = StackOptionNames.EcrKeepImages,
        Kind = SettingKind.Number,
        Description = $"With --deploy ecs: images the repository's lifecycle policy keeps (default: {EcsDeployment.DefaultImagesToKeep})",
        NumberRule = $"a whole number of images from 1 to {EcsRules.ImagesToKeepMax}",
        FileNumberRule = "a whole number of images (e.g. 30)",
        Minimum = 1,
        Maximum = EcsRules.ImagesToKeepMax,
        RangeRule = $"the lifecycle policy keeps 1 to {EcsRules.ImagesToKeepMax} images",
        FileKey = "deploy.keepImages",
    };

    // The approval.
    public static readonly StackSetting ApprovalTopicName = new()
    {
        Component = StackComponent.Approval,
        Option = StackOptionNames.ApprovalTopicName,
        Description = "SNS topic for approval mails (default: <name>-approvals)",
    };

    public static readonly StackSetting Approval = new()
    {
        Component = StackComponent.Approval,
        Option = StackOptionNames.Approval,
        Kind = SettingKind.Flag,
        Description = "Add a manual approval stage before Deploy",
        FileKey = "approval.enabled",
    };

    public static readonly StackSetting ApprovalEmail = new()
    {
        Component = StackComponent.Approval,
        Option = StackOptionNames.ApprovalEmail,
        Description = "Mail approval requests to this address through an SNS topic (implies --approval)",
        FileKey = "approval.email",
    };

    public static readonly StackSetting NoApproval = new()
    {
        Component = StackComponent.Approval,
        Option = StackOptionNames.NoApproval,
        Kind = SettingKind.Flag,
        Description = "Drop the approval stage and approval email the stack has: bootstrap removes the approval topic",
    };

    // The stack file's environments: what each may set for itself.
    public static readonly StackSetting EnvironmentBranch = Own("branch");

    public static readonly StackSetting EnvironmentPipelineName = Own("pipelineName");

    public static readonly StackSetting EnvironmentSiteBucket = Own("siteBucket");

    public static readonly StackSetting EnvironmentPrivateSite = Own("privateSite", SettingKind.Flag);

    public static readonly StackSetting EnvironmentApproval = Own("approval.enabled", SettingKind.Flag);

    public static readonly StackSetting EnvironmentApprovalEmail = Own("approval.email");

    // How a run goes: options of the stack's options that only some verbs add.
    public static readonly StackSetting SkipPermissionCheck = RunSwitch(StackOptionNames.SkipPermissionCheck, "Do not check the caller's IAM permissions (policy simulation) before the first write");

    public static readonly StackSetting AllowDelete = RunSwitch(StackOptionNames.AllowDelete, "Delete the parts the stack no longer has (the plan lists them as would-delete) without asking; required to delete them without a terminal");

    public static readonly StackSetting DeleteImages = RunSwitch(StackOptionNames.DeleteImages, "Delete an ECR repository the stack no longer has even when it holds images (they go with it); without it such a repository is kept");

    public static readonly StackSetting DeleteRepo = RunSwitch(StackOptionNames.DeleteRepo, "Delete a CodeCommit repository the stack no longer has even when it holds commits; without it such a repository is kept");

    public static readonly StackSetting DeleteBuckets = RunSwitch(StackOptionNames.DeleteBuckets, "Empty and delete a bucket the stack no longer has even when it holds objects; without it such a bucket is kept");

    /// <summary>
    /// The ECS target's settings, each with where its value sits in <see cref="EcsDeployment"/>: the command line, the
    /// stack file (<c>deploy.*</c>), the merge of the two and the suggested command read and write them through this list.
    /// </summary>
    public static IReadOnlyList<PartField<EcsDeployment>> Ecs { get; } =
    [
        new(EcsCluster, e => e.Cluster, (e, v) => e with { Cluster = (string?)v }),
        new(EcsService, e => e.Service, (e, v) => e with { Service = (string?)v }),
        new(ContainerName, e => e.ContainerName, (e, v) => e with { ContainerName = (string?)v }),
        new(EcrRepository, e => e.RepositoryName, (e, v) => e with { RepositoryName = (string?)v }),
        new(EcrKeepImages, e => e.ImagesToKeep, (e, v) => e with { ImagesToKeep = (int?)v }),
    ];

    /// <summary>Every setting, grouped by component, in the stack file's order.</summary>
    public static IReadOnlyList<StackSetting> All { get; } =
    [
        Name, File, Environment, AllowOutsidePaths, Region,
        RepositoryName, RepositoryDescription, Branch, ExistingRepository, Seed, SeedAllowSecret,
        Source, ConnectionArn, TriggerFilePaths, WaitConnection,
        RuleName, EventsRoleName,
        BuildProjectName, BuildRoleName, BuildImage, ComputeType, SourceType, Privileged, Buildspec, BuildspecInline,
        EnvironmentVariables, EnvironmentVariable, EnvironmentVariableType, EnvironmentVariableValue,
        TestBuildspec, TestInput, NoTestStage,
        PipelineName, PipelineRoleName, ArtifactBucket, PipelineType,
        Site, SiteBucket, PrivateSite,
        Deploy, DeployRoleName,
        .. Ecs.Select(f => f.Setting),
        ApprovalTopicName, Approval, ApprovalEmail, NoApproval,
        EnvironmentBranch, EnvironmentPipelineName, EnvironmentSiteBucket, EnvironmentPrivateSite, EnvironmentApproval, EnvironmentApprovalEmail,
        SkipPermissionCheck, AllowDelete, DeleteImages, DeleteRepo, DeleteBuckets,
    ];

    /// <summary>The setting whose option is <paramref name="option"/>, or null.</summary>
    public static StackSetting? ForOption(string option) => All.FirstOrDefault(s => s.Option == option);

    private static StackSetting RunSwitch(string option, string description) => new()
    {
        Component = StackComponent.Run,
        Place = SettingPlace.VerbSwitch,
        Option = option,
        Kind = SettingKind.Flag,
        Description = description,
    };

    private static StackSetting Own(string key, SettingKind kind = SettingKind.Text) => new()
    {
        Component = StackComponent.Environments,
        Place = SettingPlace.FileOnly,
        Kind = kind,
        FileKey = $"environments.*.{key}",
    };
}
