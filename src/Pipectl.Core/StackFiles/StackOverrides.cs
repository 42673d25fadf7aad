using Pipectl.Core.Naming;
using Pipectl.Core.Settings;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.StackFiles;

/// <summary>
/// Values given on the command line next to <c>-f pipectl.yaml</c>. They win over the file: every non-null
/// value replaces what the file (or the default) says, in every environment. A flag that was not given is
/// null, not false: map <c>--approval</c> to <c>true</c> when present and to null when absent.
/// </summary>
public sealed record StackOverrides
{
    /// <summary>Names given by their own options (<c>--pipeline-name</c>, ...).</summary>
    public StackNameOverrides Names { get; init; } = new();

    /// <summary><c>--repository-description</c>.</summary>
    public string? RepositoryDescription { get; init; }

    /// <summary><c>--branch</c>.</summary>
    public string? Branch { get; init; }

    /// <summary><c>--image</c>.</summary>
    public string? BuildImage { get; init; }

    /// <summary><c>--privileged</c> (true when given).</summary>
    public bool? Privileged { get; init; }

    /// <summary><c>--compute-type</c>.</summary>
    public string? ComputeType { get; init; }

    /// <summary><c>--source-type</c>.</summary>
    public string? SourceType { get; init; }

    /// <summary>The content of <c>--buildspec FILE</c>.</summary>
    public string? BuildspecContent { get; init; }

    /// <summary>The content of <c>--test-buildspec FILE</c>: adds (or replaces) the Test stage.</summary>
    public string? TestBuildspecContent { get; init; }

    /// <summary><c>--test-input</c>: build or source.</summary>
    public string? TestInput { get; init; }

    /// <summary><c>--approval</c>: true when given, null when not.</summary>
    public bool? Approval { get; init; }

    /// <summary><c>--approval-email</c> (implies an approval stage).</summary>
    public string? ApprovalEmail { get; init; }

    /// <summary><c>--pipeline-type</c>.</summary>
    public string? PipelineType { get; init; }

    /// <summary><c>--site</c>.</summary>
    public string? Site { get; init; }

    /// <summary><c>--private-site</c>: true when given, null when not.</summary>
    public bool? PrivateSite { get; init; }

    /// <summary><c>--seed</c>.</summary>
    public string? SeedDirectory { get; init; }

    /// <summary><c>--existing-repo</c>: true when given, null when not.</summary>
    public bool? ExistingRepository { get; init; }

    /// <summary><c>--source</c>: a GitHub, GitLab or Bitbucket repository.</summary>
    public string? Source { get; init; }

    /// <summary><c>--connection-arn</c>.</summary>
    public string? ConnectionArn { get; init; }

    /// <summary><c>--deploy</c>.</summary>
    public string? Deploy { get; init; }

    /// <summary><c>--ecs-cluster</c>, <c>--ecs-service</c>, <c>--container-name</c>, <c>--ecr-repository</c>, <c>--ecr-keep-images</c> (null fields: not given).</summary>
    public EcsDeployment Ecs { get; init; } = new();

    /// <summary><c>--no-test-stage</c>: the stack drops its Test stage (its project, role and report groups are removed).</summary>
    public bool DropTestStage { get; init; }

    /// <summary><c>--no-approval</c>: the stack drops its approval stage and the approval email (its topic is removed).</summary>
    public bool DropApproval { get; init; }

    /// <summary><c>--source codecommit</c>: the stack builds from its CodeCommit repository again (no connection).</summary>
    public bool UseCodeCommit { get; init; }

    /// <summary>Build environment variables; each key replaces the file's value of the same key, the others stay.</summary>
    public IReadOnlyDictionary<string, BuildVariable>? EnvironmentVariables { get; init; }

