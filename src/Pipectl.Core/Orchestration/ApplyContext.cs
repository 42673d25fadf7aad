namespace Pipectl.Core.Orchestration;

/// <summary>What an entry's extra apply work may use: the drivers (and seeder), the run's options, and the stack name and region that own what it makes.</summary>
public sealed record ApplyContext(IStackDrivers Drivers, ApplyOptions Options, string StackName, string Region)
{
    /// <summary>The outputs of the entries converged so far in this run (what an entry depends on is among them).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}
