using Pipectl.Core.Diagnostics;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Engine;

/// <summary>
/// Plan, apply and teardown of one stack: checks the stack's settings before anything is sent, opens the account
/// (<see cref="IStackBackend"/>), resolves it, reads what is there (alongside the caller's identity), finds what a
/// teardown removes, asks the host where a person must confirm, converges or removes through the orchestrator, keeps
/// the stack's record, and returns what it did. The interface (the CLI) parses, asks and renders; this decides.
/// </summary>
public sealed partial class StackEngine(StackRunRequest request, IStackRunHost host, Func<IStackBackend> openBackend)
{
    /// <summary>Any 12 digits: names are checked before the real account is known (nothing sent yet).</summary>
    private const string PlaceholderAccount = "000000000000";

    private IStackBackend? _backend;
    private string? _account;
    private string? _callerArn;
    private StackRecord? _record;
    private IReadOnlyList<EnvironmentStackSpec>? _specs;

    /// <summary>The account, once known.</summary>
    public string? Account => _account;

    /// <summary>The requests sent so far (none before the account is opened).</summary>
    public RequestTally Tally => _backend?.Tally ?? RequestTally.None;

    private StackParts Parts => request.Parts;

    private TeardownRequest? Teardown => request.Teardown;

    public async Task<StackRunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var candidates = Specs(PlaceholderAccount);
        Validate(candidates);
        _specs = candidates;
        if (request.TestInputGiven && candidates.Any(c => !c.Spec.HasTestStage))
        {
            throw new StackInputException($"{StackOptionNames.TestInput}: the stack has no Test stage to give an input: add {StackOptionNames.TestBuildspec} FILE (or test: in pipectl.yaml).");
        }

        foreach (var warning in BuildVariableRules.Warnings(candidates[0].Spec.EnvironmentVariables))
        {
            await host.NoticeAsync($"pipectl: warning: {warning}").ConfigureAwait(false);
        }

        if (request.SeedFiles is not null && candidates.Any(s => s.Spec.ExistingRepository))
        {
            throw new StackInputException("--seed and --existing-repo: pipectl never writes to a repository it did not create; drop one of them.");
        }

        RunTrace.Mark("input checked");
        using var backend = openBackend();
        _backend = backend;
        var offline = !backend.HasCredentials();
        RunTrace.Mark("credentials resolved");
        var removal = Teardown is null ? null : TeardownOptions();
        var early = EarlyReads.None;
        FoundStack? found = null;
        IAccountDrivers? readers = null;
        IReadOnlyList<EnvironmentStackSpec>? given = null;
        Dictionary<EnvironmentStackSpec, Task<DeployedStages>>? deployedEarly = null;
        string? note = null;
        if (offline)
        {
            if (!request.DryRun || Teardown is not null)
            {
                backend.RequireCredentials();
            }

            note = StackOrchestrator.OfflineNote;
        }
        else
        {
            // The account is part of the bucket names, but most resources are found by a name without it: their
            // first reads go out alongside GetCallerIdentity instead of after it. A teardown also asks the tagging
            // API for everything tagged as the stack's (alongside too), then reads the stages each deployed
            // pipeline runs, so one given only --name also removes every environment and every optional part.
            var identity = backend.CallerAsync(cancellationToken);
            var account = AccountAsync(identity, cancellationToken);
            var finding = Teardown is null ? null : backend.FindAsync(request.StackName, request.Region, cancellationToken);
            var recordRead = backend.ReadRecordAsync(request.StackName, cancellationToken);
            readers = backend.Drivers(account, Teardown?.DeleteImages ?? (Parts == StackParts.All && request.DeleteImages));
            early = StartEarlyReads(readers, removal, cancellationToken);
            _account = await account.ConfigureAwait(false);
            _callerArn = (await identity.ConfigureAwait(false)).Arn;
            _record = await recordRead.ConfigureAwait(false);
            RunTrace.Mark("account known");
            if (finding is not null)
            {
                given = Specs(_account);
                if (KeptWhenFound(given))
                {
                    // The stages each given environment deploys, and the resources whose names hold the account, are
                    // read while the tag search still runs: the stack found keeps these environments as they are.
                    deployedEarly = new(given.Select(s => KeyValuePair.Create(s, Observed(backend.ReadDeployedStagesAsync(s.Spec, cancellationToken)))), ReferenceEqualityComparer.Instance);
                    early = early.AndTeardownReadsOf(StackGraph.For(given), removal!, readers, cancellationToken);
                }
            }

            found = finding is null ? null : (await finding.ConfigureAwait(false)).Within(request.Environment);
        }

