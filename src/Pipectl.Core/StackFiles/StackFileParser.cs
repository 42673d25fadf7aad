using Pipectl.Core.Buildspecs;
using Pipectl.Core.LocalFiles;
using Pipectl.Core.Settings;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.StackFiles;

/// <summary>
/// Reads <c>pipectl.yaml</c> with YamlDotNet's representation model (no reflection: trim and Native-AOT safe).
/// Every problem, an unknown key included, is a <see cref="Diagnostic"/> with a line and column; the file is
/// returned only when there are none. Names are checked for their characters here (so the error points into
/// the file); lengths that depend on the account and region are <c>StackSpecValidator</c>'s, on the specs.
/// </summary>
public static class StackFileParser
{
    /// <summary>The file name <c>validate</c> and <c>init</c> look for.</summary>
    public const string DefaultFileName = "pipectl.yaml";

    /// <summary>Parses <paramref name="text"/>; no file is read, so an inline buildspec is checked but a <c>build.buildspec</c> file is not (see <see cref="Load"/>).</summary>
    /// <param name="path">The file name the diagnostics carry and relative paths are resolved against.</param>
    /// <param name="text">The content of the file.</param>
    public static (StackFile? File, IReadOnlyList<Diagnostic> Errors) Parse(string path, string text)
    {
        var (file, errors) = ParsePartial(path, text);
        return (errors.Count == 0 ? file : null, errors);
    }

    /// <summary>
    /// Parses <paramref name="text"/> and returns the file even when it has problems: every unusable value left out
    /// (as its default), so that <c>validate</c> can check the rest in the same pass. Null only when the file has no
    /// usable top-level mapping or name.
    /// </summary>
    public static (StackFile? File, IReadOnlyList<Diagnostic> Errors) ParsePartial(string path, string text)
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

        StackFile? file = null;
        if (root is not null)
        {
            file = new Walk(reader, path, text).Root(root);
        }

