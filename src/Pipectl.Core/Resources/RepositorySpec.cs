using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>The CodeCommit repository of a stack. An existing repository is used as it is (never rewritten).</summary>
public sealed record RepositorySpec(string Name, string? Description, IReadOnlyDictionary<string, string> Tags) : IDesiredState<RepositoryState>
{
    /// <summary>A repository is adopted as it is: its description and history belong to its owner.</summary>
    public IReadOnlyList<string> DifferencesFrom(RepositoryState actual) => [];
}