        var specs = given ?? Specs(_account);
        if (Teardown is null && Remembered() is not null)
        {
            Validate(specs);
        }

        if (found is not null)
        {
            specs = found.Specs(specs);
            specs = request.Environment is null ? [.. specs, .. DeployedStages.RecordedCloudFrontEnvironments(_record, specs)] : specs;
            var deployed = await Task.WhenAll(specs.Select(s => deployedEarly is not null && deployedEarly.TryGetValue(s, out var read) ? read : backend.ReadDeployedStagesAsync(s.Spec, cancellationToken))).ConfigureAwait(false);
            specs = [.. specs.Select((s, i) => s with { Spec = deployed[i].WithRecorded(_record, s.Environment, s.Spec).ApplyTo(s.Spec) })];
            RunTrace.Mark("stack found");
        }

        // A name given with the account in it (--site-bucket NAME-artifacts-ACCOUNT-REGION, or another environment's
        // bucket) clashes with a default only once the account is known: checked again, before the first write.
        if (Teardown is null && _account is not null && StackNameClashes.Find(specs) is { Count: > 0 } clashes)
        {
            throw new StackInputException(string.Join(System.Environment.NewLine + "pipectl: ", clashes.Select(e => e.ToString())) + $" (in account {_account}). Nothing was written.");
        }

        _specs = specs;
        var graph = StackGraph.For(specs, found);
        if (Teardown is not null && _record is not null)
        {
            // Parts named by options this teardown is not given (roles above all, which no tag search lists): the record names them.
            graph = StackPruning.WithRecorded(_record, graph, request.Environment, _account);
        }

        var outcome = Teardown is not null
            ? await TearDownAsync(backend, readers!, graph, removal!, early, found!, cancellationToken).ConfigureAwait(false)
            : await ApplyAsync(backend, offline ? null : readers, graph, specs, early, cancellationToken).ConfigureAwait(false);
        if (outcome.Declined)
        {
            return outcome;
        }

        var result = outcome.Result;
        if (result.Failure is null && Teardown is null && !request.DryRun && specs[0].Spec.ConnectionSource is { } source)
        {
            // A new connection is PENDING until a person finishes the handshake: say how, and wait with --wait-connection.
            var outputs = await new ConnectionFollowUp(host, backend, request.WaitConnection, StackArguments()).RunAsync(specs[0].Spec, source, result.Outputs, cancellationToken).ConfigureAwait(false);
            result = result with { Outputs = outputs };
        }

        if (result.Failure is null && Teardown is null && !request.DryRun)
        {
            foreach (var line in ApprovalMailNotes(specs, result))
            {
                await host.NoticeAsync(line).ConfigureAwait(false);
            }
        }

