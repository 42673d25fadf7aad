namespace Pipectl.Core.Orchestration;

/// <summary>Makes a repository's first commit through the API (no git credentials needed).</summary>
public interface IRepositorySeeder
{
    /// <summary>True when the branch exists (then it is never rewritten).</summary>
    Task<bool> BranchExistsAsync(string repositoryName, string branch, CancellationToken cancellationToken);

    /// <summary>Commits the files as the first commit of <paramref name="branch"/>; returns the commit id.</summary>
    Task<string> SeedAsync(string repositoryName, string branch, IReadOnlyList<SeedFile> files, CancellationToken cancellationToken);
}
