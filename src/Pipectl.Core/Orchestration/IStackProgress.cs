using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>Where the orchestrator reports progress as it happens (rendered on stderr by the CLI).</summary>
public interface IStackProgress
{
    /// <summary>Work on a resource started.</summary>
    void Started(string type, string name);

    /// <summary>Work on a resource ended (its outcome follows through <see cref="Settled"/>, in the graph's order).</summary>
    void Finished(string type, string name)
    {
    }

    /// <summary>A resource settled; outcomes arrive in the graph's order, whatever order the work ended in.</summary>
    void Settled(ResourceOutcome outcome);

    /// <summary>Waiting on something outside pipectl's control (e.g. IAM propagation).</summary>
    void Waiting(string message);
}