        RunTrace.Mark("run finished");
        return outcome with { Result = result, Note = note };
    }

    private async Task<StackRunOutcome> TearDownAsync(IStackBackend backend, IAccountDrivers readers, StackGraph graph, TeardownOptions removal, EarlyReads early, FoundStack found, CancellationToken cancellationToken)
    {
        var asked = !Teardown!.Yes && !request.DryRun;
        if (asked && !await ConfirmTeardownAsync(backend, readers, graph, removal with { EarlyReads = early }, cancellationToken).ConfigureAwait(false))
        {
            return StackRunOutcome.NotConfirmed("nothing was deleted.");
        }

        var progress = host.BeginProgress();
        try
        {
            // After a question, the state is read again: the early reads served the list that was asked about.
            var final = (asked ? removal : removal with { EarlyReads = early }) with { Finale = Forgetting(backend, found) };
            var result = await new StackTeardown(readers.ReportingTo(progress, Teardown.NoWait), progress).RemoveAsync(graph, final, cancellationToken).ConfigureAwait(false);
            if (result.Failure is null && !request.DryRun && _record is not null && request.Environment is { } environment)
            {
                await ForgetEnvironmentAsync(backend, environment, cancellationToken).ConfigureAwait(false);
            }

            // Nothing at all of the stack in this region (a mistyped name, the wrong region): not a finished teardown.
            if (result.Failure is null && _record is null && result.Resources.All(r => r.Action == ResourceAction.NotFound))
            {
                result = result with { Failure = new StackNotFoundException(request.StackName, request.Region, _account) };
            }

            return new StackRunOutcome(result);
        }
        finally
        {
            (progress as IDisposable)?.Dispose();
        }
    }

    private async Task<StackRunOutcome> ApplyAsync(IStackBackend backend, IAccountDrivers? readers, StackGraph graph, IReadOnlyList<EnvironmentStackSpec> specs, EarlyReads early, CancellationToken cancellationToken)
    {
        var progress = host.BeginProgress();
        try
        {
            IStackDrivers drivers = readers is null ? new EmptyAccountDrivers() : readers.ReportingTo(progress);
            var apply = new ApplyOptions
            {
                DryRun = request.DryRun,
                SeedFiles = request.SeedFiles,
                EarlyReads = early,
                ApproveWidening = request.AskBeforeWidening ? (plan, ct) => host.ConfirmWideningAsync(new WideningQuestion(request.StackName, request.Region, plan, StackArguments()), ct) : null,

                // The account's Block Public Access decides whether a public site can exist at all: asked alongside the reads, before anything is created.
                Preflight = readers is not null && Parts.HasFlag(StackParts.Buckets) ? async ct => await PublicSiteRefusalAsync(readers, specs, ct).ConfigureAwait(false) : null,

                // The caller's identity policies against the plan's requests: after the reads, before the first write, only when something is written.
                CheckWrites = readers is null || request.SkipPermissionCheck ? null : (plan, ct) => CheckPermissionsAsync(backend, plan, ct),
            };
            var pruning = readers is null ? null : await PlanPruningAsync(backend, readers, graph, specs, cancellationToken).ConfigureAwait(false);
            if (pruning is not null && !request.DryRun && !await ConfirmPruningAsync(pruning, cancellationToken).ConfigureAwait(false))
            {
                return StackRunOutcome.NotConfirmed("nothing was changed.");
            }

            apply = apply with { BeforeFirstWrite = pruning is null ? null : ct => RememberAsync(backend, pruning.Next, ct) };
            var result = await new StackOrchestrator(drivers, progress).ApplyAsync(graph, Parts, apply, cancellationToken).ConfigureAwait(false);
            if (pruning is not null)
            {
                result = await PruneAsync(backend, readers!.ReportingTo(progress), progress, pruning, result, cancellationToken).ConfigureAwait(false);
            }

            return new StackRunOutcome(result);
        }
        finally
        {
            (progress as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Whether the stack a teardown finds keeps <paramref name="given"/> as they are (<see cref="FoundStack.Specs"/>):
    /// always for a stack file's environments; for a stack named by options alone, only when its record says it is one
    /// stack (found environments would replace it). Reads started for specs it drops would be requests for nothing.
    /// </summary>
    private bool KeptWhenFound(IReadOnlyList<EnvironmentStackSpec> given) =>
        given is not [{ Environment: null }] || (request.Environment is null && _record?.Environments.Count == 1 && _record.Environments.ContainsKey(StackRecord.SingleStack));

    /// <summary><paramref name="read"/>, its failure observed in case the run stops before it is used.</summary>
    private static Task<T> Observed<T>(Task<T> read)
    {
        _ = read.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return read;
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
    private EarlyReads StartEarlyReads(IAccountDrivers readers, TeardownOptions? removal, CancellationToken cancellationToken)
    {
        var withoutAccount = StackGraph.For(Specs(null));
        return removal is null
            ? EarlyReads.ForApply(withoutAccount, Parts, readers, cancellationToken)
            : EarlyReads.ForTeardown(withoutAccount, removal, readers, cancellationToken);
    }

    /// <summary>One spec per environment to handle (all of the file's, or the one --env names).</summary>
    private IReadOnlyList<EnvironmentStackSpec> Specs(string? accountId)
    {
        var overrides = Overrides();
        if (request.File is not { } file)
        {
            return Remembered() is { } remembered && accountId is not null
                ? [new EnvironmentStackSpec(null, overrides.ApplyToRemembered(remembered.ToSpec(request.Region, accountId)))]
                : [new EnvironmentStackSpec(null, overrides.ApplyTo(StackSpec.FromStackName(request.StackName, request.Region, accountId)))];
        }

        return request.Environment is { } environment
            ? [file.ToSpec(environment, request.Region, accountId, overrides)]
            : file.ToSpecs(request.Region, accountId, overrides);
    }

    /// <summary>The command line's overrides; a teardown ignores --no-test-stage and --no-approval (it removes what the stack has).</summary>
    private StackOverrides Overrides() =>
        Teardown is null ? request.Overrides : request.Overrides with { DropTestStage = false, DropApproval = false };

    /// <summary>The environments of a stack file share the repository: it stays when one --env is torn down.</summary>
    private TeardownOptions TeardownOptions() => new()
    {
        DryRun = request.DryRun,
        KeepRepository = Teardown!.KeepRepository,
        KeepBuckets = Teardown.KeepBuckets,
        KeepConnection = Teardown.KeepConnection,
        DeleteImages = Teardown.DeleteImages,
        SkipShared = request.Environment is not null,
    };

    /// <summary>The refusal of the first environment whose public site the account's Block Public Access forbids (one read for all), or null.</summary>
    private static async Task<ProvisioningException?> PublicSiteRefusalAsync(IAccountDrivers aws, IReadOnlyList<EnvironmentStackSpec> specs, CancellationToken cancellationToken)
    {
        if (!specs.Any(s => PublicSitePreflight.Applies(s.Spec)))
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
    private async Task<Exception?> CheckPermissionsAsync(IStackBackend backend, IReadOnlyList<ResourceOutcome> plan, CancellationToken cancellationToken)
    {
        var writes = PlannedWrites.Of(plan, request.Region, _account!);
        var result = await backend.CheckPermissionsAsync(_callerArn ?? string.Empty, writes, cancellationToken).ConfigureAwait(false);
        if (result.NotChecked is { } why)
        {
            await host.NoticeAsync($"pipectl: warning: {why} before the first write; {request.Command} goes on.").ConfigureAwait(false);
        }

        return result.Failure;
    }

    /// <summary>
    /// The options that name this run's stack again, so a suggested command works as typed: the same stack file (and
    /// --env), or --name with every option the stack was made with (its settings, remembered ones included; see
    /// <see cref="Stacks.StackArguments"/>), and the region.
    /// </summary>
    public string StackArguments()
    {
        var what = request.FilePath is not null ? $"-f {Stacks.StackArguments.Quote(request.FilePath)}"
            : _specs is [{ Spec: { } spec }, ..] ? Stacks.StackArguments.For(spec)
            : $"--name {Stacks.StackArguments.Quote(request.StackName)}";
        var environment = request.Environment is { } env ? $" --env {SafeFragment.Visible(env)}" : string.Empty;
        return $"{what}{environment} --region {request.Region}";
    }

    /// <summary>
    /// On a terminal without --yes: list what would be deleted (reads only) and ask. When nothing would be deleted,
    /// no question is asked.
    /// </summary>
    private async Task<bool> ConfirmTeardownAsync(IStackBackend backend, IAccountDrivers readers, StackGraph graph, TeardownOptions removal, CancellationToken cancellationToken)
    {
        var plan = await new StackTeardown(readers, SilentProgress.Instance).RemoveAsync(graph, removal with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        var doomed = plan.Resources.Where(r => r.Action == ResourceAction.WouldDelete).ToList();
        if (doomed.Count == 0)
        {
            return true;
        }

        var kept = plan.Resources.Where(r => r.Action == ResourceAction.Kept).ToList();
        var losses = await TeardownLosses.DescribeAsync(backend.Contents, doomed, backend.RequestFailureText, cancellationToken).ConfigureAwait(false);
        return await host.ConfirmTeardownAsync(new TeardownQuestion(request.StackName, request.Region, _account, doomed, kept, losses), cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(IReadOnlyList<EnvironmentStackSpec> specs)
    {
        var errors = new StackSpecValidator().ValidateAll(specs);
        if (errors.Count > 0)
        {
            throw new StackInputException(string.Join(System.Environment.NewLine + "pipectl: ", errors.Select(e => e.ToString())));
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
}
