using System.CommandLine;
using Amazon.SecurityToken.Model;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// One run of a stack verb: check the local input and every name before anything is sent, resolve the
/// account, converge the verb's parts through the orchestrator, and report (text or JSON).
/// </summary>
internal sealed class StackRun(string command, StackParts parts, ParseResult parse, GlobalSettings settings, StackOptions options, CliConsole console, TeardownSwitches? teardown = null)
{
    /// <summary>Any 12 digits: names are checked before the real account is known (nothing sent yet).</summary>
    private const string PlaceholderAccount = "000000000000";
    private const string DryRunDefaultRegion = "us-east-1";

    private string? _region;
    private string? _stackName;
    private string? _account;
    private AwsSession? _session;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (teardown is { Yes: false } && !settings.DryRun && !console.StdinIsTerminal)
        {
            throw new UsageException("teardown deletes resources: without a terminal to confirm on, pass --yes (nothing was deleted).");
        }

        var buildspec = teardown is null && parts.HasFlag(StackParts.Build) ? LocalInputs.ReadBuildspec(parse.GetValue(options.Buildspec)) : null;
        var seed = teardown is null && parts.HasFlag(StackParts.Repository) ? LocalInputs.ReadSeed(parse.GetValue(options.Seed)) : null;
        var file = LoadStackFile();
        _stackName = file?.Name ?? parse.GetValue(options.Name) ?? throw new UsageException("--name is required (or run it where a pipectl.yaml is, or pass -f FILE).");
        _region = settings.Region ?? file?.Region ?? AwsSession.TryResolveRegion(null, settings.Profile);
        string? note = null;
        if (_region is null)
        {
            if (!settings.DryRun)
            {
                throw new RegionUnavailableException("No AWS region is set: pass --region, set AWS_REGION, or give the profile a region.");
            }

            _region = DryRunDefaultRegion;
            note = $"no region configured: planned for {DryRunDefaultRegion}";
        }

        foreach (var (_, candidate) in Specs(file, PlaceholderAccount, buildspec))
        {
            Validate(candidate);
        }

