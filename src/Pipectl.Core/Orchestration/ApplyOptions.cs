using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>How a run converges: plan only or for real, and the files of a first commit.</summary>
public sealed record ApplyOptions
{
    /// <summary>Plan only: reads happen, no mutating call.</summary>
    public bool DryRun { get; init; }

    /// <summary>Files for the repository's first commit (--seed), or null.</summary>
    public IReadOnlyList<SeedFile>? SeedFiles { get; init; }

    /// <summary>
    /// A check that may refuse the whole run before its first write (the account's Block Public Access against a
    /// public site), or null. It runs alongside the reads of every resource, not before them: its refusal (a
    /// non-null answer) ends the run as a refused resource does, before anything is written.
    /// </summary>
    public Func<CancellationToken, Task<Exception?>>? Preflight { get; init; }

    /// <summary>
    /// Asked, when not a dry run, after every read and before the first write, when an update widens permissions,
    /// with the whole plan (<see cref="ResourceOutcome.Widens"/> marks what widens; the rest tells what else changes,
    /// such as the site type or the deploy target): false stops the run with nothing written. Null: never asked.
    /// </summary>
    public Func<IReadOnlyList<ResourceOutcome>, CancellationToken, Task<bool>>? ApproveWidening { get; init; }

    /// <summary>
    /// Asked, when not a dry run and the plan creates or changes something, after every read and before the first
    /// write (and before <see cref="ApproveWidening"/>), with the whole plan (<see cref="PlannedWrites"/> gives its
    /// requests): a non-null answer ends the run there, with nothing written (the caller's permission check). A plan
    /// with nothing to write is never asked about. Null: never asked.
    /// </summary>
    public Func<IReadOnlyList<ResourceOutcome>, CancellationToken, Task<Exception?>>? CheckWrites { get; init; }

    /// <summary>
    /// Reads started while the caller's account was being asked for (<see cref="Orchestration.EarlyReads"/>): the
    /// run uses them instead of reading those resources again. None by default.
    /// </summary>
    public EarlyReads EarlyReads { get; init; } = EarlyReads.None;

    /// <summary>
    /// Runs once every check has passed and before the first write of a run that is not a dry run (the stack's record
    /// is written there, so a kill at any later moment still finds what the run makes); null for nothing.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeFirstWrite { get; init; }
}
