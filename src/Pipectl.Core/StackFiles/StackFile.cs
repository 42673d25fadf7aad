using Pipectl.Core.Naming;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.StackFiles;

/// <summary>
/// A parsed <c>pipectl.yaml</c>: a whole stack, optionally with several environments (staging from
/// <c>develop</c>, production from <c>main</c> behind an approval). Get one from <see cref="StackFileParser"/>;
/// turn it into the <see cref="StackSpec"/>s the verbs run with <see cref="ToSpecs"/> or <see cref="ToSpec"/>.
/// </summary>
/// <remarks>
/// Naming. Without <c>environments:</c> the file is one stack with the default names of <see cref="StackNames"/>.
/// With them, environment <c>env</c> of stack <c>name</c> gets every resource name derived from <c>name-env</c>:
/// the pipeline <c>name-env-pipeline</c>, the rule <c>name-env-trigger</c>, the artifact bucket
/// <c>name-env-artifacts-account-region</c>, the website bucket <c>name-env-site-account-region</c>, the build
/// project <c>name-env-build</c>, the roles <c>name-env-codebuild-role</c>, <c>name-env-codepipeline-role</c>,
/// <c>name-env-deploy-role</c> and <c>name-env-events-role</c> and the topic <c>name-env-approvals</c>, so that
/// nothing of one environment can write what another deploys. Only the repository (<c>name</c>) is shared.
/// Every environment's spec keeps <see cref="StackSpec.StackName"/> = <c>name</c>, so the shared repository
/// carries one owner and belongs to every environment alike.
/// Precedence, highest first: the command line (<see cref="StackOverrides"/>), the environment's entry, the
/// file's top level, the defaults.
/// </remarks>
public sealed record StackFile
{
    /// <summary>The file as the user named it; relative paths inside it are relative to its folder.</summary>
    public required string SourcePath { get; init; }

    /// <summary><c>name</c>: the stack name every resource name derives from.</summary>
    public required string Name { get; init; }

    /// <summary><c>region</c>, or null. The caller decides its rank: <c>--region</c> should win over it.</summary>
    public string? Region { get; init; }

    /// <summary><c>repository:</c>.</summary>
    public StackFileRepository Repository { get; init; } = new();

    /// <summary><c>source:</c>: a GitHub, GitLab or Bitbucket repository instead of CodeCommit.</summary>
    public StackFileSource Source { get; init; } = new();

    /// <summary><c>build:</c>.</summary>
    public StackFileBuild Build { get; init; } = new();

    /// <summary><c>test:</c>: the pipeline's Test stage, or null for none.</summary>
    public StackFileTest? Test { get; init; }

    /// <summary><c>buckets:</c>.</summary>
    public StackFileBuckets Buckets { get; init; } = new();

    /// <summary><c>approval:</c>, the default of every environment; null for none.</summary>
    public StackFileApproval? Approval { get; init; }

    /// <summary><c>site</c>: s3-website or cloudfront, or null for the default.</summary>
    public string? Site { get; init; }

    /// <summary><c>deploy.target</c>: s3 or ecs, or null for the default.</summary>
    public string? Deploy { get; init; }

    /// <summary>The rest of <c>deploy:</c> (cluster, service, containerName, ecrRepository, keepImages).</summary>
    public EcsDeployment Ecs { get; init; } = new();

    /// <summary><c>pipeline.type</c>: V1 or V2, or null for the default.</summary>
    public string? PipelineType { get; init; }

    /// <summary><c>environments:</c>, in the order of the file; empty for a single-environment stack.</summary>
    public IReadOnlyList<StackFileEnvironment> Environments { get; init; } = [];

    /// <summary>The full path of <see cref="StackFileBuild.Buildspec"/>, resolved against the stack file's folder; null when none is named.</summary>
    public string? BuildspecFullPath => Build.Buildspec is null
        ? null
        : Path.GetFullPath(Build.Buildspec, Path.GetDirectoryName(Path.GetFullPath(SourcePath)) ?? Directory.GetCurrentDirectory());

