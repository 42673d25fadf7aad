using Pipectl.Core.Naming;
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

    /// <summary>Build environment variables; each key replaces the file's value of the same key, the others stay.</summary>
    public IReadOnlyDictionary<string, BuildVariable>? EnvironmentVariables { get; init; }

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
            Approval = Approval ?? spec.Approval,
            ApprovalEmail = ApprovalEmail ?? spec.ApprovalEmail,
            PipelineType = PipelineType ?? spec.PipelineType,
            PrivateSite = PrivateSite ?? spec.PrivateSite,
            Site = Site ?? spec.Site,
            SeedDirectory = SeedDirectory ?? spec.SeedDirectory,
            ExistingRepository = ExistingRepository ?? spec.ExistingRepository,
            Source = Source ?? spec.Source,
            ConnectionArn = ConnectionArn ?? spec.ConnectionArn,
            EnvironmentVariables = variables,
            Test = TestBuildspecContent is { } tests
                ? new TestStage(tests, TestInput ?? spec.Test?.Input ?? TestInputs.Build)
                : spec.Test is { } test && TestInput is { } input ? test with { Input = input } : spec.Test,
        };
    }
}