    /// <summary>
    /// The stack's remembered settings (<see cref="StackRecord"/>) changed by what is given here: an option left out
    /// keeps what the stack has. Choosing a site, a deploy target or a source again starts it from its defaults:
    /// <c>--site s3-website</c> without <c>--private-site</c> is the public website, <c>--deploy s3</c> forgets the
    /// ECS service, <c>--source</c> without <c>--connection-arn</c> uses pipectl's own connection.
    /// </summary>
    public StackSpec ApplyToRemembered(StackSpec remembered)
    {
        ArgumentNullException.ThrowIfNull(remembered);
        var start = remembered;
        if (Site is not null && PrivateSite is null)
        {
            start = start with { PrivateSite = false };
        }

        if (Deploy is not null && Deploy != remembered.Deploy)
        {
            start = start with { Ecs = new EcsDeployment() };
        }

        if (Source is not null && ConnectionArn is null)
        {
            start = start with { ConnectionArn = null };
        }

        return ApplyTo(start);
    }

    /// <summary><paramref name="spec"/> with every value given here put in place.</summary>
    public StackSpec ApplyTo(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var variables = spec.EnvironmentVariables;
        if (EnvironmentVariables is { Count: > 0 })
        {
            var merged = new Dictionary<string, BuildVariable>(spec.EnvironmentVariables, StringComparer.Ordinal);
            foreach (var (key, value) in EnvironmentVariables)
            {
                merged[key] = value;
            }

            variables = merged;
        }

        return spec with
        {
            RepositoryName = Names.RepositoryName ?? spec.RepositoryName,
            BuildProjectName = Names.BuildProjectName ?? spec.BuildProjectName,
            PipelineName = Names.PipelineName ?? spec.PipelineName,
            RuleName = Names.RuleName ?? spec.RuleName,
            BuildRoleName = Names.BuildRoleName ?? spec.BuildRoleName,
            PipelineRoleName = Names.PipelineRoleName ?? spec.PipelineRoleName,
            DeployRoleName = Names.DeployRoleName ?? spec.DeployRoleName,
            EventsRoleName = Names.EventsRoleName ?? spec.EventsRoleName,
            ArtifactBucketName = Names.ArtifactBucketName ?? spec.ArtifactBucketName,
            SiteBucketName = Names.SiteBucketName ?? spec.SiteBucketName,
            ApprovalTopicName = Names.ApprovalTopicName ?? spec.ApprovalTopicName,
            RepositoryDescription = RepositoryDescription ?? spec.RepositoryDescription,
            Branch = Branch ?? spec.Branch,
            BuildImage = BuildImage ?? spec.BuildImage,
            ComputeType = ComputeType ?? spec.ComputeType,
            Privileged = Privileged ?? spec.Privileged,
            SourceType = SourceType ?? spec.SourceType,
            BuildspecContent = BuildspecContent ?? spec.BuildspecContent,
            Approval = !DropApproval && (Approval ?? spec.Approval),
            ApprovalEmail = DropApproval ? null : ApprovalEmail ?? spec.ApprovalEmail,
            PipelineType = PipelineType ?? spec.PipelineType,
            PrivateSite = PrivateSite ?? spec.PrivateSite,
            Site = Site ?? spec.Site,
            SeedDirectory = SeedDirectory ?? spec.SeedDirectory,
            ExistingRepository = ExistingRepository ?? spec.ExistingRepository,
            Source = UseCodeCommit ? null : Source ?? spec.Source,
            ConnectionArn = UseCodeCommit ? null : ConnectionArn ?? spec.ConnectionArn,
            EnvironmentVariables = variables,
            Deploy = Deploy ?? spec.Deploy,
            Ecs = PartField<EcsDeployment>.Merge(StackSettings.Ecs, spec.Ecs, Ecs),
            Test = DropTestStage ? null : TestBuildspecContent is { } tests
                ? new TestStage(tests, TestInput ?? spec.Test?.Input ?? TestInputs.Build)
                : spec.Test is { } test && TestInput is { } input ? test with { Input = input } : spec.Test,
        };
    }
}
