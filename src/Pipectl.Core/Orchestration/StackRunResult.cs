using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// What a run did: every resource it handled (in dependency order), the outputs, and the failure that
/// stopped it, if any. On failure the resources handled before it are still listed.
/// </summary>
public sealed record StackRunResult(IReadOnlyList<ResourceOutcome> Resources, IReadOnlyDictionary<string, string> Outputs, Exception? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>Nothing done, nothing failed.</summary>
    public static StackRunResult Empty { get; } = new([], new Dictionary<string, string>(), null);
}
