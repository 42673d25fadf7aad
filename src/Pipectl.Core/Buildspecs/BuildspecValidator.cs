using System.Globalization;
using System.Text.RegularExpressions;
using Pipectl.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Buildspecs;

/// <summary>
/// Checks a CodeBuild buildspec the way CodeBuild judges it, before it is pushed or inlined into a project, so
/// a mistake costs a second instead of a failed build after a push. Every finding is a <see cref="Diagnostic"/>
/// with a line and column: an error for what CodeBuild refuses (YAML_FILE_ERROR and its other client errors),
/// a warning for what CodeBuild runs anyway but is probably a mistake (an unknown key, which CodeBuild logs as
/// "keys cannot be identified"; a commented-out, empty <c>commands:</c>).
/// </summary>
/// <remarks>
/// What is checked: YAML syntax, duplicate keys and aliases (merge keys are applied, as CodeBuild's reader
/// does); <c>version</c> 0.2 or 0.1 (with 0.1's <c>environment_variables</c>); the known keys of every section;
/// the four phases (<c>runtime-versions</c> belongs in <c>install</c>; <c>commands</c> and <c>finally</c> are
/// lists of text; <c>on-failure</c> is ABORT, CONTINUE or a RETRY form); the <c>env</c>, <c>proxy</c>,
/// <c>artifacts</c> (with secondary artifacts), <c>reports</c>, <c>cache</c> and <c>batch</c> sections, a
/// batch-only buildspec (no <c>phases</c>, each task naming its own buildspec) included. What is not: runtime
/// names and versions (they change with each CodeBuild image) and the commands themselves.
/// </remarks>
public static partial class BuildspecValidator
{
    /// <summary>The versions CodeBuild accepts; 0.2 runs a phase's commands in one shell.</summary>
    public static readonly IReadOnlyList<string> Versions = ["0.2", "0.1"];

    /// <summary>The phases, in the order CodeBuild runs them.</summary>
    public static readonly IReadOnlyList<string> Phases = ["install", "pre_build", "build", "post_build"];

    /// <summary>The report file formats CodeBuild reads: test reports, then code coverage reports.</summary>
    public static readonly IReadOnlyList<string> ReportFileFormats =
        ["CUCUMBERJSON", "JUNITXML", "NUNITXML", "NUNIT3XML", "TESTNGXML", "VISUALSTUDIOTRX", "CLOVERXML", "COBERTURAXML", "JACOCOXML", "SIMPLECOV"];

    private const int MaxReportGroups = 5;
    private const int MaxFallbackKeys = 5;
    private const int MaxRetries = 100;

    private static readonly string[] TopLevelKeys = ["version", "run-as", "env", "environment_variables", "proxy", "batch", "phases", "reports", "artifacts", "cache"];
    private static readonly string[] EnvKeys = ["shell", "variables", "parameter-store", "secrets-manager", "exported-variables", "git-credential-helper"];
    private static readonly string[] Version01EnvKeys = ["plaintext", "parameter-store"];
    private static readonly string[] Shells = ["bash", "/bin/sh", "powershell.exe", "cmd.exe"];
    private static readonly string[] ProxyKeys = ["upload-artifacts", "logs"];
    private static readonly string[] InstallKeys = ["run-as", "on-failure", "runtime-versions", "commands", "finally"];
    private static readonly string[] ArtifactKeys = ["files", "name", "discard-paths", "base-directory", "exclude-paths", "enable-symlinks", "s3-prefix", "secondary-artifacts", "type"];
    private static readonly string[] SecondaryArtifactKeys = ["files", "name", "discard-paths", "base-directory", "exclude-paths", "enable-symlinks", "s3-prefix"];
    private static readonly string[] ReportKeys = ["files", "base-directory", "discard-paths", "file-format"];
    private static readonly string[] CacheKeys = ["paths", "key", "fallback-keys", "action"];
    private static readonly string[] CacheActions = ["restore", "save"];

    /// <summary>The errors in the buildspec <paramref name="text"/> (what CodeBuild would refuse), empty when it runs.</summary>
    /// <param name="path">The file name the diagnostics carry, as the user named it.</param>
    /// <param name="text">The buildspec.</param>
    public static IReadOnlyList<Diagnostic> Validate(string path, string text) =>
        ValidateWithWarnings(path, text).Where(d => d.IsError).ToList();

