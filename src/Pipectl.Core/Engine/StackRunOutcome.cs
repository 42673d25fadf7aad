using Pipectl.Core.Orchestration;

namespace Pipectl.Core.Engine;

/// <summary>
/// What a run did: its resources, outputs and failure (<see cref="StackRunResult"/>); a question answered no is the
/// failure <see cref="Provisioning.NotConfirmedException"/> with nothing changed. <see cref="Note"/> says how it was
/// planned (offline, for example).
/// </summary>
public sealed record StackRunOutcome(StackRunResult Result)
{
    public string? Note { get; init; }

    /// <summary>A question was answered no: nothing was changed.</summary>
    public bool Declined => Result.Failure is Provisioning.NotConfirmedException;

    /// <summary>Whether the failure is one a re-run or a teardown can act on (a line of what to do follows it).</summary>
    public bool Stopped => Result.Failure is not null and not (Provisioning.ProvisioningException { RerunHelps: false } or Provisioning.StackNotFoundException or Provisioning.NotConfirmedException);

    /// <summary>A run stopped by a "no": nothing was changed.</summary>
    public static StackRunOutcome NotConfirmed(string what) => new(StackRunResult.Empty with { Failure = new Provisioning.NotConfirmedException($"not confirmed: {what}") });
}
