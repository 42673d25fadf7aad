using System.Text.RegularExpressions;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Settings;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// The rules of <c>--deploy</c> and a container stack's options, checked with the rest of the spec before anything
/// is sent. Name rules come from the botocore models: ECR's <c>RepositoryName</c> (2-256 characters, lowercase
/// parts separated by <c>.</c>, <c>_</c>, <c>__</c> or hyphens, path parts by <c>/</c>); ECS cluster, service and
/// container names are up to 255 letters, digits, hyphens and underscores (ECS API Reference).
/// </summary>
public static partial class EcsRules
{
    public const int EcrRepositoryNameMinLength = 2;
    public const int EcrRepositoryNameMaxLength = 256;
    public const int EcsNameMaxLength = 255;
    public const int ImagesToKeepMax = 10_000;

    [GeneratedRegex(@"^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\z")]
    private static partial Regex EcrRepositoryName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    private static partial Regex EcsName();

    public static IEnumerable<ValidationError> Check(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!DeployTargets.All.Contains(spec.Deploy, StringComparer.Ordinal))
        {
            yield return new ValidationError(StackOptionNames.Deploy, spec.Deploy, $"deploy targets are {string.Join(", ", DeployTargets.All)}");
            yield break;
        }

        var ecs = spec.Ecs;
        if (!spec.IsEcsDeploy)
        {
            foreach (var field in StackSettings.Ecs)
            {
                if (field.TextOf(ecs) is { } value)
                {
                    yield return new ValidationError(field.Setting.Option!, value, $"applies to container deploys: add {StackOptionNames.Deploy} ecs");
                }
            }

            yield break;
        }

        foreach (var (option, value, what) in new[] { (StackOptionNames.EcsCluster, ecs.Cluster, "cluster"), (StackOptionNames.EcsService, ecs.Service, "service") })
        {
            if (value is null)
            {
                yield return new ValidationError(option, string.Empty, $"{StackOptionNames.Deploy} ecs needs the ECS {what} to deploy to (it must exist already)");
            }
            else if (EcsNameProblem(value) is { } problem)
            {
                yield return new ValidationError(option, value, $"ECS {what} names {problem}");
            }
        }

        if (EcsNameProblem(spec.ContainerName) is { } container)
        {
            yield return ecs.ContainerName is null
                ? new ValidationError(StackOptionNames.Name, spec.StackName, $"gives the container name {spec.ContainerName}: container names {container}; pass {StackOptionNames.ContainerName}")
                : new ValidationError(StackOptionNames.ContainerName, spec.ContainerName, $"container names {container}");
        }

        if (EcrNameProblem(spec.EcrRepositoryName) is { } repository)
        {
            yield return ecs.RepositoryName is null
                ? new ValidationError(StackOptionNames.Name, spec.StackName, $"gives the ECR repository name {spec.EcrRepositoryName}: ECR repository names {repository}; pass {StackOptionNames.EcrRepository}")
                : new ValidationError(StackOptionNames.EcrRepository, spec.EcrRepositoryName, $"ECR repository names {repository}");
        }

        foreach (var field in StackSettings.Ecs.Where(f => f.Setting.Kind == SettingKind.Number))
        {
            if (field.Get(ecs) is int number && (number < field.Setting.Minimum || number > field.Setting.Maximum))
            {
                yield return new ValidationError(field.Setting.Option!, field.TextOf(ecs)!, field.Setting.RangeRule!);
            }
        }

        if (spec.IsCloudFrontSite)
        {
            yield return new ValidationError(StackOptionNames.Site, spec.Site, $"a container deploy has no website: drop {StackOptionNames.Site} (or {StackOptionNames.Deploy} ecs)");
        }

        if (spec.PrivateSite)
        {
            yield return new ValidationError(StackOptionNames.PrivateSite, "true", $"a container deploy has no website bucket: drop {StackOptionNames.PrivateSite}");
        }

        foreach (var name in EcsDeploy.Variables.Where(spec.EnvironmentVariables.ContainsKey))
        {
            yield return new ValidationError("build.environmentVariables", name, $"pipectl sets {name} on a container deploy's build: remove it");
        }
    }

    private static string? EcsNameProblem(string name) =>
        name.Length is 0 or > EcsNameMaxLength ? $"are 1 to {EcsNameMaxLength} characters"
        : !EcsName().IsMatch(name) ? "may contain only letters, digits, hyphens and underscores"
        : null;

    private static string? EcrNameProblem(string name) =>
        name.Length is < EcrRepositoryNameMinLength or > EcrRepositoryNameMaxLength ? $"are {EcrRepositoryNameMinLength} to {EcrRepositoryNameMaxLength} characters"
        : !EcrRepositoryName().IsMatch(name) ? "are lowercase letters and digits in parts joined by '.', '_', '__' or hyphens, with '/' between path parts (no leading, trailing or doubled separators)"
        : null;
}
