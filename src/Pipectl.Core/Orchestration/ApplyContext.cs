using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>What an entry's extra apply work may use: the drivers (and seeder), the run's options, and the stack name and region that own what it makes.</summary>
public sealed record ApplyContext(IStackDrivers Drivers, ApplyOptions Options, string StackName, string Region)
{
    /// <summary>
    /// True when something of the run already is the stack's (not merely adopted): then a new role or bucket
    /// policy adds permissions to an existing stack, and its statements count as widening.
    /// </summary>
    public bool StackExists { get; init; }

    /// <summary>The outputs of the entries converged so far in this run (what an entry depends on is among them).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}
