using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.StackFiles;

/// <summary>
/// Where in a stack file a rule broken by the stack it describes (<see cref="StackSpecValidator"/>, which speaks of
/// options) is written: the option's key (<c>--ecs-cluster</c> is <c>deploy.cluster</c>), or the nearest key above
/// it that the file has (a missing <c>deploy.cluster</c> is blamed on <c>deploy</c>), so <c>validate</c> reports
/// each problem at its own line and column.
/// </summary>
public static class StackFileLocations
{
    /// <summary>The stack-file key of each option the validator names (the names derived from <c>name</c> are blamed on it).</summary>
    private static readonly Dictionary<string, string> KeyOfOption = new(StringComparer.Ordinal)
    {
        [StackOptionNames.Name] = "name",
        [StackOptionNames.Region] = "region",
        [StackOptionNames.RepositoryName] = "repository.name",
        [StackOptionNames.RepositoryDescription] = "repository.description",
        [StackOptionNames.Branch] = "repository.branch",
        [StackOptionNames.ExistingRepository] = "repository.existing",
        [StackOptionNames.BuildImage] = "build.image",
        [StackOptionNames.ComputeType] = "build.computeType",
        [StackOptionNames.SourceType] = "build.sourceType",
        [StackOptionNames.Privileged] = "build.privileged",
        [StackOptionNames.Buildspec] = "build.buildspec",
        [StackOptionNames.TestBuildspec] = "test.buildspec",
        [StackOptionNames.TestInput] = "test.input",
        [StackOptionNames.Approval] = "approval.enabled",
        [StackOptionNames.ApprovalEmail] = "approval.email",
        [StackOptionNames.PipelineType] = "pipeline.type",
        [StackOptionNames.PrivateSite] = "buckets.privateSite",
        [StackOptionNames.Site] = "site",
        [StackOptionNames.ArtifactBucketName] = "buckets.artifacts",
        [StackOptionNames.SiteBucketName] = "buckets.site",
        [StackOptionNames.Source] = "source.repository",
        [StackOptionNames.ConnectionArn] = "source.connectionArn",
        [StackOptionNames.Deploy] = "deploy.target",
        [StackOptionNames.EcsCluster] = "deploy.cluster",
        [StackOptionNames.EcsService] = "deploy.service",
        [StackOptionNames.ContainerName] = "deploy.containerName",
        [StackOptionNames.EcrRepository] = "deploy.ecrRepository",
        [StackOptionNames.EcrKeepImages] = "deploy.keepImages",
    };

    /// <summary>The key path an error is about: a stack-file key as is, an option through the table, anything else <c>name</c>.</summary>
    public static string KeyOf(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Field == "build.environmentVariables")
        {
            return $"build.environmentVariables.{error.Value}";
        }

        return StackFileKeys.Paths.Contains(error.Field) ? error.Field
            : KeyOfOption.TryGetValue(error.Field, out var key) ? key
            : "name";
    }

    /// <summary>
    /// Each error as a diagnostic of <paramref name="path"/> at its key (or the nearest key above it the file has;
    /// 1:1 when none), named by its key rather than its option.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Locate(string path, string text, IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = Root(text);
        return errors.Select(e =>
        {
            var key = KeyOf(e);
            var (line, column) = Position(root, key);
            var field = e.Field.StartsWith("--", StringComparison.Ordinal) && KeyOfOption.ContainsKey(e.Field) ? key : e.Field;
            return new Diagnostic(path, line, column, (e with { Field = field }).ToString());
        }).ToList();
    }

    private static YamlMappingNode? Root(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    /// <summary>The value of the deepest key of <paramref name="key"/> the file has (its key when the value is a mapping), or 1:1.</summary>
    private static (int Line, int Column) Position(YamlMappingNode? root, string key)
    {
        var found = (Line: 1, Column: 1);
        var mapping = root;
        foreach (var part in key.Split('.'))
        {
            if (mapping is null)
            {
                break;
            }

            var entry = mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } k } && k == part);
            if (entry.Key is null)
            {
                break;
            }

            var at = entry.Value is YamlScalarNode ? entry.Value.Start : entry.Key.Start;
            found = (YamlText.Line(at), YamlText.Column(at));
            mapping = entry.Value as YamlMappingNode;
        }

        return found;
    }
}
