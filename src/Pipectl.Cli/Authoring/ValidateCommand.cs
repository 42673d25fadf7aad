using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Buildspecs;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Authoring;

/// <summary>
/// <c>pipectl validate [FILE...]</c>: checks <c>pipectl.yaml</c> and buildspec files (the ones in the current
/// folder when none is named) without calling AWS. The diagnostics are this verb's result, so they go to
/// stdout, one <c>file:line:column: message</c> per line (<c>file:line:column: warning: message</c> for what
/// CodeBuild tolerates; a clean file prints <c>file: ok</c>); the count goes to stderr. Exit 2 on an error, and
/// with <c>--strict</c> on a warning too; 0 otherwise.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(GlobalOptions options, CliConsole console, Func<string> workingDirectory)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "pipectl.yaml or buildspec files to check (default: pipectl.yaml and buildspec*.yml in the current folder)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat warnings (what CodeBuild tolerates but is probably a mistake) as errors: exit 2, for CI",
        };
        var command = new Command("validate", "Check pipectl.yaml and buildspec files (file:line:column: message for every problem); nothing is sent to AWS.");
        command.Arguments.Add(files);
        command.Options.Add(strict);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var named = parse.GetValue(files) ?? [];
            var isStrict = parse.GetValue(strict);
            return VerbRunner.RunAsync(
                console,
                settings,
                _ => RunAsync(named, workingDirectory(), isStrict, settings, console),
                cancellationToken,
                failure => AuthoringFailure.WriteJsonAsync("validate", failure, settings, console));
        });
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> named, string directory, bool strict, GlobalSettings settings, CliConsole console)
    {
        var targets = named.Count > 0 ? named.Select(f => (Display: f, Full: Path.GetFullPath(f, directory))).ToList() : Discover(directory);
        foreach (var target in targets.Where(t => Pipectl.Core.LocalFiles.LocalFile.KindOf(t.Full) != Pipectl.Core.LocalFiles.LocalFileKind.Regular))
        {
            throw new UsageException($"validate \"{target.Display}\": {Pipectl.Core.LocalFiles.LocalFile.Describe(Pipectl.Core.LocalFiles.LocalFile.KindOf(target.Full))}.");
        }

        var results = new List<FileResult>();
        foreach (var (display, full) in targets)
        {
            foreach (var result in Check(display, full, directory))
            {
                var existing = results.FindIndex(r => r.Path == result.Path);
                if (existing < 0)
                {
                    results.Add(result);
                }
                else
                {
                    results[existing] = results[existing] with { Diagnostics = [.. results[existing].Diagnostics, .. result.Diagnostics] };
                }
            }
        }

        var errors = results.Sum(r => r.Diagnostics.Count(d => d.IsError));
        var warnings = results.Sum(r => r.Diagnostics.Count(d => !d.IsError));
        var failed = errors > 0 || (strict && warnings > 0);
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(ToJson(results, strict)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results)
            {
                if (result.Diagnostics.Count == 0)
                {
                    await console.Out.WriteLineAsync($"{result.Path}: ok").ConfigureAwait(false);
                }

                foreach (var diagnostic in result.Diagnostics)
                {
                    await console.Out.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                }
            }

            await console.Error.WriteLineAsync(Summary(results.Count, errors, warnings, strict)).ConfigureAwait(false);
        }

        return failed ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static string Summary(int files, int errors, int warnings, bool strict)
    {
        var found = (errors, warnings) switch
        {
            (0, 0) => "no problems",
            (_, 0) => Plural(errors, "problem"),
            (0, _) => Plural(warnings, "warning"),
            _ => $"{Plural(errors, "problem")}, {Plural(warnings, "warning")}",
        };
        var strictNote = strict && errors == 0 && warnings > 0 ? " (--strict: warnings fail)" : string.Empty;
        return $"{Plural(files, "file")} checked: {found}{strictNote}.";
    }

    /// <summary>pipectl.yaml (or .yml) and buildspec*.yml / buildspec*.yaml in <paramref name="directory"/>.</summary>
    private static List<(string Display, string Full)> Discover(string directory)
    {
        var found = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => IsStackFileName(name) || IsBuildspecName(name))
            .Order(StringComparer.Ordinal)
            .OrderBy(name => IsStackFileName(name) ? 0 : 1)
            .Select(name => (name, Path.Combine(directory, name)))
            .ToList();
        return found.Count > 0
            ? found
            : throw new UsageException($"validate: no {StackFileParser.DefaultFileName} or buildspec*.yml in {directory}; name the files to check.");
    }

    private static IEnumerable<FileResult> Check(string display, string full, string directory)
    {
        var text = Pipectl.Core.LocalFiles.LocalFile.ReadText(full, $"validate \"{display}\"");

        if (!IsStackFile(Path.GetFileName(full), text))
        {
            yield return new FileResult(display, BuildspecValidator.ValidateWithWarnings(display, text));
            yield break;
        }

        // One pass: the file's own problems (each at its line and column), the buildspec files it names, and the
        // rules of the stack it describes, checked on what the file gives (a broken value left at its default) as
        // bootstrap checks them: the account any 12 digits, the region the file's (or us-east-1). Each of those is
        // reported at the key it is about, unless a problem was already reported on that line.
        var (file, found) = StackFileParser.LoadPartial(display, directory);
        var errors = found.ToList();
        if (file is not null)
        {
            var stackErrors = StackFileLocations.Locate(display, text, StackRules(file))
                .Where(d => !errors.Any(e => e.File == d.File && e.Line == d.Line));
            errors = [.. errors, .. stackErrors];
            errors = [.. errors.OrderBy(d => d.File == display ? 0 : 1).ThenBy(d => d.Line).ThenBy(d => d.Column)];
        }

        yield return new FileResult(display, errors.Where(d => d.File == display).ToList());
        foreach (var group in errors.Where(d => d.File != display).GroupBy(d => d.File))
        {
            yield return new FileResult(group.Key, group.ToList());
        }

        // A clean stack file's buildspecs (the build's and the Test stage's) have no errors (Load refuses those), but
        // they may have warnings to show.
        foreach (var (buildspec, content) in new[] { (file?.Build.Buildspec, file?.Build.BuildspecContent), (file?.Test?.Buildspec, file?.Test?.BuildspecContent) })
        {
            if (buildspec is null || content is null)
            {
                continue;
            }

            var buildspecDisplay = Path.Combine(Path.GetDirectoryName(display) ?? string.Empty, buildspec);
            var warnings = BuildspecValidator.ValidateWithWarnings(buildspecDisplay, content);
            if (warnings.Count > 0)
            {
                yield return new FileResult(buildspecDisplay, warnings);
            }
        }
    }

    /// <summary>The rules the stack of <paramref name="file"/> breaks, every environment's.</summary>
    private static IReadOnlyList<ValidationError> StackRules(StackFile file)
    {
        try
        {
            return new StackSpecValidator().ValidateAll(file.ToSpecs(file.Region ?? "us-east-1", AwsConstraints.AccountIdStandIn));
        }
        catch (ArgumentException)
        {
            // A file whose problems already stop it from becoming a stack: those problems are reported.
            return [];
        }
    }

    private static bool IsStackFileName(string name) =>
        name is StackFileParser.DefaultFileName or "pipectl.yml";

    private static bool IsBuildspecName(string name) =>
        name.StartsWith("buildspec", StringComparison.OrdinalIgnoreCase)
        && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A stack file by name (pipectl*.yaml), a buildspec by name (buildspec*), and otherwise by content: a
    /// buildspec has <c>version:</c> or <c>phases:</c> at the top level, a stack file has <c>name:</c>.
    /// </summary>
    private static bool IsStackFile(string name, string text)
    {
        if (name.StartsWith("pipectl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.StartsWith("buildspec", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var topLevelKeys = text.Split('\n')
            .Where(line => line.Length > 0 && char.IsLetter(line[0]) && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)].Trim())
            .ToHashSet(StringComparer.Ordinal);
        return !topLevelKeys.Contains("version") && !topLevelKeys.Contains("phases") && topLevelKeys.Contains("name");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static bool Passes(FileResult result, bool strict) => result.Diagnostics.All(d => !d.IsError && !strict);

    private static string ToJson(IReadOnlyList<FileResult> results, bool strict) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("command", "validate");
        writer.WriteBoolean("ok", results.All(r => Passes(r, strict)));
        writer.WriteStartArray("files");
        foreach (var result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("path", result.Path);
            writer.WriteBoolean("ok", Passes(result, strict));
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in result.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", diagnostic.Line);
                writer.WriteNumber("column", diagnostic.Column);
                writer.WriteString("severity", diagnostic.IsError ? "error" : "warning");
                writer.WriteString("message", diagnostic.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private sealed record FileResult(string Path, IReadOnlyList<Diagnostic> Diagnostics);
}
