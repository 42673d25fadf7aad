using Pipectl.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Buildspecs;

/// <summary>
/// The <c>batch</c> section of a buildspec (CodeBuild's batch build reference): one kind of batch, and for a build
/// list or graph, tasks whose keys, buildspec and environment overrides are checked.
/// </summary>
internal static class BatchChecks
{
    private static readonly string[] BatchKeys = ["fast-fail", "build-list", "build-matrix", "build-graph", "build-fanout"];
    private static readonly string[] TaskKeys = ["identifier", "buildspec", "env", "ignore-failure", "depend-on", "debug-session"];
    private static readonly string[] TaskEnvKeys = ["compute-type", "image", "privileged-mode", "type", "variables", "fleet"];
    private static readonly string[] MatrixKeys = ["static", "dynamic"];

    /// <summary>Checks the section; null when it is not a mapping.</summary>
    public static BatchTasks? Check(YamlNodeReader reader, YamlNode node)
    {
        var batch = reader.Mapping(node, "batch");
        if (batch is null)
        {
            return null;
        }

        var tasks = new BatchTasks();
        var kinds = new List<string>();
        foreach (var (key, keyNode, value) in reader.Entries(batch, "batch", BatchKeys, warnUnknown: true))
        {
            if (key == "fast-fail")
            {
                reader.Boolean(value, "batch.fast-fail");
                continue;
            }

            kinds.Add(key);
            if (kinds.Count > 1)
            {
                reader.Report(keyNode, $"batch has both {kinds[0]} and {key}: a buildspec defines one kind of batch build");
            }

            if (YamlNodeReader.IsNull(value) || value is YamlScalarNode)
            {
                reader.Report(value, $"batch.{key} must be a list or a mapping of build tasks, not {YamlNodeReader.Describe(value)}");
                continue;
            }

            switch (key)
            {
                case "build-list" or "build-graph":
                    CheckTasks(reader, value, $"batch.{key}", identifierRequired: key == "build-graph", tasks);
                    break;
                case "build-matrix" when reader.Mapping(value, "batch.build-matrix") is { } matrix:
                    _ = reader.Entries(matrix, "batch.build-matrix", MatrixKeys, warnUnknown: true).Count();
                    break;
            }
        }

        return tasks;
    }

    private static void CheckTasks(YamlNodeReader reader, YamlNode value, string what, bool identifierRequired, BatchTasks tasks)
    {
        if (value is not YamlSequenceNode list)
        {
            reader.Report(value, $"{what} must be a list of build tasks ('- identifier: ...'), not {YamlNodeReader.Describe(value)}");
            return;
        }

        foreach (var item in list.Children)
        {
            if (reader.Mapping(item, $"each task of {what}") is not { } task)
            {
                continue;
            }

            var hasIdentifier = false;
            var hasBuildspec = false;
            foreach (var (key, _, setting) in reader.Entries(task, $"a task of {what}", TaskKeys, warnUnknown: true))
            {
                var field = $"{what}.{key}";
                switch (key)
                {
                    case "identifier":
                        hasIdentifier = reader.Scalar(setting, field) is not null;
                        break;
                    case "buildspec":
                        hasBuildspec = reader.Scalar(setting, field) is not null;
                        break;
                    case "ignore-failure" or "debug-session":
                        reader.Boolean(setting, field);
                        break;
                    case "depend-on":
                        reader.StringList(setting, field);
                        break;
                    case "env":
                        CheckTaskEnv(reader, setting, $"{what}.env");
                        break;
                }
            }

            if (identifierRequired && !hasIdentifier)
            {
                reader.Report(task, $"a task of {what} has no identifier: each task of a build graph needs one");
            }

            if (!hasBuildspec)
            {
                tasks.WithoutBuildspec.Add(task);
            }
        }
    }

    private static void CheckTaskEnv(YamlNodeReader reader, YamlNode value, string what)
    {
        if (reader.Mapping(value, what) is not { } env)
        {
            return;
        }

        foreach (var (key, _, setting) in reader.Entries(env, what, TaskEnvKeys, warnUnknown: true))
        {
            switch (key)
            {
                case "privileged-mode":
                    reader.Boolean(setting, $"{what}.privileged-mode");
                    break;
                case "variables":
                    reader.StringMap(setting, $"{what}.variables");
                    break;
                default:
                    reader.Scalar(setting, $"{what}.{key}");
                    break;
            }
        }
    }
}