        using var session = AwsSession.Create(settings.SessionOptions with { Region = _region });
        _session = session;
        var offline = !session.HasCredentials();
        if (offline)
        {
            if (!settings.DryRun || teardown is not null)
            {
                _ = session.CredentialSource;
            }

            note = Join(note, StackOrchestrator.OfflineNote);
        }
        else
        {
            _account = (await session.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false)).Account;
        }

        var specs = Specs(file, _account, buildspec);
        var results = new List<(string? Environment, StackRunResult Result)>();
        if (teardown is not null)
        {
            var stacks = specs.Select(s => DesiredStack.From(s.Spec)).ToList();
            if (!await ConfirmTeardownAsync(session, stacks, teardown, cancellationToken).ConfigureAwait(false))
            {
                // A "no" is an answer, not an interruption: exit 1 (Ctrl-C at the question stays 130).
                await console.Error.WriteLineAsync("pipectl: not confirmed: nothing was deleted.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            using var progress = new StackProgressRenderer(console, settings.Json);
            var removal = new StackTeardown(new AwsStackDrivers(session, _account!, progress), progress);
            for (var i = 0; i < stacks.Count; i++)
            {
                var result = await removal.RemoveAsync(stacks[i], TeardownOptionsFor(teardown, i, stacks.Count), cancellationToken).ConfigureAwait(false);
                results.Add((specs[i].Environment, result));
                if (!result.Succeeded)
                {
                    break;
                }
            }
        }
        else
        {
            using var progress = new StackProgressRenderer(console, settings.Json);
            IStackDrivers drivers = offline ? new EmptyAccountDrivers() : new AwsStackDrivers(session, _account!, progress);
            var orchestrator = new StackOrchestrator(drivers, progress);
            var apply = new ApplyOptions { DryRun = settings.DryRun, SeedFiles = seed };
            foreach (var (environment, spec) in specs)
            {
                var result = await orchestrator.ApplyAsync(DesiredStack.From(spec), parts, apply, cancellationToken).ConfigureAwait(false);
                results.Add((environment, result));
                if (!result.Succeeded)
                {
                    break;
                }
            }
        }

        var merged = Merge(results);
        var report = Report(_stackName, merged, note);
        if (merged.Failure is { } failure)
        {
            var (code, line) = VerbRunner.Classify(failure);
            await WriteAsync(report with { ErrorCode = ErrorCode(failure), ErrorMessage = line, ErrorCause = failure }, false).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"pipectl: {line}").ConfigureAwait(false);
            await console.Error.WriteLineAsync(teardown is null
                ? $"pipectl: {command} stopped before the stack was complete; run it again to finish, or `pipectl teardown --name {_stackName}` to remove what was made."
                : $"pipectl: teardown stopped part way; what is left is listed above: run `pipectl teardown --name {_stackName}` again to finish.").ConfigureAwait(false);
            if (settings.Verbose)
            {
                await console.Error.WriteLineAsync(failure.ToString()).ConfigureAwait(false);
            }

            return code;
        }

        await WriteAsync(report, true).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The stack file given with -f, checked, or null. Errors carry file:line:column.</summary>
    private StackFile? LoadStackFile()
    {
        var path = DefaultStackFile.Choose(parse.GetValue(options.File), parse.GetValue(options.Name), console);
        if (path is null)
        {
            if (parse.GetValue(options.Environment) is { } environment)
            {
                throw new UsageException($"--env \"{environment}\": environments come from a stack file: add -f pipectl.yaml.");
            }

            return null;
        }

        if (parse.GetValue(options.Name) is { } name)
        {
            throw new UsageException($"--name \"{name}\" conflicts with -f \"{path}\": the stack file names the stack; drop one of them.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"-f \"{path}\": no such file.");
        }

        var (file, errors) = StackFileParser.Load(path);
        if (errors.Count > 0 || file is null)
        {
            var more = errors.Count > 1 ? $" ({errors.Count - 1} more; run pipectl validate {path})" : string.Empty;
            throw new UsageException($"{errors.FirstOrDefault()?.ToString() ?? path + ": cannot be read"}{more}");
        }

        return file;
    }

    /// <summary>One spec per environment to handle (all of the file's, or the one --env names).</summary>
    private IReadOnlyList<EnvironmentStackSpec> Specs(StackFile? file, string? accountId, string? buildspec)
    {
        if (file is null)
        {
            return [new EnvironmentStackSpec(null, options.ToSpec(parse, _region!, accountId, buildspec))];
        }

        var overrides = options.Overrides(parse, buildspec);
        try
        {
            return parse.GetValue(options.Environment) is { } environment
                ? [file.ToSpec(environment, _region!, accountId, overrides)]
                : file.ToSpecs(_region!, accountId, overrides);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>
    /// Environments share the repository, the artifact bucket and the build project: those go with the
    /// last environment of a whole-file teardown, and stay when one --env is torn down.
    /// </summary>
    private TeardownOptions TeardownOptionsFor(TeardownSwitches switches, int index, int count) =>
        switches.ToOptions(settings.DryRun) with
        {
            SkipShared = parse.GetValue(options.Environment) is not null || index < count - 1,
        };

    /// <summary>One result from the environments' runs: each resource once, its first outcome that says most.</summary>
    private static StackRunResult Merge(IReadOnlyList<(string? Environment, StackRunResult Result)> results)
    {
        if (results.Count == 1)
        {
            return results[0].Result;
        }

        var resources = new List<ResourceOutcome>();
        var seen = new Dictionary<(string, string), int>();
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (environment, result) in results)
        {
            foreach (var outcome in result.Resources)
            {
                if (seen.TryGetValue((outcome.Type, outcome.Name), out var at))
                {
                    if (resources[at].Action is ResourceAction.Unchanged or ResourceAction.NotFound && outcome.Action is not (ResourceAction.Unchanged or ResourceAction.NotFound))
                    {
                        resources[at] = outcome;
                    }

                    continue;
                }

                seen[(outcome.Type, outcome.Name)] = resources.Count;
                resources.Add(outcome);
            }

            foreach (var (key, value) in result.Outputs)
            {
                var shared = key is StackOutputs.CloneUrlHttp or StackOutputs.CloneUrlSsh or StackOutputs.ArtifactBucket or StackOutputs.BuildProject;
                outputs[shared || environment is null ? key : $"{environment}.{key}"] = value;
            }
        }

        return new StackRunResult(resources, outputs, results.Select(r => r.Result.Failure).FirstOrDefault(f => f is not null));
    }

    /// <summary>
    /// On a terminal without --yes: list what would be deleted (reads only) and ask. With --yes, in a dry
    /// run, or when nothing would be deleted, no question is asked.
    /// </summary>
    private async Task<bool> ConfirmTeardownAsync(AwsSession session, IReadOnlyList<DesiredStack> stacks, TeardownSwitches switches, CancellationToken cancellationToken)
    {
        if (switches.Yes || settings.DryRun)
        {
            return true;
        }

        var planner = new StackTeardown(new AwsStackDrivers(session, _account!, SilentProgress.Instance), SilentProgress.Instance);
        var runs = new List<(string?, StackRunResult)>();
        for (var i = 0; i < stacks.Count; i++)
        {
            runs.Add((null, await planner.RemoveAsync(stacks[i], TeardownOptionsFor(switches, i, stacks.Count) with { DryRun = true }, cancellationToken).ConfigureAwait(false)));
        }

        var plan = Merge(runs);
        var doomed = plan.Resources.Where(r => r.Action == ResourceAction.WouldDelete).ToList();
        if (doomed.Count == 0)
        {
            return true;
        }

        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl will delete {doomed.Count} resources of stack {_stackName} in {_region} (account {_account}):").ConfigureAwait(false);
        foreach (var resource in doomed)
        {
            await console.Error.WriteLineAsync($"  {style.Bad("delete")} {resource.Type,-28} {resource.Name}").ConfigureAwait(false);
        }

        foreach (var resource in plan.Resources.Where(r => r.Action == ResourceAction.Kept))
        {
            await console.Error.WriteLineAsync($"  {style.Dim("keep")}   {resource.Type,-28} {resource.Name} ({resource.Note})").ConfigureAwait(false);
        }

        foreach (var line in await TeardownLosses.DescribeAsync(new Pipectl.Aws.Operations.StackContents(session.CodeCommit, session.S3), doomed, cancellationToken).ConfigureAwait(false))
        {
            await console.Error.WriteLineAsync(line).ConfigureAwait(false);
        }

        await console.Error.WriteAsync("Delete them? Type 'yes' to continue: ").ConfigureAwait(false);
        var answer = await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return answer?.Trim().ToLowerInvariant() is "yes" or "y";
    }

    /// <summary>With --output json, a failure before the run still prints the one document, with its error.</summary>
    public async Task ReportFailureAsync(Exception failure)
    {
        if (!settings.Json)
        {
            return;
        }

        var (_, line) = VerbRunner.Classify(failure);
        var report = Report(_stackName ?? parse.GetValue(options.Name) ?? string.Empty, new StackRunResult([], new Dictionary<string, string>(), failure), null);
        await console.Out.WriteLineAsync(RunReportJson.Write(report with { ErrorCode = ErrorCode(failure), ErrorMessage = line, ErrorCause = failure })).ConfigureAwait(false);
    }

    private static void Validate(Pipectl.Core.Stacks.StackSpec spec)
    {
        var errors = new StackSpecValidator().Validate(spec);
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine + "pipectl: ", errors.Select(e => e.ToString())));
        }
    }

    private RunReport Report(string stack, StackRunResult result, string? note) => new()
    {
        Command = command,
        Stack = stack,
        Region = _region ?? settings.Region ?? string.Empty,
        Account = _account,
        DryRun = settings.DryRun,
        Resources = result.Resources,
        Outputs = result.Outputs,
        ApiCallsTotal = _session?.Counter.Total ?? 0,
        ApiCallsMutating = _session?.Counter.Mutating ?? 0,
        ApiCallsByOperation = _session?.Counter.ByOperation() ?? new SortedDictionary<string, int>(),
        CreatedByRequests = _session?.Counter.Created ?? [],
        Note = note,
    };

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

    private static string ErrorCode(Exception failure) => failure switch
    {
        Amazon.Runtime.AmazonServiceException { ErrorCode: { Length: > 0 } code } => code,
        UsageException or CredentialsUnavailableException or RegionUnavailableException => "BadInput",
        _ => failure.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal),
    };

    private static string Join(string? a, string b) => a is null ? b : $"{a}; {b}";
}
