namespace Pipectl.Core.Orchestration;

/// <summary>How a run converges: plan only, without any account at all, and the files of a first commit.</summary>
public sealed record ApplyOptions
{
    /// <summary>Plan only: reads happen, no mutating call.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// No credentials: not even reads are possible, so the plan is the plan for an empty account.
    /// Only meaningful with <see cref="DryRun"/>.
    /// </summary>
    public bool Offline { get; init; }

    /// <summary>Files for the repository's first commit (--seed), or null.</summary>
    public IReadOnlyList<SeedFile>? SeedFiles { get; init; }
}
