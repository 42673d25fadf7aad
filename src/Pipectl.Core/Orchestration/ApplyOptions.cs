namespace Pipectl.Core.Orchestration;

/// <summary>How a run converges: plan only or for real, and the files of a first commit.</summary>
public sealed record ApplyOptions
{
    /// <summary>Plan only: reads happen, no mutating call.</summary>
    public bool DryRun { get; init; }

    /// <summary>Files for the repository's first commit (--seed), or null.</summary>
    public IReadOnlyList<SeedFile>? SeedFiles { get; init; }
}