        var errors = reader.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return (file, errors);
    }

    /// <summary>
    /// Reads and parses the file at <paramref name="path"/>, then reads the buildspec file it names (relative to
    /// its folder), checks it with <see cref="BuildspecValidator"/> and puts its text in
    /// <see cref="StackFileBuild.BuildspecContent"/>. A missing buildspec, or one outside the stack file's folder,
    /// is reported at the line that names it; the buildspec's own problems carry its path (<c>folder-of-path/buildspec</c>).
    /// Both files must be regular files of at most <see cref="LocalFile.MaxTextBytes"/>.
    /// </summary>
    /// <param name="path">The stack file, as the user named it (diagnostics carry it as is).</param>
    /// <param name="baseDirectory">The folder a relative <paramref name="path"/> is relative to (default: the current folder).</param>
    /// <param name="allowOutsidePaths">Let <c>build.buildspec</c> name a file outside the stack file's folder (which is the project tree).</param>
    /// <exception cref="LocalFileException">The stack file itself cannot be read (missing, not a regular file, too big).</exception>
    public static (StackFile? File, IReadOnlyList<Diagnostic> Errors) Load(string path, string? baseDirectory = null, bool allowOutsidePaths = false)
    {
        var (file, errors) = LoadPartial(path, baseDirectory, allowOutsidePaths);
        return (errors.Count == 0 ? file : null, errors);
    }

    /// <summary>
    /// <see cref="Load"/> that returns the file even when it has problems (see <see cref="ParsePartial"/>), with every
    /// problem of the file and of the buildspec files it names, for <c>validate</c>'s one pass.
    /// </summary>
    public static (StackFile? File, IReadOnlyList<Diagnostic> Errors) LoadPartial(string path, string? baseDirectory = null, bool allowOutsidePaths = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = baseDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(path, baseDirectory);
        var text = LocalFile.ReadText(fullPath, $"-f \"{path}\"");
        var (file, parsed) = ParsePartial(path, text);
        if (file is null)
        {
            return (file, parsed);
        }

        var errors = parsed.ToList();
        var folder = Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
        if (file.Build.Buildspec is { } buildspec)
        {
            var (content, problems) = ReadBuildspec(path, text, folder, "build", buildspec, allowOutsidePaths);
            errors.AddRange(problems);
            file = file with { Build = file.Build with { BuildspecContent = content } };
        }

        if (file.Test is { Buildspec: { } tests } test)
        {
            var (content, problems) = ReadBuildspec(path, text, folder, "test", tests, allowOutsidePaths);
            errors.AddRange(problems);
            file = file with { Test = test with { BuildspecContent = content } };
        }

        return (file, errors);
    }

    /// <summary>The buildspec file <c>section.buildspec</c> names, read and checked; null content with the problems when it cannot be used.</summary>
    private static (string? Content, IReadOnlyList<Diagnostic> Problems) ReadBuildspec(string path, string text, string folder, string section, string buildspec, bool allowOutsidePaths)
    {
        var buildspecPath = Path.GetFullPath(buildspec, folder);
        var displayPath = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, buildspec);
        var at = BuildspecValueMark(text, section);
        var key = $"{section}.buildspec";
        if (!allowOutsidePaths && !IsInside(buildspecPath, folder))
        {
            return (null, [new Diagnostic(path, at.Line, at.Column, $"{key}: {displayPath} is outside the folder of {path} (the project tree); move it there, or pass --allow-outside-paths")]);
        }

        var kind = LocalFile.KindOf(buildspecPath);
        if (kind != LocalFileKind.Regular)
        {
            return (null, [new Diagnostic(path, at.Line, at.Column, kind == LocalFileKind.Missing ? $"{key}: no such file {displayPath}" : $"{key}: {displayPath} {LocalFile.Describe(kind)}")]);
        }

        string content;
        try
        {
            content = LocalFile.ReadText(buildspecPath, $"{key}: {displayPath}");
        }
        catch (LocalFileException e)
        {
            return (null, [new Diagnostic(path, at.Line, at.Column, e.Message)]);
        }

        var problems = BuildspecValidator.Validate(displayPath, content);
        return problems.Count > 0 ? (null, problems) : (content, []);
    }

    /// <summary>True when <paramref name="path"/>, with every link on the way resolved, lies inside <paramref name="folder"/>.</summary>
    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.TrimEndingDirectorySeparator(LocalFile.RealPath(folder)) + Path.DirectorySeparatorChar;
        return LocalFile.RealPath(path).StartsWith(prefix, StringComparison.Ordinal);
    }

    private static (int Line, int Column) BuildspecValueMark(string text, string section)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var mapping = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode(section)];
        var value = mapping.Children[new YamlScalarNode("buildspec")];
        return (YamlText.Line(value.Start), YamlText.Column(value.Start));
    }

    /// <summary>One pass over the tree, collecting the model and the diagnostics together.</summary>
    private sealed class Walk(YamlNodeReader reader, string path, string text)
    {
        public StackFile? Root(YamlNode root)
        {
            var mapping = reader.Mapping(root, DefaultFileName);
            if (mapping is null)
            {
                return null;
            }

            string? name = null;
            string? region = null;
            string? pipelineType = null;
            string? site = null;
            YamlNode? siteBucketNode = null;
            YamlNode? artifactBucketNode = null;
            var repository = new StackFileRepository();
            var source = new StackFileSource();
            var build = new StackFileBuild();
            StackFileTest? test = null;
            var buckets = new StackFileBuckets();
            StackFileApproval? approval = null;
            (string? Target, EcsDeployment Ecs, YamlNode? Node) deploy = (null, new EcsDeployment(), null);
            IReadOnlyList<StackFileEnvironment> environments = [];
            foreach (var (key, _, value) in Entries(mapping, string.Empty, "the top level"))
            {
                switch (key)
                {
                    case "name":
                        name = Name(value, "name", "stack names");
                        break;
                    case "region":
                        region = reader.Scalar(value, "region");
                        if (region is not null && !AwsConstraints.Region().IsMatch(region))
                        {
                            reader.Report(value, $"region \"{SafeFragment.Of(region)}\" is not a region code (us-east-1, eu-west-2, ...; no spaces or line breaks)");
                        }

                        break;
                    case "repository":
                        repository = Repository(value) ?? repository;
                        break;
                    case "source":
                        source = Source(value) ?? source;
                        break;
                    case "build":
                        build = Build(value) ?? build;
                        break;
                    case "test":
                        test = Test(value);
                        break;
                    case "buckets":
                        (buckets, siteBucketNode, artifactBucketNode) = Buckets(value);
                        break;
                    case "approval":
                        approval = Approval(value, "approval");
                        break;
                    case "deploy":
                        deploy = Deploy(value);
                        break;
                    case "pipeline":
                        pipelineType = Pipeline(value);
                        break;
                    case "environments":
                        environments = Environments(value);
                        break;
                    case "site":
                        // Checked here, at its own line and column, with the closest type when it is mistyped.
                        site = reader.OneOf(value, "site", StackSettings.Site.Values);
                        break;
                }
            }

            if (name is null && !mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "name"))
            {
                reader.Report(mapping, "name is required: the stack name every resource name derives from (name: my-site)");
            }

            if (siteBucketNode is not null && environments.Count > 0)
            {
                reader.Report(siteBucketNode, "buckets.site names one website bucket, but each environment has its own: set siteBucket in each environment instead");
            }

            if (artifactBucketNode is not null && environments.Count > 0)
            {
                reader.Report(artifactBucketNode, "buckets.artifacts names one artifact bucket, but each environment has its own (<name>-<env>-artifacts-<account>-<region>), so that no environment can write what another deploys: remove it");
            }

            if (deploy.Node is not null && deploy.Target == DeployTargets.Ecs && environments.Count > 0)
            {
                reader.Report(deploy.Node, "deploy names one ECS service, but each environment deploys on its own: a container deploy is a stack without environments (one stack file per service)");
            }

            return name is null ? null : new StackFile
            {
                Deploy = deploy.Target,
                Ecs = deploy.Ecs,
                SourcePath = path,
                Name = name,
                Region = region,
                Repository = repository,
                Source = source,
                Build = build,
                Test = test,
                Buckets = buckets,
                Approval = approval,
                PipelineType = pipelineType,
                Site = site,
                Environments = environments,
            };
        }

        private IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping, string keyPath, string what) =>
            reader.Entries(mapping, what, StackFileKeys.ChildrenOf(keyPath));

        private string? Name(YamlNode value, string what, string kind)
        {
            var name = reader.Scalar(value, what);
            if (name is not null && !AwsConstraints.StackName().IsMatch(name))
            {
                reader.Report(value, $"{what} \"{SafeFragment.Of(name)}\": {kind} may contain only lowercase letters, digits and hyphens and must start with a letter (they become part of S3 bucket names)");
                return null;
            }

            return name;
        }

        private StackFileRepository? Repository(YamlNode node)
        {
            var mapping = reader.Mapping(node, "repository");
            if (mapping is null)
            {
                return null;
            }

            var repository = new StackFileRepository();
            foreach (var (key, _, value) in Entries(mapping, "repository", "repository"))
            {
                if (key == "existing")
                {
                    repository = repository with { Existing = reader.Boolean(value, "repository.existing") };
                    continue;
                }

                var text = reader.Scalar(value, $"repository.{key}");
                repository = key switch
                {
                    "name" => repository with { Name = text },
                    "description" => repository with { Description = text },
                    _ => repository with { Branch = text },
                };
            }

            return repository;
        }

        private StackFileBuild? Build(YamlNode node)
        {
            var mapping = reader.Mapping(node, "build");
            if (mapping is null)
            {
                return null;
            }

            var build = new StackFileBuild();
            YamlNode? fileNode = null;
            YamlNode? inlineNode = null;
            foreach (var (key, _, value) in Entries(mapping, "build", "build"))
            {
                var what = $"build.{key}";
                switch (key)
                {
                    case "image":
                        build = build with { Image = reader.Scalar(value, what) };
                        break;
                    case "computeType":
                        build = build with { ComputeType = reader.OneOf(value, what, StackSettings.ComputeType.Values) };
                        break;
                    case "sourceType":
                        build = build with { SourceType = reader.OneOf(value, what, StackSettings.SourceType.Values) };
                        break;
                    case "privileged":
                        build = build with { Privileged = reader.Boolean(value, what) };
                        break;
                    case "buildspec":
                        fileNode = value;
                        build = build with { Buildspec = reader.Scalar(value, what) };
                        break;
                    case "buildspecInline":
                        inlineNode = value;
                        var inline = reader.Scalar(value, what);
                        if (inline is not null)
                        {
                            CheckInlineBuildspec((YamlScalarNode)value, inline);
                        }

                        build = build with { BuildspecContent = inline };
                        break;
                    case "environmentVariables":
                        build = build with { EnvironmentVariables = BuildVariables(value, what) ?? build.EnvironmentVariables };
                        break;
                }
            }

            if (fileNode is not null && inlineNode is not null)
            {
                reader.Report(inlineNode, "build.buildspec and build.buildspecInline are both set: keep one (a file next to pipectl.yaml, or the text inline)");
            }

            return build;
        }

        /// <summary>
        /// <c>build.environmentVariables</c>: <c>NAME: value</c> for plain text, or <c>NAME: {type: ..., value: ...}</c>
        /// for a Parameter Store or Secrets Manager reference. Null values and names a shell cannot use are errors.
        /// Messages name the variable, never its value.
        /// </summary>
        private Dictionary<string, BuildVariable>? BuildVariables(YamlNode node, string what)
        {
            var mapping = reader.Mapping(node, what);
            if (mapping is null)
            {
                return null;
            }

            var variables = new Dictionary<string, BuildVariable>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (name, keyNode, value) in reader.Entries(mapping, what))
            {
                var shown = SafeFragment.Of(name);
                if (BuildVariableRules.NameProblem(name) is { } badName)
                {
                    reader.Report(keyNode, $"{what}: \"{shown}\" is not a usable name: {badName}");
                    ok = false;
                    continue;
                }

                var variable = BuildVariable(value, $"{what}.{name}");
                if (variable is null)
                {
                    ok = false;
                    continue;
                }

                if (BuildVariableRules.ReferenceProblem(variable) is { } badReference)
                {
                    reader.Report(value, $"{what}.{name}: {badReference}");
                    ok = false;
                    continue;
                }

                variables[name] = variable;
            }

            return ok ? variables : null;
        }

        private BuildVariable? BuildVariable(YamlNode value, string what)
        {
            if (value is YamlScalarNode scalar && !YamlNodeReader.IsNull(value))
            {
                return new BuildVariable(scalar.Value ?? string.Empty);
            }

            if (value is not YamlMappingNode mapping)
            {
                reader.Report(value, YamlNodeReader.IsNull(value)
                    ? $"{what} has no value: write \"\" for an empty one, or a mapping with type and value"
                    : $"{what} must be a value or a mapping with type and value, not {YamlNodeReader.Describe(value)}");
                return null;
            }

            string? type = BuildVariableTypes.PlainText;
            string? text = null;
            var known = 0;
            foreach (var (key, _, setting) in Entries(mapping, "build.environmentVariables.*", what))
            {
                known++;
                if (key == "type")
                {
                    type = reader.OneOf(setting, $"{what}.type", StackSettings.EnvironmentVariableType.Values);
                }
                else
                {
                    text = reader.Scalar(setting, $"{what}.value", allowEmpty: setting is YamlScalarNode { Style: not (ScalarStyle.Plain or ScalarStyle.Any) });
                }
            }

            if (text is null && known == mapping.Children.Count && !mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "value"))
            {
                reader.Report(mapping, $"{what} needs a value (and a type: {string.Join(", ", BuildVariableTypes.All)}; PLAINTEXT when left out)");
            }

            return type is null || text is null ? null : new BuildVariable(text, type);
        }

        /// <summary>
        /// Checks the inline buildspec and moves each of its diagnostics to where that line sits in pipectl.yaml:
        /// exact for a block scalar (<c>|</c>), the start of the value otherwise.
        /// </summary>
        private void CheckInlineBuildspec(YamlScalarNode value, string inline)
        {
            var problems = BuildspecValidator.Validate(path, inline);
            if (problems.Count == 0)
            {
                return;
            }

            var start = value.Start;
            var lines = text.Split('\n');
            var firstContentLine = YamlText.Line(start) + 1;
            var indent = value.Style == ScalarStyle.Literal ? IndentOf(lines, firstContentLine) : -1;
            foreach (var problem in problems)
            {
                var diagnostic = indent >= 0
                    ? problem with { Line = firstContentLine + problem.Line - 1, Column = indent + problem.Column, Message = $"build.buildspecInline: {problem.Message}" }
                    : problem with { Line = YamlText.Line(start), Column = YamlText.Column(start), Message = $"build.buildspecInline (line {problem.Line} of the buildspec): {problem.Message}" };
                reader.Add(diagnostic);
            }
        }

        private static int IndentOf(string[] lines, int line)
        {
            for (var i = line - 1; i < lines.Length; i++)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    return lines[i].Length - lines[i].TrimStart(' ').Length;
                }
            }

            return -1;
        }

        private (StackFileBuckets Buckets, YamlNode? SiteNode, YamlNode? ArtifactsNode) Buckets(YamlNode node)
        {
            var buckets = new StackFileBuckets();
            var mapping = reader.Mapping(node, "buckets");
            if (mapping is null)
            {
                return (buckets, null, null);
            }

            YamlNode? site = null;
            YamlNode? artifacts = null;
            foreach (var (key, _, value) in Entries(mapping, "buckets", "buckets"))
            {
                var what = $"buckets.{key}";
                switch (key)
                {
                    case "artifacts":
                        artifacts = value;
                        buckets = buckets with { Artifacts = reader.Scalar(value, what) };
                        break;
                    case "site":
                        site = value;
                        buckets = buckets with { Site = reader.Scalar(value, what) };
                        break;
                    case "privateSite":
                        buckets = buckets with { PrivateSite = reader.Boolean(value, what) };
                        break;
                }
            }

            return (buckets, site, artifacts);
        }

        private StackFileApproval? Approval(YamlNode node, string what, string keyPath = "approval")
        {
            var mapping = reader.Mapping(node, what);
            if (mapping is null)
            {
                return null;
            }

            bool? enabled = null;
            YamlNode? enabledNode = null;
            string? email = null;
            foreach (var (key, _, value) in Entries(mapping, keyPath, what))
            {
                if (key == "enabled")
                {
                    enabledNode = value;
                    enabled = reader.Boolean(value, $"{what}.enabled");
                }
                else
                {
                    email = reader.Scalar(value, $"{what}.email");
                    if (email is not null && !AwsConstraints.EmailAddress().IsMatch(email))
                    {
                        reader.Report(value, $"{what}.email \"{SafeFragment.Of(email)}\" is not a mail address");
                    }
                }
            }

            if (enabled == false && email is not null)
            {
                reader.Report(enabledNode!, $"{what}.enabled is false but {what}.email is set: an address without an approval stage would never get a mail; remove one of them");
            }

            return new StackFileApproval(enabled ?? email is not null, email);
        }

        private StackFileTest? Test(YamlNode node)
        {
            var mapping = reader.Mapping(node, "test");
            if (mapping is null)
            {
                return null;
            }

            var test = new StackFileTest();
            var known = 0;
            foreach (var (key, _, value) in Entries(mapping, "test", "test"))
            {
                known++;
                test = key == "input"
                    ? test with { Input = reader.OneOf(value, "test.input", StackSettings.TestInput.Values) }
                    : test with { Buildspec = reader.Scalar(value, "test.buildspec") };
            }

            // Only when every key is known: a misspelt buildspec key is already reported as unknown.
            if (test.Buildspec is null && known == mapping.Children.Count && !mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "buildspec"))
            {
                reader.Report(mapping, "test.buildspec is required: the buildspec file the Test stage runs (test: {buildspec: buildspec-test.yml})");
            }

            return test;
        }

        private StackFileSource? Source(YamlNode node)
        {
            var mapping = reader.Mapping(node, "source");
            if (mapping is null)
            {
                return null;
            }

            var source = new StackFileSource();
            foreach (var (key, _, value) in Entries(mapping, "source", "source"))
            {
                source = key switch
                {
                    "filePaths" => source with { FilePaths = reader.StringList(value, "source.filePaths") ?? [] },
                    "connectionArn" => source with { ConnectionArn = reader.Scalar(value, "source.connectionArn") },
                    _ => source with { Repository = reader.Scalar(value, "source.repository") },
                };
            }

            return source;
        }

        private (string? Target, EcsDeployment Ecs, YamlNode? Node) Deploy(YamlNode node)
        {
            var ecs = new EcsDeployment();
            var mapping = reader.Mapping(node, "deploy");
            if (mapping is null)
            {
                return (null, ecs, null);
            }

            string? target = null;
            foreach (var (key, _, value) in Entries(mapping, "deploy", "deploy"))
            {
                var what = $"deploy.{key}";
                switch (key)
                {
                    case "target":
                        target = reader.OneOf(value, what, StackSettings.Deploy.Values);
                        break;
                    default:
                        var field = StackSettings.Ecs.First(f => f.Setting.FileKey == $"deploy.{key}");
                        if (Value(value, what, field.Setting) is { } given)
                        {
                            ecs = field.Set(ecs, given);
                        }

                        break;
                }
            }

            return (target, ecs, mapping);
        }

        /// <summary>The value of a declared setting's key, read as its kind says; null (with the problem reported) when unusable.</summary>
        private object? Value(YamlNode value, string what, StackSetting setting)
        {
            if (setting.Kind != SettingKind.Number)
            {
                return reader.Scalar(value, what);
            }

            if (reader.Scalar(value, what) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            reader.Report(value, $"{what} \"{SafeFragment.Of(text)}\" is not {setting.FileNumberRule}");
            return null;
        }

        private string? Pipeline(YamlNode node)
        {
            var mapping = reader.Mapping(node, "pipeline");
            if (mapping is null)
            {
                return null;
            }

            string? type = null;
            foreach (var (_, _, value) in Entries(mapping, "pipeline", "pipeline"))
            {
                type = reader.OneOf(value, "pipeline.type", StackSettings.PipelineType.Values);
            }

            return type;
        }

        private IReadOnlyList<StackFileEnvironment> Environments(YamlNode node)
        {
            var mapping = reader.Mapping(node, "environments");
            if (mapping is null)
            {
                return [];
            }

            if (mapping.Children.Count == 0)
            {
                reader.Report(node, "environments is empty: name at least one (staging:, production:) or remove the key");
                return [];
            }

            var environments = new List<StackFileEnvironment>();
            var branches = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, keyNode, value) in reader.Entries(mapping, "environments"))
            {
                if (Name(keyNode, $"environment '{SafeFragment.Of(name)}'", "environment names") is null)
                {
                    continue;
                }

                var what = $"environments.{name}";
                var environment = new StackFileEnvironment { Name = name };
                if (YamlNodeReader.IsNull(value))
                {
                    environments.Add(environment);
                    continue;
                }

                var settings = reader.Mapping(value, what);
                if (settings is null)
                {
                    continue;
                }

                foreach (var (key, _, setting) in Entries(settings, "environments.*", what))
                {
                    var field = $"{what}.{key}";
                    switch (key)
                    {
                        case "branch":
                            environment = environment with { Branch = reader.Scalar(setting, field) };
                            if (environment.Branch is { } branch && branches.TryGetValue(branch, out var other))
                            {
                                reader.Report(setting, $"{field}: environment '{other}' already builds branch {branch}; two pipelines on one branch would deploy every push twice");
                            }
                            else if (environment.Branch is { } first)
                            {
                                branches[first] = name;
                            }

                            break;
                        case "pipelineName":
                            environment = environment with { PipelineName = reader.Scalar(setting, field) };
                            break;
                        case "siteBucket":
                            environment = environment with { SiteBucket = reader.Scalar(setting, field) };
                            break;
                        case "privateSite":
                            environment = environment with { PrivateSite = reader.Boolean(setting, field) };
                            break;
                        case "approval":
                            environment = environment with { Approval = Approval(setting, field, "environments.*.approval") };
                            break;
                    }
                }

                environments.Add(environment);
            }

            return environments;
        }
    }
}