    /// <summary>Every error and warning in the buildspec <paramref name="text"/>, in file order.</summary>
    /// <param name="path">The file name the diagnostics carry, as the user named it.</param>
    /// <param name="text">The buildspec.</param>
    public static IReadOnlyList<Diagnostic> ValidateWithWarnings(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var reader = new YamlNodeReader(path);
        var loadErrors = new List<Diagnostic>();
        var root = YamlText.Load(path, text, loadErrors);
        foreach (var error in loadErrors)
        {
            reader.Add(error);
        }

        if (root is not null)
        {
            CheckRoot(reader, root);
        }

        return reader.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
    }

    private static void CheckRoot(YamlNodeReader reader, YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            reader.Report(root, $"a buildspec is a mapping (version:, phases:, ...), not {YamlNodeReader.Describe(root)}");
            return;
        }

        var entries = reader.Entries(mapping, "the buildspec", TopLevelKeys, warnUnknown: true).ToList();
        var version = entries.FirstOrDefault(e => e.Key == "version").Value is { } versionNode ? CheckVersion(reader, versionNode) : null;
        BatchTasks? batch = null;
        var hasPhases = false;
        foreach (var (key, keyNode, value) in entries)
        {
            if (key != "version" && YamlNodeReader.IsNull(value))
            {
                // Everything under the key commented out: CodeBuild reads an empty section and runs.
                reader.Warn(keyNode, $"{key} is empty: it sets nothing; fill it in or remove the key");
                hasPhases |= key == "phases";
                continue;
            }

            switch (key)
            {
                case "run-as":
                    reader.Scalar(value, "run-as");
                    break;
                case "env":
                    CheckEnv(reader, value);
                    break;
                case "environment_variables":
                    CheckVersion01Env(reader, keyNode, value, version);
                    break;
                case "proxy":
                    CheckProxy(reader, value);
                    break;
                case "batch":
                    batch = BatchChecks.Check(reader, value);
                    break;
                case "phases":
                    hasPhases = true;
                    CheckPhases(reader, value);
                    break;
                case "reports":
                    CheckReports(reader, value);
                    break;
                case "artifacts":
                    CheckArtifacts(reader, value);
                    break;
                case "cache":
                    CheckCache(reader, value);
                    break;
            }
        }

        if (!entries.Any(e => e.Key == "version"))
        {
            reader.Report(mapping, "the buildspec has no version: add 'version: 0.2' as its first line");
        }

        if (hasPhases)
        {
            return;
        }

        if (batch is null)
        {
            reader.Report(mapping, "the buildspec has no phases: add 'phases:' with at least a build phase and its commands");
            return;
        }

