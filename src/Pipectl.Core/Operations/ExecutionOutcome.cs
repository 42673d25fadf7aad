namespace Pipectl.Core.Operations;

/// <summary>Where an execution stands for someone waiting on it.</summary>
public enum ExecutionOutcome
{
    /// <summary>Still running (or stopping, or not listed yet).</summary>
    Running,

    /// <summary>Settled: it succeeded.</summary>
    Succeeded,

    /// <summary>Settled without success: failed, stopped, superseded by a newer execution or cancelled.</summary>
    Failed,
}
