using System.CommandLine;
using System.Text.RegularExpressions;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Authoring;

/// <summary>
/// <c>pipectl init [--template static-site|node] [--name NAME] [--force]</c>: writes a
/// <c>pipectl.yaml</c> and a <c>buildspec.yml</c> into the current folder, both clean for <c>validate</c>.
/// An existing file is never overwritten without <c>--force</c> (exit 2, naming it, nothing written), and a symbolic
/// link is never written through, even with <c>--force</c>.
/// </summary>
public static partial class InitCommand
{
    /// <summary>The buildspec file name CodeBuild reads from the repository root by default.</summary>
    public const string BuildspecFileName = "buildspec.yml";

    private const string FallbackStackName = "my-app";

    /// <summary>How the code gets into the pipeline once the stack exists: the first commit from this folder, or a push.</summary>
    public static IReadOnlyList<string> PushSteps { get; } =
    [
        "Then put this folder's code into the pipeline, either way:",
        "  pipectl bootstrap --seed .        (the first commit of the new repository, made from this folder; no git credentials needed)",
        "  git init -b main && git add -A && git commit -m \"First commit\"",
        "  git remote add origin <cloneUrlHttp that bootstrap prints> && git push -u origin main",
        "Every push to the branch then starts the pipeline: pipectl status --watch follows it.",
    ];

    public static Command Create(GlobalOptions options, CliConsole console, Func<string> workingDirectory)
    {
        var template = new Option<string>("--template")
        {
            Description = "What the project is: static-site (default) or node",
            DefaultValueFactory = _ => InitTemplates.Default,
        };
        template.AcceptOnlyFromAmong([.. InitTemplates.All.Select(t => t.Name)]);
        var name = new Option<string?>("--name") { Description = "Stack name written to pipectl.yaml (default: the folder's name, made valid)" };
        var force = new Option<bool>("--force") { Description = "Overwrite pipectl.yaml and buildspec.yml when they exist" };
        var command = new Command("init", "Write a pipectl.yaml and a buildspec.yml for a new project into the current folder.");
        command.Options.Add(template);
        command.Options.Add(name);
        command.Options.Add(force);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var chosen = InitTemplates.All.Single(t => t.Name == parse.GetValue(template));
            return VerbRunner.RunAsync(
                console,
                settings,
                token => RunAsync(chosen, parse.GetValue(name), parse.GetValue(force), workingDirectory(), settings, console, token),
                cancellationToken,
                failure => AuthoringFailure.WriteJsonAsync("init", failure, settings, console));
        });
        return command;
    }

    private static async Task<int> RunAsync(InitTemplate template, string? stackName, bool force, string directory, GlobalSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var name = stackName ?? StackNameFor(directory);
        if (!AwsConstraints.StackName().IsMatch(name))
        {
            throw new UsageException($"--name \"{name}\": stack names may contain only lowercase letters, digits and hyphens and must start with a letter.");
        }

        var files = new (string Name, string Text)[]
        {
            (StackFileParser.DefaultFileName, template.StackFile(name)),
            (BuildspecFileName, template.Buildspec),
        };
        foreach (var (file, _) in files)
        {
            // A link is never written through (it could point anywhere outside the folder), --force or not.
            if (new FileInfo(Path.Combine(directory, file)).LinkTarget is { } target)
            {
                throw new UsageException($"init: {file} in {directory} is a symbolic link (to {target}); pipectl does not write through links: remove it first (nothing was written).");
            }
        }

        if (!force)
        {
            foreach (var (file, _) in files)
            {
                if (File.Exists(Path.Combine(directory, file)))
                {
                    throw new UsageException($"init: {file} already exists in {directory}; pass --force to overwrite it (nothing was written).");
                }
            }
        }

        foreach (var (file, text) in files)
        {
            // Written beside the target and renamed over it: a rename replaces a link made meanwhile instead of following it.
            var path = Path.Combine(directory, file);
            var staging = Path.Combine(directory, $".{file}.pipectl-{Guid.NewGuid():N}");
            try
            {
                await File.WriteAllTextAsync(staging, text, cancellationToken).ConfigureAwait(false);
                File.Move(staging, path, overwrite: true);
            }
            finally
            {
                File.Delete(staging);
            }
        }

        if (settings.Json)
        {
            await console.Out.WriteLineAsync(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("command", "init");
                writer.WriteString("template", template.Name);
                writer.WriteString("stack", name);
                writer.WriteStartArray("files");
                foreach (var (file, _) in files)
                {
                    writer.WriteStringValue(Path.Combine(directory, file));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            foreach (var (file, _) in files)
            {
                await console.Out.WriteLineAsync($"wrote {file} ({template.Name})").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"Next: pipectl validate, then pipectl bootstrap --dry-run (both read ./{StackFileParser.DefaultFileName}: stack {name}).").ConfigureAwait(false);
            foreach (var line in PushSteps)
            {
                await console.Error.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The folder's name as a stack name: lowercase, other characters as hyphens, starting with a letter.</summary>
    internal static string StackNameFor(string directory)
    {
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))).ToLowerInvariant();
        var name = NotNameCharacters().Replace(folder, "-").Trim('-');
        name = LeadingNonLetters().Replace(name, string.Empty);
        return name.Length == 0 ? FallbackStackName : name;
    }

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotNameCharacters();

    [GeneratedRegex("^[^a-z]+")]
    private static partial Regex LeadingNonLetters();
}