        // A batch-only buildspec: a task without a buildspec of its own runs this file, which has nothing to run.
        foreach (var task in batch.WithoutBuildspec)
        {
            reader.Warn(task, "this batch task names no buildspec, so it runs this file, which has no phases: give it 'buildspec: path/to/buildspec.yml'");
        }
    }

    private static string? CheckVersion(YamlNodeReader reader, YamlNode value)
    {
        var version = reader.Scalar(value, "version");
        if (version is not null && !Versions.Contains(version))
        {
            reader.Report(value, $"version {version} is not a buildspec version: use 0.2 (or the older 0.1)");
            return null;
        }

        return version;
    }

    private static void CheckEnv(YamlNodeReader reader, YamlNode node)
    {
        var env = reader.Mapping(node, "env");
        if (env is null)
        {
            return;
        }

        foreach (var (key, keyNode, value) in reader.Entries(env, "env", EnvKeys, warnUnknown: true))
        {
            var what = $"env.{key}";
            if (YamlNodeReader.IsNull(value))
            {
                reader.Warn(keyNode, $"{what} is empty: it sets nothing; fill it in or remove the key");
                continue;
            }

            switch (key)
            {
                case "shell":
                    reader.OneOf(value, what, Shells);
                    break;
                case "variables" or "parameter-store" or "secrets-manager":
                    CheckVariables(reader, value, what);
                    break;
                case "exported-variables":
                    CheckExportedVariables(reader, value);
                    break;
                case "git-credential-helper":
                    reader.YesNo(value, what);
                    break;
            }
        }
    }

    /// <summary>Version 0.1's <c>environment_variables: plaintext:</c>, the ancestor of <c>env: variables:</c>.</summary>
    private static void CheckVersion01Env(YamlNodeReader reader, YamlScalarNode keyNode, YamlNode value, string? version)
    {
        if (version == "0.2")
        {
            reader.Warn(keyNode, "environment_variables is version 0.1 syntax, which CodeBuild ignores under version 0.2: write env: variables: instead");
            return;
        }

        if (reader.Mapping(value, "environment_variables") is not { } mapping)
        {
            return;
        }

        foreach (var (key, _, entry) in reader.Entries(mapping, "environment_variables", Version01EnvKeys, warnUnknown: true))
        {
            CheckVariables(reader, entry, $"environment_variables.{key}");
        }
    }

    private static void CheckVariables(YamlNodeReader reader, YamlNode value, string what)
    {
        if (reader.Mapping(value, what) is not { } mapping)
        {
            return;
        }

        foreach (var (name, keyNode, variable) in reader.Entries(mapping, what))
        {
            CheckVariableName(reader, what, name, keyNode);
            if (YamlNodeReader.IsNull(variable))
            {
                reader.Warn(keyNode, $"{what}.{name} has no value: CodeBuild sets it to the empty text");
            }
            else if (variable is not YamlScalarNode)
            {
                reader.Report(variable, $"{what}.{name} must be a single value, not {YamlNodeReader.Describe(variable)}");
            }
        }
    }

    private static void CheckVariableName(YamlNodeReader reader, string what, string name, YamlNode keyNode)
    {
        if (name.StartsWith("CODEBUILD_", StringComparison.Ordinal))
        {
            reader.Report(keyNode, $"{what}: '{name}' starts with CODEBUILD_, which CodeBuild reserves for its own variables");
        }
    }

    private static void CheckExportedVariables(YamlNodeReader reader, YamlNode value)
    {
        var names = reader.StringList(value, "env.exported-variables");
        if (names is null || value is not YamlSequenceNode sequence)
        {
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].StartsWith("AWS_", StringComparison.Ordinal))
            {
                reader.Warn(sequence.Children[i], $"env.exported-variables: '{names[i]}' starts with AWS_, and CodeBuild does not export those");
            }
        }
    }

    private static void CheckProxy(YamlNodeReader reader, YamlNode node)
    {
        var proxy = reader.Mapping(node, "proxy");
        if (proxy is null)
        {
            return;
        }

        foreach (var (key, _, value) in reader.Entries(proxy, "proxy", ProxyKeys, warnUnknown: true))
        {
            reader.YesNo(value, $"proxy.{key}");
        }
    }

    private static void CheckPhases(YamlNodeReader reader, YamlNode node)
    {
        var phases = reader.Mapping(node, "phases");
        if (phases is null)
        {
            return;
        }

        if (phases.Children.Count == 0)
        {
            reader.Warn(node, "phases is empty: the build runs no commands");
            return;
        }

        foreach (var (name, keyNode, value) in reader.Entries(phases, "phases", Phases, warnUnknown: true))
        {
            if (YamlNodeReader.IsNull(value))
            {
                reader.Warn(keyNode, $"phases.{name} is empty: the phase runs nothing; fill it in or remove it");
                continue;
            }

            CheckPhase(reader, name, value);
        }
    }

    private static void CheckPhase(YamlNodeReader reader, string name, YamlNode node)
    {
        var what = $"phases.{name}";
        var phase = reader.Mapping(node, what);
        if (phase is null)
        {
            return;
        }

        var install = name == "install";
        var runs = false;
        foreach (var (key, keyNode, value) in reader.Entries(phase, what, InstallKeys, warnUnknown: true))
        {
            switch (key)
            {
                case "run-as":
                    reader.Scalar(value, $"{what}.run-as");
                    break;
                case "on-failure":
                    CheckOnFailure(reader, value, $"{what}.on-failure");
                    break;
                case "runtime-versions" when !install:
                    // A real key in the wrong place: CodeBuild ignores it there; say where it goes.
                    reader.Warn(keyNode, $"runtime-versions belongs in phases.install only; CodeBuild ignores it in {what}");
                    break;
                case "runtime-versions":
                    CheckRuntimeVersions(reader, keyNode, value, $"{what}.runtime-versions");
                    break;
                case "commands" or "finally":
                    // Present, even empty, is enough: CheckCommands reports an empty or broken list itself.
                    runs = true;
                    CheckCommands(reader, keyNode, value, $"{what}.{key}");
                    break;
            }
        }

        if (!install && !runs)
        {
            reader.Warn(node, $"{what} has no commands: the phase runs nothing");
        }
    }

    private static void CheckRuntimeVersions(YamlNodeReader reader, YamlScalarNode keyNode, YamlNode value, string what)
    {
        if (YamlNodeReader.IsNull(value) || value is YamlMappingNode { Children.Count: 0 })
        {
            reader.Warn(keyNode, $"{what} is empty: CodeBuild uses the image's default runtimes; name one (e.g. nodejs: 20) or remove the key");
            return;
        }

        reader.StringMap(value, what);
    }

    /// <summary>
    /// A <c>commands</c> or <c>finally</c> list. Empty or null (every item commented
    /// out) and a single command written as text both run, so they are warnings; a mapping is CodeBuild's
    /// "Expected Commands[0] to be of string type: found subkeys instead", an error.
    /// </summary>
    private static void CheckCommands(YamlNodeReader reader, YamlScalarNode keyNode, YamlNode value, string what)
    {
        switch (value)
        {
            case var _ when YamlNodeReader.IsNull(value) || value is YamlSequenceNode { Children.Count: 0 }:
                reader.Warn(keyNode, $"{what} is empty: nothing runs; add a command or remove the key");
                return;
            case YamlScalarNode:
                reader.Warn(value, $"{what} is one command written as text: CodeBuild runs it, but the documented form is a list ('- command')");
                return;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children.Where(YamlNodeReader.IsNull))
                {
                    reader.Warn(item, $"an empty item in {what}: nothing runs for it");
                }

                reader.TextItems(sequence, what);
                return;
            default:
                reader.Report(value, $"{what} must be a list (lines starting with '- '), not {YamlNodeReader.Describe(value)}");
                return;
        }
    }

    private static void CheckOnFailure(YamlNodeReader reader, YamlNode node, string what)
    {
        var value = reader.Scalar(node, what);
        if (value is null || value is "ABORT" or "CONTINUE" or "RETRY")
        {
            return;
        }

        if (!value.StartsWith("RETRY-", StringComparison.OrdinalIgnoreCase))
        {
            reader.Report(node, $"{what} must be ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex>, not \"{value}\"");
            return;
        }

        var rest = value["RETRY-".Length..];
        var count = RetryCount().Match(rest);
        if (count.Success)
        {
            var digits = count.Groups["count"].Value;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) || retries > MaxRetries)
            {
                reader.Report(node, $"{what}: the retry count {digits} is out of range: CodeBuild retries 0 to {MaxRetries} times");
                return;
            }

            rest = count.Groups["regex"].Success ? count.Groups["regex"].Value : string.Empty;
            if (count.Groups["dash"].Success && rest.Length == 0)
            {
                reader.Report(node, $"{what}: nothing after RETRY-{digits}-: give a regular expression or drop the trailing '-'");
                return;
            }
        }

        if (rest.Length == 0)
        {
            if (!count.Success)
            {
                reader.Report(node, $"{what}: nothing after 'RETRY-': give a count (RETRY-3), a regular expression, or both (RETRY-3-timeout.*)");
            }

            return;
        }

        try
        {
            _ = new Regex(rest, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            reader.Report(node, $"{what}: \"{rest}\" is not a valid regular expression ({e.Message.TrimEnd('.')})");
        }
    }

    private static void CheckArtifacts(YamlNodeReader reader, YamlNode node)
    {
        var artifacts = reader.Mapping(node, "artifacts");
        if (artifacts is null)
        {
            return;
        }

        CheckArtifact(reader, artifacts, "artifacts", ArtifactKeys);
    }

    private static void CheckArtifact(YamlNodeReader reader, YamlMappingNode artifact, string what, string[] keys)
    {
        var hasFiles = false;
        foreach (var (key, keyNode, value) in reader.Entries(artifact, what, keys, warnUnknown: true))
        {
            var field = $"{what}.{key}";
            switch (key)
            {
                case "files":
                    hasFiles = true;

                    // One file as text (files: imagedefinitions.json, the ECS tutorial's form) is what CodeBuild reads.
                    CheckPaths(reader, keyNode, value, field, textIsList: true);
                    break;
                case "name" or "base-directory" or "s3-prefix" or "type":
                    reader.Scalar(value, field);
                    break;
                case "exclude-paths":
                    CheckPaths(reader, keyNode, value, field, textIsList: true);
                    break;
                case "discard-paths" or "enable-symlinks":
                    reader.YesNo(value, field);
                    break;
                case "secondary-artifacts":
                    CheckSecondaryArtifacts(reader, keyNode, value);
                    break;
            }
        }

        if (!hasFiles)
        {
            reader.Report(artifact, $"{what} has no files: list what to upload under files (e.g. - '**/*')");
        }
    }

    private static void CheckSecondaryArtifacts(YamlNodeReader reader, YamlScalarNode keyNode, YamlNode node)
    {
        if (YamlNodeReader.IsNull(node))
        {
            reader.Warn(keyNode, "artifacts.secondary-artifacts is empty: it sets nothing; fill it in or remove the key");
            return;
        }

        var secondary = reader.Mapping(node, "artifacts.secondary-artifacts");
        if (secondary is null)
        {
            return;
        }

        foreach (var (identifier, _, value) in reader.Entries(secondary, "artifacts.secondary-artifacts"))
        {
            var what = $"artifacts.secondary-artifacts.{identifier}";
            if (reader.Mapping(value, what) is { } artifact)
            {
                CheckArtifact(reader, artifact, what, SecondaryArtifactKeys);
            }
        }
    }

    /// <summary>
    /// A list of paths or patterns. Empty or null (every item commented out) is read as no paths, a warning; one
    /// path written as text is read as a list of one (silently where <paramref name="textIsList"/>, else with a
    /// warning); a mapping, or a list or mapping as an item, is an error.
    /// </summary>
    private static IReadOnlyList<string>? CheckPaths(YamlNodeReader reader, YamlScalarNode keyNode, YamlNode value, string what, bool textIsList = false)
    {
        switch (value)
        {
            case var _ when YamlNodeReader.IsNull(value) || value is YamlSequenceNode { Children.Count: 0 }:
                reader.Warn(keyNode, $"{what} is empty: it names nothing; add a path or remove the key");
                return [];
            case YamlScalarNode scalar:
                if (!textIsList)
                {
                    reader.Warn(value, $"{what} is one path written as text: CodeBuild reads it, but the documented form is a list ('- path')");
                }

                return [scalar.Value ?? string.Empty];
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children.Where(YamlNodeReader.IsNull))
                {
                    reader.Warn(item, $"an empty item in {what}: it names nothing");
                }

                reader.TextItems(sequence, what);
                return sequence.Children.OfType<YamlScalarNode>().Where(i => !YamlNodeReader.IsNull(i)).Select(i => i.Value ?? string.Empty).ToList();
            default:
                reader.Report(value, $"{what} must be a list (lines starting with '- '), not {YamlNodeReader.Describe(value)}");
                return null;
        }
    }

    private static void CheckReports(YamlNodeReader reader, YamlNode node)
    {
        var reports = reader.Mapping(node, "reports");
        if (reports is null)
        {
            return;
        }

        var count = 0;
        foreach (var (group, keyNode, value) in reader.Entries(reports, "reports"))
        {
            if (++count == MaxReportGroups + 1)
            {
                reader.Report(keyNode, $"reports: more than {MaxReportGroups} report groups; a CodeBuild project takes at most {MaxReportGroups}");
            }

            var what = $"reports.{group}";
            if (YamlNodeReader.IsNull(value))
            {
                reader.Warn(keyNode, $"{what} is empty: no report is collected; fill it in or remove it");
                continue;
            }

            var report = reader.Mapping(value, what);
            if (report is null)
            {
                continue;
            }

            var hasFiles = false;
            foreach (var (key, settingKey, setting) in reader.Entries(report, what, ReportKeys, warnUnknown: true))
            {
                var field = $"{what}.{key}";
                switch (key)
                {
                    case "files":
                        hasFiles = true;
                        CheckPaths(reader, settingKey, setting, field);
                        break;
                    case "base-directory":
                        reader.Scalar(setting, field);
                        break;
                    case "discard-paths":
                        reader.YesNo(setting, field);
                        break;
                    case "file-format":
                        reader.OneOf(setting, field, ReportFileFormats, StringComparer.OrdinalIgnoreCase);
                        break;
                }
            }

            if (!hasFiles)
            {
                reader.Report(report, $"{what} has no files: list the test or coverage report files under files");
            }
        }
    }

    private static void CheckCache(YamlNodeReader reader, YamlNode node)
    {
        var cache = reader.Mapping(node, "cache");
        if (cache is null)
        {
            return;
        }

        var hasPaths = false;
        foreach (var (key, keyNode, value) in reader.Entries(cache, "cache", CacheKeys, warnUnknown: true))
        {
            var field = $"cache.{key}";
            switch (key)
            {
                case "paths":
                    hasPaths = true;
                    CheckPaths(reader, keyNode, value, field);
                    break;
                case "key":
                    reader.Scalar(value, field);
                    break;
                case "fallback-keys":
                    if (CheckPaths(reader, keyNode, value, field) is { Count: > MaxFallbackKeys })
                    {
                        reader.Report(value, $"{field}: at most {MaxFallbackKeys} fallback keys");
                    }

                    break;
                case "action":
                    reader.OneOf(value, field, CacheActions);
                    break;
            }
        }

        if (!hasPaths)
        {
            reader.Warn(cache, "cache has no paths: nothing is cached; list the folders to cache under paths");
        }
    }

    [GeneratedRegex(@"^(?<count>[0-9]+)(?:(?<dash>-)(?<regex>.*))?$", RegexOptions.Singleline)]
    private static partial Regex RetryCount();
}
