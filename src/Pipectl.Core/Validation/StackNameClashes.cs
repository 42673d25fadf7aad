using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// One pass over every name of every environment of a stack: two resources of one kind with one name would be
/// one resource fighting over two configurations (an artifact bucket made public because it is also the site
/// bucket, a trust policy that flips on every run, one pipeline for two environments). Found before anything
/// is sent (exit 2).
/// </summary>
/// <remarks>
/// The one resource environments share by design, the repository (<see cref="SharedKinds"/>), is one resource,
/// not a clash. Every other kind is one per environment, so nothing of one environment can write what another
/// deploys. Bucket names are global and lowercase; IAM role names are compared ignoring case, as IAM does.
/// </remarks>
public static class StackNameClashes
{
    /// <summary>The kinds a stack file's environments may share, each by one name in every environment.</summary>
    public static IReadOnlySet<string> SharedKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "repository",
    };

    /// <summary>Every clash, each as one error naming the name, the two uses and the option to change.</summary>
    public static IReadOnlyList<ValidationError> Find(IReadOnlyList<EnvironmentStackSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var errors = new List<ValidationError>();
        var seen = new Dictionary<(string Namespace, string Name), Use>();
        var reported = new HashSet<(string, string)>();
        foreach (var (environment, spec) in specs)
        {
            foreach (var use in UsesOf(spec, environment))
            {
                var key = (use.Namespace, use.Namespace == "IAM role" ? use.Name.ToLowerInvariant() : use.Name);
                if (!seen.TryGetValue(key, out var first))
                {
                    seen[key] = use;
                    continue;
                }

                var shared = first.Kind == use.Kind && SharedKinds.Contains(use.Kind);
                if (shared || (first.Kind == use.Kind && first.Environment == use.Environment) || !reported.Add(key))
                {
                    continue;
                }

                errors.Add(new ValidationError(use.Option, use.Name, Describe(first, use)));
            }
        }

        return errors;
    }

    private static string Describe(Use first, Use second)
    {
        if (first.Kind == second.Kind)
        {
            return $"environments {first.Environment} and {second.Environment} would share one {second.Kind}: each environment needs its own " +
                "(an option on the command line applies to every environment; name it per environment in the stack file, or pick one with --env)";
        }

        var where = first.Environment == second.Environment || first.Environment is null ? string.Empty : $" (of environment {first.Environment})";
        return $"the {second.Kind} and the {first.Kind}{where} would be one {second.Namespace}: every name in a stack must be distinct";
    }

    private static IEnumerable<Use> UsesOf(StackSpec spec, string? environment)
    {
        yield return new Use("CodeCommit repository", "repository", spec.RepositoryName, StackOptionNames.RepositoryName, environment);
        yield return new Use("S3 bucket", "artifact bucket", spec.ArtifactBucketName, StackOptionNames.ArtifactBucketName, environment);
        yield return new Use("S3 bucket", "site bucket", spec.SiteBucketName, StackOptionNames.SiteBucketName, environment);
        yield return new Use("CodeBuild project", "build project", spec.BuildProjectName, StackOptionNames.BuildProjectName, environment);
        yield return new Use("IAM role", "build role", spec.BuildRoleName, StackOptionNames.BuildRoleName, environment);
        yield return new Use("IAM role", "pipeline role", spec.PipelineRoleName, StackOptionNames.PipelineRoleName, environment);
        yield return new Use("IAM role", "deploy role", spec.DeployRoleName, StackOptionNames.DeployRoleName, environment);
        yield return new Use("IAM role", "events role", spec.EventsRoleName, StackOptionNames.EventsRoleName, environment);
        yield return new Use("pipeline", "pipeline", spec.PipelineName, StackOptionNames.PipelineName, environment);
        yield return new Use("EventBridge rule", "trigger rule", spec.RuleName, StackOptionNames.RuleName, environment);
        if (spec.HasTestStage)
        {
            yield return new Use("CodeBuild project", "test project", spec.TestProjectName, StackOptionNames.Name, environment);
            yield return new Use("IAM role", "test role", spec.TestRoleName, StackOptionNames.Name, environment);
            foreach (var report in spec.Test!.Reports)
            {
                yield return new Use("CodeBuild report group", "report group", spec.ReportGroupName(report.Name), StackOptionNames.TestBuildspec, environment);
            }
        }

        if (spec.HasApprovalTopic)
        {
            yield return new Use("SNS topic", "approval topic", spec.ApprovalTopicName, StackOptionNames.ApprovalTopicName, environment);
        }
    }

    /// <summary>One name one resource of a stack uses.</summary>
    private sealed record Use(string Namespace, string Kind, string Name, string Option, string? Environment);
}
