using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Engine;

/// <summary>
/// What a run asks of the interface it runs in: a progress sink, the confirmations (each may answer no, or throw the
/// interface's own bad-input failure when nobody can answer), and the notes and warnings a person should read.
/// </summary>
public interface IStackRunHost
{
    /// <summary>A progress sink for the writes (disposed by the engine when it is <see cref="IDisposable"/>).</summary>
    IStackProgress BeginProgress();

    /// <summary>Before a teardown deletes (not with --yes, not in a dry run, only when something would be deleted).</summary>
    Task<bool> ConfirmTeardownAsync(TeardownQuestion question, CancellationToken cancellationToken);

    /// <summary>Before a bootstrap removes parts the stack no longer has (not with --allow-delete).</summary>
    Task<bool> ConfirmPruningAsync(PruningQuestion question, CancellationToken cancellationToken);

    /// <summary>Before an update that widens permissions, with --require-approval broadening.</summary>
    Task<bool> ConfirmWideningAsync(WideningQuestion question, CancellationToken cancellationToken);

    /// <summary>A line for the person running it (stderr), already prefixed ("pipectl: ...").</summary>
    Task NoticeAsync(string line);
}

/// <summary>What a teardown will delete and keep, and what the deletion loses (branches, objects, images).</summary>
public sealed record TeardownQuestion(string Stack, string Region, string? Account, IReadOnlyList<ResourceOutcome> Doomed, IReadOnlyList<ResourceOutcome> Kept, IReadOnlyList<string> Losses);

/// <summary>What a run would remove because the stack no longer has it, and what it keeps for its data.</summary>
/// <param name="StackArguments">The options that name the stack again (for the command a refusal suggests).</param>
public sealed record PruningQuestion(string Command, string Stack, string Region, IReadOnlyList<ResourceOutcome> Doomed, IReadOnlyList<ResourceOutcome> KeptForData, string StackArguments);

/// <summary>A plan that widens permissions.</summary>
public sealed record WideningQuestion(string Stack, string Region, IReadOnlyList<ResourceOutcome> Plan, string StackArguments)
{
    public IReadOnlyList<ResourceOutcome> Widening => [.. Plan.Where(o => o.Widens)];
}
