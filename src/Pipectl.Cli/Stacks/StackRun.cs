using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Diagnostics;
using Pipectl.Core.Engine;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// One run of a stack verb as the command line gives it: the local input read and checked, the stack chosen, a
/// request handed to the engine (<see cref="StackEngine"/>, in Core) with a terminal host for its questions and
/// progress, and the report written (text or JSON) with the exit code.
/// </summary>
internal sealed class StackRun(string command, StackParts parts, ParseResult parse, GlobalSettings settings, StackOptions options, CliConsole console, TeardownRequest? teardown = null)
{
    private const string DryRunDefaultRegion = "us-east-1";

    private string? _region;
    private string? _stackName;
    private string? _filePath;
    private StackEngine? _engine;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (teardown is { Yes: false } && !settings.DryRun && !console.StdinIsTerminal)
        {
            throw new UsageException("teardown deletes resources: without a terminal to confirm on, pass --yes (nothing was deleted).");
        }

        var buildspec = teardown is null && parts.HasFlag(StackParts.Build) ? LocalInputs.ReadBuildspec(parse.GetValue(options.Buildspec)) : null;
        var seed = teardown is null && parts.HasFlag(StackParts.Repository) ? LocalInputs.ReadSeed(parse.GetValue(options.Seed), parse.GetValue(options.SeedAllowSecret) ?? [], console.Error) : null;
        var file = LoadStackFile();
        _stackName = file?.Name ?? parse.GetValue(options.Name)!; // the selection required --name without a file
        _region = settings.StackRegion(file?.Region);
        string? note = null;
        if (_region is null)
        {
            if (!settings.DryRun)
            {
                throw GlobalSettings.NoRegion();
            }

            _region = DryRunDefaultRegion;
            note = $"no region configured: planned for {DryRunDefaultRegion}";
        }

        CheckDrops();
        var request = new StackRunRequest
        {
            Command = command,
            Parts = parts,
            StackName = _stackName,
            Region = _region,
            File = file,
            FilePath = _filePath,
            Environment = parse.GetValue(options.Environment),
            Overrides = options.Overrides(parse, buildspec),
            DryRun = settings.DryRun,
            Teardown = teardown,
            SeedFiles = seed,
            TestInputGiven = parse.GetResult(options.TestInput) is not null,
            AskBeforeWidening = teardown is null && ApprovalMode.Of(parse, console.StdinIsTerminal) == ApprovalMode.Broadening,
            SkipPermissionCheck = parse.GetValue(options.SkipPermissionCheck),
            AllowDelete = parse.GetValue(options.AllowDelete),
            DeleteImages = parts == StackParts.All && parse.GetValue(options.DeleteImages),
            DeleteRepository = parse.GetValue(options.DeleteRepo),
            DeleteBuckets = parse.GetValue(options.DeleteBuckets),
            WaitConnection = parse.GetValue(options.WaitConnection),
        };
        var region = _region;
        _engine = new StackEngine(request, new TerminalStackHost(console, settings.Json), () => settings.OpenStackBackend(region));
        var outcome = await _engine.RunAsync(cancellationToken).ConfigureAwait(false);
        var result = outcome.Result;
        var report = Report(_stackName, result, Join(note, outcome.Note));
        if (result.Failure is { } failure)
        {
            var (code, line) = VerbRunner.Classify(failure);
            if (settings.Json || !outcome.Declined)
            {
                // A "no" (exit 1; Ctrl-C at the question stays 130) has no report to show, but a script still gets its one document.
                await WriteAsync(report with { ErrorCode = ErrorJson.CodeOf(failure), ErrorMessage = line, ErrorCause = failure }, false).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"pipectl: {line}").ConfigureAwait(false);
            if (outcome.Stopped)
            {
                await console.Error.WriteLineAsync(StoppedLine(_engine.Tally.Mutating, result.Resources)).ConfigureAwait(false);
            }

            if (settings.Verbose)
            {
                await console.Error.WriteLineAsync(failure.ToString()).ConfigureAwait(false);
            }

            return code;
        }

