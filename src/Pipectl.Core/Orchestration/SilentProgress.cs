using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>Progress that goes nowhere (tests, JSON-only runs).</summary>
public sealed class SilentProgress : IStackProgress
{
    public static SilentProgress Instance { get; } = new();

    public void Started(string type, string name)
    {
    }

    public void Settled(ResourceOutcome outcome)
    {
    }

    public void Waiting(string message)
    {
    }
}
