using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>The operations of <see cref="BoundResource"/> for one resource kind, through the one <see cref="Converger"/>.</summary>
internal sealed class BoundResource<TSpec, TState>(ResourceEntry<TSpec, TState> entry, IResourceDriver<TSpec, TState> driver) : BoundResource(entry)
    where TSpec : IDesiredState<TState>
    where TState : class
{
    private static readonly IReadOnlyDictionary<string, string> NoOutputs = new Dictionary<string, string>();
    private Task<TState?>? _read;

    public override string Type => driver.Type;

    public override bool ReadsByName => driver.ReadsByName;

    public override void ReuseReadOf(BoundResource early)
    {
        if (_read is null && early is BoundResource<TSpec, TState> same && same.Entry.Key == entry.Key && same.Entry.Name == entry.Name && same._read is { } read)
        {
            _read = read;
        }
    }

    public override void PrepareRead(CancellationToken cancellationToken) => driver.PrepareRead(entry.Desired, cancellationToken);

    public override Task ReadAsync(CancellationToken cancellationToken) => _read ??= driver.ReadAsync(entry.Desired, cancellationToken);

    public override Task ReadToDeleteAsync(CancellationToken cancellationToken) => _read ??= driver.ReadToDeleteAsync(entry.Desired, cancellationToken);

    private TState? Actual => _read is { IsCompletedSuccessfully: true } read ? read.Result : throw new InvalidOperationException($"{entry.Key} was not read before it was used.");

    private bool IsAdopted(ApplyContext context) => entry.UseExisting && Actual is { } actual && !StackOwnership.IsOwnedBy(actual, context.StackName, context.Region);

    public override string? Refusal(string stackName, string region)
    {
        var actual = Actual;
        if (entry.Check?.Invoke(actual) is { } problem)
        {
            return problem;
        }

        if (actual is null)
        {
            return entry.UseExisting
                ? $"{Type} {entry.Name} does not exist, but the stack is told to use an existing one: create it first, or drop that option ({entry.ExistingOption}) to let pipectl create it. Nothing was changed."
                : null;
        }

        if (entry.UseExisting)
        {
            return null;
        }

        if (CloudFormationStack is { } managedBy)
        {
            return CloudFormationRefusal(managedBy);
        }

        if (StackOwnership.IsOwnedBy(actual, stackName, region))
        {
            return null;
        }

        if (StackOwnership.OtherRegionOf(actual, stackName, region) is { } other)
        {
            return $"{Type} {entry.Name} belongs to stack {stackName} in {other}: nothing was changed, and pipectl never changes what serves another region. Give this stack other names in {region} (see --help for the name options), or use another stack name.";
        }

        var rename = entry.NameOption is { } option ? $"give the stack's one another name ({option})" : "give the stack another name";
        return $"{Type} {entry.Name} already exists and was not created by pipectl for stack {stackName}: nothing was changed, and pipectl never modifies or deletes it. {char.ToUpperInvariant(rename[0])}{rename[1..]}, or remove it yourself.";
    }

    public override string? CloudFormationStack => !entry.UseExisting && Actual is { } actual ? StackOwnership.CloudFormationStackOf(actual) : null;

    /// <summary>Why a resource CloudFormation manages is never changed or deleted by pipectl.</summary>
    public string CloudFormationRefusal(string cloudFormationStack) =>
        $"{Type} {entry.Name} belongs to the CloudFormation stack {cloudFormationStack}: pipectl never changes or deletes what CloudFormation manages, and nothing was changed. Update or delete it through CloudFormation (aws cloudformation delete-stack --stack-name {cloudFormationStack}).";

    public override ResourceOutcome Refused(string stackName, string region) =>
        new(Type, entry.Name, Actual is { } actual ? driver.ArnOf(actual) : null, ResourceAction.Kept)
        {
            Note = CloudFormationStack is { } managedBy ? $"{StackTeardown.CloudFormationNote} {managedBy}: left alone"
                : Actual is { } owned ? StackTeardown.NotOwnedNoteOf(owned, stackName, region) : StackTeardown.NotOwnedNote,
        };

    public override object DesiredState => entry.Desired;

    public override bool Exists => Actual is not null;

    public override async Task<ResourceOutcome> PlanAsync(ApplyContext context, CancellationToken cancellationToken)
    {
        if (IsAdopted(context))
        {
            return new ResourceOutcome(Type, entry.Name, driver.ArnOf(Actual!), ResourceAction.Unchanged);
        }

        var desired = await DesiredAtApplyAsync(context, cancellationToken).ConfigureAwait(false);
        var (outcome, _) = await Converger.ConvergeAsync(new AlreadyRead(driver, desired, Actual), desired, dryRun: true, cancellationToken).ConfigureAwait(false);
        return Described(outcome, context, desired);
    }

    /// <summary>The desired state as apply sends it: completed from what exists now when the entry says how.</summary>
    private async Task<TSpec> DesiredAtApplyAsync(ApplyContext context, CancellationToken cancellationToken) =>
        entry.DesiredAtApply is { } resolve ? await resolve(context, cancellationToken).ConfigureAwait(false) : entry.Desired;

    public override async Task<(ResourceOutcome Outcome, IReadOnlyDictionary<string, string> Outputs)> ApplyAsync(ApplyContext context, CancellationToken cancellationToken)
    {
        if (IsAdopted(context))
        {
            // Used as it is: the converger's update could rewrite what belongs to its owner.
            var adopted = new ResourceOutcome(Type, entry.Name, driver.ArnOf(Actual!), ResourceAction.Unchanged) { Note = StackOrchestrator.AdoptedNote };
            return (Described(adopted, context), entry.Outputs?.Invoke(Actual) ?? NoOutputs);
        }

        var desired = await DesiredAtApplyAsync(context, cancellationToken).ConfigureAwait(false);
        var (outcome, state) = await Converger.ConvergeAsync(new AlreadyRead(driver, desired, Actual), desired, context.Options.DryRun, cancellationToken).ConfigureAwait(false);
        if (entry.AfterApply is { } after)
        {
            outcome = await after(context, outcome, cancellationToken).ConfigureAwait(false);
        }

        return (Described(outcome, context, desired), entry.Outputs?.Invoke(state) ?? NoOutputs);
    }

    public override string? KeptBy(TeardownOptions options) =>
        entry.KeepOnTeardown is { } keep && _read is { IsCompletedSuccessfully: true, Result: { } actual } ? keep(actual, options) : null;

    public override async Task<ResourceOutcome> RemoveAsync(string stackName, string region, string? keepReason, bool dryRun, CancellationToken cancellationToken)
    {
        // Teardown reads every resource before its first deletion (to refuse a stack CloudFormation manages): that read serves here.
        var actual = await (_read ?? driver.ReadToDeleteAsync(entry.Desired, cancellationToken)).ConfigureAwait(false);
        if (actual is null)
        {
            return new ResourceOutcome(Type, entry.Name, null, ResourceAction.NotFound);
        }

        var arn = driver.ArnOf(actual);
        if (!StackOwnership.IsOwnedBy(actual, stackName, region))
        {
            return new ResourceOutcome(Type, entry.Name, arn, ResourceAction.Kept) { Note = entry.UseExisting ? StackOrchestrator.AdoptedNote : StackTeardown.NotOwnedNoteOf(actual, stackName, region) };
        }

        if (keepReason is not null)
        {
            return new ResourceOutcome(Type, entry.Name, arn, ResourceAction.Kept) { Note = keepReason };
        }

        if (dryRun)
        {
            return new ResourceOutcome(Type, entry.Name, arn, ResourceAction.WouldDelete);
        }

        try
        {
            await driver.DeleteAsync(actual, cancellationToken).ConfigureAwait(false);
        }
        catch (DeletionDeferredException deferred)
        {
            return new ResourceOutcome(Type, entry.Name, arn, ResourceAction.Kept) { Note = deferred.Message };
        }

        return new ResourceOutcome(Type, entry.Name, arn, ResourceAction.Deleted);
    }

    /// <summary>The driver, except that the converger's read of this resource is the one already made.</summary>
    private sealed class AlreadyRead(IResourceDriver<TSpec, TState> inner, TSpec read, TState? state) : IResourceDriver<TSpec, TState>
    {
        public string Type => inner.Type;

        public string? ArnOf(TState state) => inner.ArnOf(state);

        public Task<TState?> ReadAsync(TSpec desired, CancellationToken cancellationToken) =>
            ReferenceEquals(desired, read) ? Task.FromResult(state) : inner.ReadAsync(desired, cancellationToken);

        public Task<TState> CreateAsync(TSpec desired, CancellationToken cancellationToken) => inner.CreateAsync(desired, cancellationToken);

        public Task<TState> UpdateAsync(TSpec desired, TState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
            inner.UpdateAsync(desired, actual, changes, cancellationToken);

        public Task DeleteAsync(TState actual, CancellationToken cancellationToken) => inner.DeleteAsync(actual, cancellationToken);
    }
}
