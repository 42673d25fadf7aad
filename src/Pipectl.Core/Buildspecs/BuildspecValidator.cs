using System.Globalization;
using System.Text.RegularExpressions;
using Pipectl.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Buildspecs;

/// <summary>
/// Checks a CodeBuild buildspec against the rules of CodeBuild's buildspec reference before it is pushed or
/// inlined into a project, so a mistake costs a second instead of a failed build after a push. Every problem
/// comes back as a <see cref="Diagnostic"/> with a line and column; an empty list means the file is clean.
/// </summary>
/// <remarks>
/// What is checked: YAML syntax and duplicate keys; <c>version</c> 0.2 or 0.1; the known top-level keys; the
/// four phases and their keys (<c>runtime-versions</c> only in <c>install</c>; <c>commands</c> and
/// <c>finally</c> lists of text; <c>on-failure</c> ABORT, CONTINUE or the RETRY forms); the <c>env</c>,
/// <c>proxy</c>, <c>artifacts</c> (with secondary artifacts), <c>reports</c>, <c>cache</c> and <c>batch</c>
/// sections. What is not: runtime names and versions (they change with each CodeBuild image), the
/// commands themselves, and the contents of <c>batch</c> build lists, matrices, graphs and fan-outs.
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

    private static readonly string[] TopLevelKeys = ["version", "run-as", "env", "proxy", "batch", "phases", "reports", "artifacts", "cache"];
    private static readonly string[] EnvKeys = ["shell", "variables", "parameter-store", "secrets-manager", "exported-variables", "git-credential-helper"];
    private static readonly string[] Shells = ["bash", "/bin/sh", "powershell.exe", "cmd.exe"];
    private static readonly string[] ProxyKeys = ["upload-artifacts", "logs"];
    private static readonly string[] BatchKeys = ["fast-fail", "build-list", "build-matrix", "build-graph", "build-fanout"];
    private static readonly string[] InstallKeys = ["run-as", "on-failure", "runtime-versions", "commands", "finally"];
    private static readonly string[] ArtifactKeys = ["files", "name", "discard-paths", "base-directory", "exclude-paths", "enable-symlinks", "s3-prefix", "secondary-artifacts"];
    private static readonly string[] SecondaryArtifactKeys = ["files", "name", "discard-paths", "base-directory", "exclude-paths", "enable-symlinks", "s3-prefix"];
    private static readonly string[] ReportKeys = ["files", "base-directory", "discard-paths", "file-format"];
    private static readonly string[] CacheKeys = ["paths", "key", "fallback-keys", "action"];
    private static readonly string[] CacheActions = ["restore", "save"];

    /// <summary>Every problem in the buildspec <paramref name="text"/>, empty when it is valid.</summary>
    /// <param name="path">The file name the diagnostics carry, as the user named it.</param>
    /// <param name="text">The buildspec.</param>
    public static IReadOnlyList<Diagnostic> Validate(string path, string text)
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

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _, value) in reader.Entries(mapping, "the buildspec", TopLevelKeys))
        {
            seen.Add(key);
            switch (key)
            {
                case "version":
                    CheckVersion(reader, value);
                    break;
                case "run-as":
                    reader.Scalar(value, "run-as");
                    break;
                case "env":
                    CheckEnv(reader, value);
                    break;
                case "proxy":
                    CheckProxy(reader, value);
                    break;
                case "batch":
                    CheckBatch(reader, value);
                    break;
                case "phases":
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

        if (!seen.Contains("version"))
        {
            reader.Report(mapping, "the buildspec has no version: add 'version: 0.2' as its first line");
        }

        if (!seen.Contains("phases"))
        {
            reader.Report(mapping, "the buildspec has no phases: add 'phases:' with at least a build phase and its commands");
        }
    }

    private static void CheckVersion(YamlNodeReader reader, YamlNode value)
    {
        var version = reader.Scalar(value, "version");
        if (version is not null && !Versions.Contains(version))
        {
            reader.Report(value, $"version {version} is not a buildspec version: use 0.2 (or the older 0.1)");
        }
    }

    private static void CheckEnv(YamlNodeReader reader, YamlNode node)
    {
        var env = reader.Mapping(node, "env");
        if (env is null)
        {
            return;
        }

        foreach (var (key, _, value) in reader.Entries(env, "env", EnvKeys))
        {
            var what = $"env.{key}";
            switch (key)
            {
                case "shell":
                    reader.OneOf(value, what, Shells);
                    break;
                case "variables" or "parameter-store" or "secrets-manager":
                    reader.StringMap(value, what, (name, keyNode) => CheckVariableName(reader, what, name, keyNode));
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

    private static bool CheckVariableName(YamlNodeReader reader, string what, string name, YamlNode keyNode)
    {
        if (name.StartsWith("CODEBUILD_", StringComparison.Ordinal))
        {
            reader.Report(keyNode, $"{what}: '{name}' starts with CODEBUILD_, which CodeBuild reserves for its own variables");
            return false;
        }

        return true;
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
                reader.Report(sequence.Children[i], $"env.exported-variables: '{names[i]}' starts with AWS_, and CodeBuild does not export those");
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

        foreach (var (key, _, value) in reader.Entries(proxy, "proxy", ProxyKeys))
        {
            reader.YesNo(value, $"proxy.{key}");
        }
    }

    private static void CheckBatch(YamlNodeReader reader, YamlNode node)
    {
        var batch = reader.Mapping(node, "batch");
        if (batch is null)
        {
            return;
        }

        var kinds = new List<string>();
        foreach (var (key, keyNode, value) in reader.Entries(batch, "batch", BatchKeys))
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
            }
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
            reader.Report(node, "phases is empty: add at least a build phase with its commands");
            return;
        }

        foreach (var (name, _, value) in reader.Entries(phases, "phases", Phases))
        {
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
        var hasCommands = false;
        foreach (var (key, keyNode, value) in reader.Entries(phase, what, InstallKeys))
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
                    // A real key in the wrong place: say where it goes rather than "unknown key".
                    reader.Report(keyNode, $"runtime-versions belongs in phases.install only, not in {what}");
                    break;
                case "runtime-versions":
                    reader.StringMap(value, $"{what}.runtime-versions");
                    if (value is YamlMappingNode { Children.Count: 0 })
                    {
                        reader.Report(value, $"{what}.runtime-versions is empty: name at least one runtime (e.g. nodejs: 18) or remove the key");
                    }

                    break;
                case "commands":
                    hasCommands = true;
                    reader.StringList(value, $"{what}.commands");
                    break;
                case "finally":
                    reader.StringList(value, $"{what}.finally");
                    break;
            }
        }

        if (!install && !hasCommands)
        {
            reader.Report(node, $"{what} has no commands: CodeBuild requires a commands list in every phase but install");
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
        foreach (var (key, _, value) in reader.Entries(artifact, what, keys))
        {
            var field = $"{what}.{key}";
            switch (key)
            {
                case "files":
                    hasFiles = true;
                    reader.StringList(value, field);
                    break;
                case "name" or "base-directory" or "s3-prefix":
                    reader.Scalar(value, field);
                    break;
                case "exclude-paths":
                    reader.StringList(value, field, allowScalar: true);
                    break;
                case "discard-paths" or "enable-symlinks":
                    reader.YesNo(value, field);
                    break;
                case "secondary-artifacts":
                    CheckSecondaryArtifacts(reader, value);
                    break;
            }
        }

        if (!hasFiles)
        {
            reader.Report(artifact, $"{what} has no files: list what to upload under files (e.g. - '**/*')");
        }
    }

    private static void CheckSecondaryArtifacts(YamlNodeReader reader, YamlNode node)
    {
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
            var report = reader.Mapping(value, what);
            if (report is null)
            {
                continue;
            }

            var hasFiles = false;
            foreach (var (key, _, setting) in reader.Entries(report, what, ReportKeys))
            {
                var field = $"{what}.{key}";
                switch (key)
                {
                    case "files":
                        hasFiles = true;
                        reader.StringList(setting, field);
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
        foreach (var (key, _, value) in reader.Entries(cache, "cache", CacheKeys))
        {
            var field = $"cache.{key}";
            switch (key)
            {
                case "paths":
                    hasPaths = true;
                    reader.StringList(value, field);
                    break;
                case "key":
                    reader.Scalar(value, field);
                    break;
                case "fallback-keys":
                    if (reader.StringList(value, field) is { Count: > MaxFallbackKeys })
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
            reader.Report(cache, "cache has no paths: list the folders to cache under paths");
        }
    }

    [GeneratedRegex(@"^(?<count>[0-9]+)(?:(?<dash>-)(?<regex>.*))?$", RegexOptions.Singleline)]
    private static partial Regex RetryCount();
}
