using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The CodeBuild project: source and artifacts CODEPIPELINE, or source CODECOMMIT (at the clone URL) with
/// NO_ARTIFACTS; the environment type the compute type and image need, privileged mode when asked; CloudWatch
/// logs to the spec's group, an inline buildspec or the repository's. Create and
/// update go through <see cref="IamPropagation"/>: the service role may be seconds old. A create whose reply
/// was lost is recognised by ResourceAlreadyExistsException, read back and converged. Tags are merged.
/// </summary>
public sealed class BuildProjectDriver(CodeBuildClient codeBuild, IamPropagation propagation) : IResourceDriver<BuildProjectSpec, BuildProjectState>
{
    private const string LogsEnabled = "ENABLED";

    public string Type => ResourceTypes.BuildProject;

    public string? ArnOf(BuildProjectState state) => state.Arn;

    public async Task DeleteAsync(BuildProjectState actual, CancellationToken cancellationToken)
    {
        try
        {
            await codeBuild.DeleteProjectAsync(actual.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
    }

    /// <summary>Its reads name the project: they may start before the account is known.</summary>
    public bool ReadsByName => true;

    public async Task<BuildProjectState?> ReadAsync(BuildProjectSpec desired, CancellationToken cancellationToken)
    {
        // A missing project is absent from "projects" (and named in projectsNotFound).
        var reply = await codeBuild.BatchGetProjectsAsync([desired.Name], cancellationToken).ConfigureAwait(false);
        var project = reply.Projects?.FirstOrDefault(p => p.Name == desired.Name);
        return project is null ? null : ToState(desired.Name, project);
    }

    public async Task<BuildProjectState> CreateAsync(BuildProjectSpec desired, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await propagation.RetryAsync(
                What(desired),
                () => codeBuild.CreateProjectAsync(CreateRequest(desired, desired.Tags), cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (reply.Project is { Arn.Length: > 0 } created)
            {
                return ToState(desired.Name, created);
            }
        }
        catch (AwsResourceExistsException)
        {
            // An earlier attempt created it (its reply was lost), or it appeared meanwhile: converge it below.
        }

        var state = OwnershipGuard.Owned(
            await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
                ?? throw new ProvisioningException($"CodeBuild project {desired.Name} was created but cannot be read back."),
            desired.Tags,
            What(desired));
        var changes = desired.DifferencesFrom(state);
        return changes.Count == 0 ? state : await UpdateAsync(desired, state, changes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BuildProjectState> UpdateAsync(BuildProjectSpec desired, BuildProjectState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        // UpdateProject replaces the tag list: send the existing tags with pipectl's merged in.
        var tags = new Dictionary<string, string>(actual.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in desired.Tags)
        {
            tags[key] = value;
        }

        var reply = await propagation.RetryAsync(
            What(desired),
            () => codeBuild.UpdateProjectAsync(UpdateProjectRequest.From(CreateRequest(desired, tags)), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return reply.Project is { Arn.Length: > 0 } updated
            ? ToState(desired.Name, updated)
            : await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
                ?? throw new ProvisioningException($"CodeBuild project {desired.Name} was updated but cannot be read back.");
    }

    /// <summary>The full settings of the project, as CreateProject takes them (UpdateProject gets the same).</summary>
    private static CreateProjectRequest CreateRequest(BuildProjectSpec desired, IReadOnlyDictionary<string, string> tags)
    {
        // A CODEPIPELINE source takes its input from the pipeline, and CODEPIPELINE artifacts go where the
        // pipeline says: AWS documents a location as ignored for both, and the console and CDK send none.
        var location = desired.SourceType == BuildSourceTypes.CodePipeline ? null : desired.SourceLocation;
        var buildspec = string.IsNullOrWhiteSpace(desired.Buildspec) ? null : desired.Buildspec;
        var artifacts = new ProjectArtifacts(desired.ArtifactsType);

        return new CreateProjectRequest(
            desired.Name,
            new ProjectSource(desired.SourceType, location, buildspec),
            artifacts,
            new ProjectEnvironment(
                desired.EnvironmentType,
                desired.Image,
                desired.ComputeType,
                PrivilegedMode: desired.Privileged,
                EnvironmentVariables: desired.EnvironmentVariables.Select(v => new CodeBuildEnvironmentVariable(v.Key, v.Value.Value, v.Value.Type)).ToList()),
            desired.ServiceRoleArn,
            desired.Description,
            new LogsConfig(new CloudWatchLogsConfig(LogsEnabled, desired.LogGroupName)),
            tags.Select(t => new CodeBuildTag(t.Key, t.Value)).ToList());
    }

    private static string What(BuildProjectSpec desired) => $"CodeBuild project {desired.Name}";

    private static BuildProjectState ToState(string name, CodeBuildProject project) => new(
        project.Name ?? name,
        project.Arn ?? throw new ProvisioningException($"CodeBuild described project {name} without an ARN."),
        project.Source?.Type ?? string.Empty,
        string.IsNullOrEmpty(project.Source?.Location) ? null : project.Source.Location,
        string.IsNullOrWhiteSpace(project.Source?.Buildspec) ? null : project.Source.Buildspec,
        project.Environment?.Image ?? string.Empty,
        project.Environment?.ComputeType ?? string.Empty,
        project.ServiceRole ?? string.Empty,
        string.IsNullOrEmpty(project.LogsConfig?.CloudWatchLogs?.GroupName) ? null : project.LogsConfig.CloudWatchLogs.GroupName,
        (project.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal))
    {
        ArtifactsType = project.Artifacts?.Type,
        EnvironmentType = project.Environment?.Type,
        Privileged = project.Environment?.PrivilegedMode ?? false,
        EnvironmentVariables = (project.Environment?.EnvironmentVariables ?? [])
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new BuildVariable(g.Last().Value, g.Last().Type ?? BuildVariableTypes.PlainText), StringComparer.Ordinal),
    };
}
