using Pipectl.Core.Orchestration;

namespace Pipectl.Core.Engine;

/// <summary>
/// What a run did: its resources, outputs and failure (<see cref="StackRunResult"/>), or that a question was answered
/// no (<see cref="Declined"/>: nothing was changed). <see cref="Note"/> says how it was planned (offline, for example).
/// </summary>
public sealed record StackRunOutcome(StackRunResult Result)
{
    public bool Declined { get; init; }

    public string? Note { get; init; }

    /// <summary>Whether the failure is one a re-run or a teardown can act on (a line of what to do follows it).</summary>
    public bool Stopped => Result.Failure is not null and not (Provisioning.ProvisioningException { RerunHelps: false } or Provisioning.StackNotFoundException);
}
