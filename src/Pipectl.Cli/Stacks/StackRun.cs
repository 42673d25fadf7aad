using System.CommandLine;
using Pipectl.Aws.Diagnostics;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Aws.Ssm;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// One run of a stack verb: check the local input and every name before anything is sent, resolve the
/// account, converge the verb's parts through the orchestrator, and report (text or JSON).
/// </summary>
internal sealed partial class StackRun(string command, StackParts parts, ParseResult parse, GlobalSettings settings, StackOptions options, CliConsole console, TeardownSwitches? teardown = null)
{
    /// <summary>Any 12 digits: names are checked before the real account is known (nothing sent yet).</summary>
    private const string PlaceholderAccount = "000000000000";
    private const string DryRunDefaultRegion = "us-east-1";

    private string? _region;
    private string? _stackName;
    private string? _account;
    private string? _callerArn;
    private AwsSession? _session;
    private string? _filePath;
    private StackRecord? _record;
    private IReadOnlyList<EnvironmentStackSpec>? _specs;

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

        var candidates = Specs(file, PlaceholderAccount, buildspec);
        Validate(candidates);
        _specs = candidates;
        CheckDrops();
        if (parse.GetResult(options.TestInput) is not null && candidates.Any(c => !c.Spec.HasTestStage))
        {
            throw new UsageException($"{StackOptionNames.TestInput}: the stack has no Test stage to give an input: add {StackOptionNames.TestBuildspec} FILE (or test: in pipectl.yaml).");
        }
        foreach (var warning in BuildVariableRules.Warnings(candidates[0].Spec.EnvironmentVariables))
        {
            await console.Error.WriteLineAsync($"pipectl: warning: {warning}").ConfigureAwait(false);
        }

        if (seed is not null && candidates.Any(s => s.Spec.ExistingRepository))
        {
            throw new UsageException("--seed and --existing-repo: pipectl never writes to a repository it did not create; drop one of them.");
        }