    /// <summary>
    /// One spec per environment, in the file's order (one spec with a null environment when the file has none),
    /// with <paramref name="commandLine"/> applied last.
    /// </summary>
    /// <param name="region">The region resolved by the caller (<c>--region</c>, then <see cref="Region"/>, then the profile).</param>
    /// <param name="accountId">The account, or null when unknown (bucket names then carry a placeholder).</param>
    /// <param name="commandLine">Values given on the command line; they win over the file.</param>
    public IReadOnlyList<EnvironmentStackSpec> ToSpecs(string region, string? accountId, StackOverrides? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (Environments.Count == 0)
        {
            return [new EnvironmentStackSpec(null, Finish(SingleSpec(region, accountId), commandLine))];
        }

        return Environments.Select(e => new EnvironmentStackSpec(e.Name, Finish(EnvironmentSpec(e, region, accountId), commandLine))).ToList();
    }

    /// <summary>The spec of one environment (<c>--env NAME</c>), or of the whole file when <paramref name="environment"/> is null.</summary>
    /// <exception cref="StackSelectionException">The file has no such environment, or has environments and none was named: the message is one line for the user.</exception>
    public EnvironmentStackSpec ToSpec(string? environment, string region, string? accountId, StackOverrides? commandLine = null)
    {
        var chosen = StackSelection.EnvironmentIn(this, environment, oneRequired: true);
        var specs = ToSpecs(region, accountId, commandLine);
        return chosen is null ? specs[0] : specs.First(s => s.Environment == chosen);
    }

    private StackSpec SingleSpec(string region, string? accountId)
    {
        var spec = StackSpec.FromStackName(Name, region, accountId, new StackNameOverrides
        {
            RepositoryName = Repository.Name,
            ArtifactBucketName = Buckets.Artifacts,
            SiteBucketName = Buckets.Site,
        });
        return WithSettings(spec, Repository.Branch, Approval, Buckets.PrivateSite);
    }

    private StackSpec EnvironmentSpec(StackFileEnvironment environment, string region, string? accountId)
    {
        // Only the repository is shared: what one environment builds and stores, no other environment can write.
        var shared = StackNames.For(Name, region, accountId);
        var own = StackSpec.FromStackName($"{Name}-{environment.Name}", region, accountId, new StackNameOverrides
        {
            PipelineName = environment.PipelineName,
            SiteBucketName = environment.SiteBucket,
        });
        var spec = own with
        {
            StackName = Name,
            RepositoryName = Repository.Name ?? shared.Repository,
        };
        return WithSettings(spec, environment.Branch ?? Repository.Branch, environment.Approval ?? Approval, environment.PrivateSite ?? Buckets.PrivateSite);
    }

    private StackSpec WithSettings(StackSpec spec, string? branch, StackFileApproval? approval, bool? privateSite) => spec with
    {
        RepositoryDescription = Repository.Description,
        ExistingRepository = Repository.Existing ?? false,
        Source = Source.Repository,
        ConnectionArn = Source.ConnectionArn,
        TriggerFilePaths = Source.FilePaths,
        Branch = branch ?? spec.Branch,
        BuildImage = Build.Image ?? spec.BuildImage,
        ComputeType = Build.ComputeType ?? spec.ComputeType,
        Privileged = Build.Privileged ?? spec.Privileged,
        SourceType = Build.SourceType ?? spec.SourceType,
        BuildspecContent = Build.BuildspecContent,
        // Keep StackSpec's shared empty map when there are none: records compare dictionaries by reference.
        EnvironmentVariables = Build.EnvironmentVariables.Count == 0 ? spec.EnvironmentVariables : Build.EnvironmentVariables,
        Approval = approval?.Enabled ?? false,
        ApprovalEmail = approval is { Enabled: true } ? approval.Email : null,
        PipelineType = PipelineType ?? spec.PipelineType,
        PrivateSite = privateSite ?? false,
        Site = Site ?? spec.Site,
        Deploy = Deploy ?? spec.Deploy,
        Ecs = Ecs,
        Test = Test is { BuildspecContent: { } tests } ? new TestStage(tests, Test.Input ?? TestInputs.Build) : null,
    };

    private static StackSpec Finish(StackSpec spec, StackOverrides? commandLine) => commandLine?.ApplyTo(spec) ?? spec;
}