        await WriteAsync(report, true).ConfigureAwait(false);
        RunTrace.Mark("report written");
        return ExitCodes.Success;
    }

    /// <summary>The stack file -f (or ./pipectl.yaml) names, checked, or null for a stack named by --name. Errors carry file:line:column.</summary>
    private StackFile? LoadStackFile()
    {
        // A teardown finds a stack's environments by its tags: --env may come with --name alone.
        var selection = DefaultStackFile.Select(parse.GetValue(options.File), parse.GetValue(options.Name), parse.GetValue(options.Environment), console, environmentByTags: teardown is not null);
        if (selection.FilePath is not { } path)
        {
            return null;
        }

        _filePath = path;
        var file = LocalInputs.ReadStackFile(path, parse.GetValue(options.AllowOutsidePaths));
        StackSelection.EnvironmentIn(file, selection.Environment, oneRequired: false);
        return file;
    }

    /// <summary>An option that drops a part cannot be given with one that adds it.</summary>
    private void CheckDrops()
    {
        if (parse.GetResult(options.NoTestStage) is not null && parse.GetValue(options.NoTestStage) && parse.GetResult(options.TestBuildspec) is not null)
        {
            throw new UsageException($"{StackOptionNames.NoTestStage} conflicts with {StackOptionNames.TestBuildspec}: drop one of them.");
        }

        if (parse.GetResult(options.NoApproval) is not null && parse.GetValue(options.NoApproval) && (parse.GetValue(options.Approval) || parse.GetValue(options.ApprovalEmail) is not null))
        {
            throw new UsageException($"{StackOptionNames.NoApproval} conflicts with {StackOptionNames.Approval} and {StackOptionNames.ApprovalEmail}: drop one of them.");
        }
    }

    /// <summary>
    /// What to do after a failure: a run that changed nothing has nothing to finish. After a run that made part of a
    /// new stack, the teardown that removes exactly that: the same stack file and environment, or the same --name
    /// (which finds every environment and part by the stack's tags). After a run on a stack that was there before, a
    /// teardown would remove more than the run made: only the re-run is suggested.
    /// </summary>
    private string StoppedLine(int mutatingRequests, IReadOnlyList<ResourceOutcome> resources) => (teardown, mutatingRequests) switch
    {
        (null, 0) => $"pipectl: {command} stopped before changing anything.",
        (null, _) when resources.Any(r => r.Action is ResourceAction.Unchanged or ResourceAction.Updated) =>
            $"pipectl: {command} stopped before the stack was complete; run `pipectl {command} {StackArgs()}` again to finish (the stack was there before this run: `{TeardownCommand()}` would remove all of it, not only what this run made).",
        (null, _) => $"pipectl: {command} stopped before the stack was complete; run `pipectl {command} {StackArgs()}` again to finish, or `{TeardownCommand()}` to remove what was made{SharedKeptNote(resources)}.",
        (_, 0) => "pipectl: teardown stopped before deleting anything.",
        _ => $"pipectl: teardown stopped part way; what is left is listed above: run `{TeardownCommand()}` again to finish.",
    };

    /// <summary>The teardown of what this run acts on: the same stack file (and --env) or --name, the stack's options, and region.</summary>
    private string TeardownCommand() => $"pipectl teardown {StackArgs()}";

    /// <summary>The options that name this run's stack again (<see cref="StackEngine.StackArguments"/>), or, before the engine ran, the file or name and the region.</summary>
    private string StackArgs()
    {
        if (_engine is not null)
        {
            return _engine.StackArguments();
        }

        var what = _filePath is not null ? $"-f {StackArguments.Quote(_filePath)}" : $"--name {StackArguments.Quote(_stackName ?? parse.GetValue(options.Name) ?? string.Empty)}";
        var environment = parse.GetValue(options.Environment) is { } env ? $" --env {Pipectl.Core.Validation.SafeFragment.Visible(env)}" : string.Empty;
        var region = _region is null ? string.Empty : $" --region {_region}";
        return $"{what}{environment}{region}";
    }

    /// <summary>After Ctrl-C or --timeout: the re-run that finishes and the teardown that removes, with the stack's options; nothing for a dry run.</summary>
    public string? InterruptedHint() => settings.DryRun ? null
        : teardown is not null ? $"A re-run of `{TeardownCommand()}` finishes it."
        : $"A re-run (`pipectl {command} {StackArgs()}`) finishes what was started; `{TeardownCommand()}` removes it.";

    /// <summary>An --env run that created the shared repository: its teardown leaves the repository to the other environments.</summary>
    private string SharedKeptNote(IReadOnlyList<ResourceOutcome> resources) =>
        parse.GetValue(options.Environment) is not null && resources.FirstOrDefault(r => r.Action == ResourceAction.Created && r.Type is ResourceTypes.Repository or ResourceTypes.Connection) is { } shared
            ? $" (it keeps the shared {shared.Type} {shared.Name}, which `pipectl teardown -f {StackArguments.Quote(_filePath ?? string.Empty)} --region {_region}` removes with every environment)"
            : string.Empty;

    /// <summary>With --output json, a failure before the run still prints the one document, with its error.</summary>
    public async Task ReportFailureAsync(Exception failure)
    {
        if (!settings.Json)
        {
            return;
        }

        var (_, line) = VerbRunner.Classify(failure);
        var report = Report(_stackName ?? parse.GetValue(options.Name) ?? string.Empty, new StackRunResult([], new Dictionary<string, string>(), failure), null);
        await console.Out.WriteLineAsync(RunReportJson.Write(report with { ErrorCode = ErrorJson.CodeOf(failure), ErrorMessage = line, ErrorCause = failure })).ConfigureAwait(false);
    }

    private RunReport Report(string stack, StackRunResult result, string? note)
    {
        var tally = _engine?.Tally ?? RequestTally.None;
        return new()
        {
            Command = command,
            Stack = stack,
            Region = _region ?? settings.Region ?? string.Empty,
            Account = _engine?.Account,
            DryRun = settings.DryRun,
            Resources = result.Resources,
            Outputs = result.Outputs,
            ApiCallsTotal = tally.Total,
            ApiCallsMutating = tally.Mutating,
            ApiCallsByOperation = tally.ByOperation,
            CreatedByRequests = tally.Created,
            Note = note,
        };
    }

    private async Task WriteAsync(RunReport report, bool succeeded)
    {
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(RunReportJson.Write(report)).ConfigureAwait(false);
            return;
        }

        foreach (var line in RunSummary.Format(report, succeeded, new TextStyle(console.UseColor)))
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";
}