        RunTrace.Mark("input checked");
        using var session = AwsSession.Create(settings.SessionOptionsIn(_region));
        _session = session;
        var offline = !session.HasCredentials();
        RunTrace.Mark("credentials resolved");
        var removal = teardown is null ? null : TeardownOptionsFor(teardown);
        var early = EarlyReads.None;
        FoundStack? found = null;
        AwsStackDrivers? readers = null;
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
            // The account is part of the bucket names, but most resources are found by a name without it: their
            // first reads go out alongside GetCallerIdentity instead of after it. A teardown also asks the tagging
            // API for everything tagged as the stack's (alongside too), then reads the stages each deployed
            // pipeline runs, so one given only --name also removes every environment and every optional part.
            var identity = session.CallerAsync(cancellationToken);
            var account = AccountAsync(identity, cancellationToken);
            var finding = teardown is null ? null : new StackFinder(session.Tagging).FindAsync(_stackName, _region, cancellationToken);
            var recordRead = new StackRecordStore(session.Ssm).ReadAsync(_stackName, cancellationToken);
            readers = new AwsStackDrivers(session, account, SilentProgress.Instance) { DeleteImages = teardown?.DeleteImages ?? (parts == StackParts.All && parse.GetValue(options.DeleteImages)) };
            early = StartEarlyReads(readers, file, buildspec, removal, cancellationToken);
            _account = await account.ConfigureAwait(false);
            _callerArn = (await identity.ConfigureAwait(false)).Arn;
            _record = await recordRead.ConfigureAwait(false);
            RunTrace.Mark("account known");
            found = finding is null ? null : (await finding.ConfigureAwait(false)).Within(parse.GetValue(options.Environment));
        }

        var specs = Specs(file, _account, buildspec);
        if (teardown is null && Remembered(file) is not null)
        {
            Validate(specs);
        }

        if (found is not null)
        {
            specs = found.Specs(specs);
            specs = parse.GetValue(options.Environment) is null ? [.. specs, .. DeployedStages.RecordedCloudFrontEnvironments(_record, specs)] : specs;
            var reader = new DeployedStagesReader(session.CodePipeline, session.CodeBuild);
            var deployed = await Task.WhenAll(specs.Select(s => reader.ReadAsync(s.Spec, cancellationToken))).ConfigureAwait(false);
            specs = [.. specs.Select((s, i) => s with { Spec = deployed[i].WithRecorded(_record, s.Environment, s.Spec).ApplyTo(s.Spec) })];
            RunTrace.Mark("stack found");
        }

        // A name given with the account in it (--site-bucket NAME-artifacts-ACCOUNT-REGION, or another environment's
        // bucket) clashes with a default only once the account is known: checked again, before the first write.
        if (teardown is null && _account is not null && StackNameClashes.Find(specs) is { Count: > 0 } clashes)
        {
            throw new UsageException(string.Join(Environment.NewLine + "pipectl: ", clashes.Select(e => e.ToString())) + $" (in account {_account}). Nothing was written.");
        }

        _specs = specs;
        var graph = StackGraph.For(specs, found);
        if (teardown is not null && _record is not null)
        {
            // Parts named by options this teardown is not given (roles above all, which no tag search lists): the record names them.
            graph = StackPruning.WithRecorded(_record, graph, parse.GetValue(options.Environment), _account);
        }

        StackRunResult result;
        if (teardown is not null)
        {
            var asked = !teardown.Yes && !settings.DryRun;
            if (!await ConfirmTeardownAsync(session, readers!, graph, asked ? removal! with { EarlyReads = early } : removal!, cancellationToken).ConfigureAwait(false))
            {
                // A "no" is an answer, not an interruption: exit 1 (Ctrl-C at the question stays 130).
                await console.Error.WriteLineAsync("pipectl: not confirmed: nothing was deleted.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            using var progress = new StackProgressRenderer(console, settings.Json);
            // After a question, the state is read again: the early reads served the list that was asked about.
            var final = asked ? removal! : removal! with { EarlyReads = early };
            result = await new StackTeardown(readers!.ReportingTo(progress, teardown.NoWait), progress).RemoveAsync(graph, final, cancellationToken).ConfigureAwait(false);
            if (result.Failure is null && !settings.DryRun && _record is not null)
            {
                await ForgetAsync(session, cancellationToken).ConfigureAwait(false);
            }

            // Nothing at all of the stack in this region (a mistyped name, the wrong region): not a finished teardown.
            if (result.Failure is null && _record is null && result.Resources.All(r => r.Action == ResourceAction.NotFound))
            {
                result = result with { Failure = new StackNotFoundException(_stackName, _region, _account) };
            }
        }
        else
        {
            using var progress = new StackProgressRenderer(console, settings.Json);
            IStackDrivers drivers = offline ? new EmptyAccountDrivers() : readers!.ReportingTo(progress);
            var apply = new ApplyOptions
            {
                DryRun = settings.DryRun,
                SeedFiles = seed,
                EarlyReads = early,
                ApproveWidening = ApprovalMode.Of(parse, console.StdinIsTerminal) == ApprovalMode.Broadening ? ConfirmWideningAsync : null,

                // The account's Block Public Access decides whether a public site can exist at all: asked alongside the reads, before anything is created.
                Preflight = drivers is AwsStackDrivers aws && parts.HasFlag(StackParts.Buckets) ? async ct => await PublicSiteRefusalAsync(aws, specs, ct).ConfigureAwait(false) : null,

                // The caller's identity policies against the plan's requests: after the reads, before the first write, only when something is written.
                CheckWrites = offline || parse.GetValue(options.SkipPermissionCheck) ? null : (plan, ct) => CheckPermissionsAsync(session, plan, ct),
            };
            var pruning = offline ? null : await PlanPruningAsync(session, readers!, graph, specs, cancellationToken).ConfigureAwait(false);
            if (pruning is not null && !settings.DryRun && !await ConfirmPruningAsync(pruning, cancellationToken).ConfigureAwait(false))
            {
                await console.Error.WriteLineAsync("pipectl: not confirmed: nothing was changed.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            apply = apply with { BeforeFirstWrite = pruning is null ? null : ct => RememberAsync(session, pruning.Next, ct) };
            result = await new StackOrchestrator(drivers, progress).ApplyAsync(graph, parts, apply, cancellationToken).ConfigureAwait(false);
            if (pruning is not null)
            {
                result = await PruneAsync(session, readers!.ReportingTo(progress), progress, pruning, result, cancellationToken).ConfigureAwait(false);
            }
        }

        if (result.Failure is null && teardown is null && !settings.DryRun && specs[0].Spec.ConnectionSource is { } source)
        {
            // A new connection is PENDING until a person finishes the handshake: say how, and wait with --wait-connection.
            var outputs = await new ConnectionFollowUp(console, session, parse.GetValue(options.WaitConnection), StackArgs()).RunAsync(specs[0].Spec, source, result.Outputs, cancellationToken).ConfigureAwait(false);
            result = result with { Outputs = outputs };
        }

        if (result.Failure is null && teardown is null && !settings.DryRun)
        {
            foreach (var line in ApprovalMailNotes(specs, result))
            {
                await console.Error.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        RunTrace.Mark("run finished");
        var report = Report(_stackName, result, note);
        if (result.Failure is { } failure)
        {
            var (code, line) = VerbRunner.Classify(failure);
            await WriteAsync(report with { ErrorCode = ErrorJson.CodeOf(failure), ErrorMessage = line, ErrorCause = failure }, false).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"pipectl: {line}").ConfigureAwait(false);
            if (failure is not (ProvisioningException { RerunHelps: false } or StackNotFoundException))
            {
                await console.Error.WriteLineAsync(StoppedLine(session.Counter.Mutating, result.Resources)).ConfigureAwait(false);
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

    private static Task<string> AccountAsync(Task<CallerIdentity> identity, CancellationToken cancellationToken) =>
        identity.ContinueWith(
            t => t.GetAwaiter().GetResult().Account,
            cancellationToken,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>
    /// Starts the reads that need no account (<see cref="EarlyReads"/>) of the run's graph built without it, with
    /// drivers that wait for the account where a read needs it. Reads report no progress.
    /// </summary>
    private EarlyReads StartEarlyReads(AwsStackDrivers readers, StackFile? file, string? buildspec, TeardownOptions? removal, CancellationToken cancellationToken)
    {
        var withoutAccount = StackGraph.For(Specs(file, null, buildspec));
        return removal is null
            ? EarlyReads.ForApply(withoutAccount, parts, readers, cancellationToken)
            : EarlyReads.ForTeardown(withoutAccount, removal, readers, cancellationToken);
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

    /// <summary>One spec per environment to handle (all of the file's, or the one --env names).</summary>
    private IReadOnlyList<EnvironmentStackSpec> Specs(StackFile? file, string? accountId, string? buildspec)
    {
        if (file is null)
        {
            return Remembered(file) is { } remembered && accountId is not null
                ? [new EnvironmentStackSpec(null, Overrides(buildspec).ApplyToRemembered(remembered.ToSpec(_region!, accountId)))]
                : [new EnvironmentStackSpec(null, Overrides(buildspec).ApplyTo(StackSpec.FromStackName(_stackName!, _region!, accountId)))];
        }

        var overrides = Overrides(buildspec);
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

    /// <summary>The command line's overrides; a teardown ignores --no-test-stage and --no-approval (it removes what the stack has).</summary>
    private StackOverrides Overrides(string? buildspec) =>
        teardown is null ? options.Overrides(parse, buildspec) : options.Overrides(parse, buildspec) with { DropTestStage = false, DropApproval = false };

    /// <summary>The environments of a stack file share the repository: it stays when one --env is torn down.</summary>
    private TeardownOptions TeardownOptionsFor(TeardownSwitches switches) =>
        switches.ToOptions(settings.DryRun) with { SkipShared = parse.GetValue(options.Environment) is not null };

    /// <summary>The refusal of the first environment whose public site the account's Block Public Access forbids (one read for all), or null.</summary>
    private static async Task<ProvisioningException?> PublicSiteRefusalAsync(AwsStackDrivers aws, IReadOnlyList<EnvironmentStackSpec> specs, CancellationToken cancellationToken)
    {
        if (specs.All(s => s.Spec.PrivateSite || s.Spec.IsCloudFrontSite || s.Spec.IsEcsDeploy))
        {
            return null;
        }

        var block = await aws.AccountPublicAccess.ReadAsync(cancellationToken).ConfigureAwait(false);
        return specs.Select(s => PublicSitePreflight.Refusal(block, s.Spec)).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// The permission check before the first write: the caller's identity policies simulated on every request of the
    /// plan. Denied requests stop the run (<see cref="PermissionsDeniedException"/>); a caller that cannot be simulated
    /// is warned about, and the run goes on.
    /// </summary>
    private async Task<Exception?> CheckPermissionsAsync(AwsSession session, IReadOnlyList<ResourceOutcome> plan, CancellationToken cancellationToken)
    {
        var writes = PlannedWrites.Of(plan, _region!, _account!);
        var result = await new CallerPermissions(session.Iam).CheckAsync(_callerArn ?? string.Empty, writes, cancellationToken).ConfigureAwait(false);
        if (result.NotChecked is { } why)
        {
            await console.Error.WriteLineAsync($"pipectl: warning: {why} before the first write; {command} goes on.").ConfigureAwait(false);
        }

        return result.Failure;
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

    /// <summary>
    /// The options that name this run's stack again, so a suggested command works as typed: the same stack file (and
    /// --env), or --name with every option the stack was made with (its settings, remembered ones included; see
    /// <see cref="StackArguments"/>), and the region.
    /// </summary>
    private string StackArgs()
    {
        var what = _filePath is not null ? $"-f {StackArguments.Quote(_filePath)}"
            : _specs is [{ Spec: { } spec }, ..] ? StackArguments.For(spec)
            : $"--name {StackArguments.Quote(_stackName ?? parse.GetValue(options.Name) ?? string.Empty)}";
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


    /// <summary>
    /// On a terminal without --yes: list what would be deleted (reads only) and ask. With --yes, in a dry
    /// run, or when nothing would be deleted, no question is asked.
    /// </summary>
    private async Task<bool> ConfirmTeardownAsync(AwsSession session, AwsStackDrivers readers, StackGraph graph, TeardownOptions removal, CancellationToken cancellationToken)
    {
        if (teardown!.Yes || settings.DryRun)
        {
            return true;
        }

        var planner = new StackTeardown(readers, SilentProgress.Instance);
        var plan = await planner.RemoveAsync(graph, removal with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        var doomed = plan.Resources.Where(r => r.Action == ResourceAction.WouldDelete).ToList();
        if (doomed.Count == 0)
        {
            return true;
        }

        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl will delete {doomed.Count} resources of stack {_stackName} in {_region} (account {_account}):").ConfigureAwait(false);
        var kept = plan.Resources.Where(r => r.Action == ResourceAction.Kept).ToList();
        var width = ResourceLine.TypeWidth(doomed.Concat(kept).Select(r => r.Type));
        foreach (var resource in doomed)
        {
            await console.Error.WriteLineAsync($"  {style.Bad("delete")} {ResourceLine.Column(resource.Type, width)} {resource.Name}").ConfigureAwait(false);
        }

        foreach (var resource in kept)
        {
            await console.Error.WriteLineAsync($"  {style.Dim("keep")}   {ResourceLine.Column(resource.Type, width)} {resource.Name} ({resource.Note})").ConfigureAwait(false);
        }

        foreach (var line in await TeardownLosses.DescribeAsync(new Pipectl.Aws.Operations.StackContents(session.CodeCommit, session.S3), doomed, cancellationToken).ConfigureAwait(false))
        {
            await console.Error.WriteLineAsync(line).ConfigureAwait(false);
        }

        return await TerminalQuestion.AskAsync(console, "Delete them? Type 'yes' to continue: ", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// --require-approval broadening and the plan widens permissions: on a terminal, show the widening
    /// statements and ask; without one, refuse (exit 2) before anything is written.
    /// </summary>
    private async Task<bool> ConfirmWideningAsync(IReadOnlyList<ResourceOutcome> plan, CancellationToken cancellationToken)
    {
        var widening = plan.Where(o => o.Widens).ToList();
        var what = string.Join(", ", widening.Select(r => $"{r.Type} {r.Name}"));
        if (!console.StdinIsTerminal)
        {
            throw new UsageException($"--require-approval broadening: the plan widens permissions ({what}) and there is no terminal to confirm on. Review it with `pipectl plan {StackArgs()}` (or --dry-run), then run again with --require-approval never. Nothing was written.");
        }

        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl: this run widens permissions of stack {_stackName} in {_region}:").ConfigureAwait(false);
        var width = ResourceLine.TypeWidth(widening.Select(r => r.Type));
        foreach (var resource in widening)
        {
            await console.Error.WriteLineAsync($"  {style.Warn("update")} {ResourceLine.Column(resource.Type, width)} {TerminalText.Inline(resource.Name)}").ConfigureAwait(false);
            foreach (var change in resource.ChangeDetails().Where(c => c.Widens))
            {
                await console.Error.WriteLineAsync($"    {style.Bad("+")} {TerminalText.Inline(change.Line)}").ConfigureAwait(false);
            }
        }

        foreach (var line in KindChanges.Of(plan))
        {
            await console.Error.WriteLineAsync($"  {style.Warn("note")}   {line}").ConfigureAwait(false);
        }

        return await TerminalQuestion.AskAsync(console, "Apply these permission changes? Type 'yes' to continue: ", cancellationToken).ConfigureAwait(false);
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
        await console.Out.WriteLineAsync(RunReportJson.Write(report with { ErrorCode = ErrorJson.CodeOf(failure), ErrorMessage = line, ErrorCause = failure })).ConfigureAwait(false);
    }

    private static void Validate(IReadOnlyList<EnvironmentStackSpec> specs)
    {
        var errors = new StackSpecValidator().ValidateAll(specs);
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

    /// <summary>
    /// SNS delivers nothing to an e-mail address until its owner confirms the subscription: after a run that created
    /// (or changed) an approval topic, say so, naming the address and the topic.
    /// </summary>
    private static IEnumerable<string> ApprovalMailNotes(IReadOnlyList<EnvironmentStackSpec> specs, StackRunResult result)
    {
        foreach (var (_, spec) in specs)
        {
            if (spec.ApprovalEmail is { } email && result.Resources.Any(r => r.Type == ResourceTypes.Topic && r.Name == spec.ApprovalTopicName && r.Action is ResourceAction.Created or ResourceAction.Updated))
            {
                yield return $"pipectl: note: SNS sent {email} a message to confirm the subscription to topic {spec.ApprovalTopicName}: approval e-mails arrive only after the approver opens it and chooses \"Confirm subscription\".";
            }
        }
    }

    private static string Join(string? a, string b) => a is null ? b : $"{a}; {b}";
}
