using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// The CodeConnections connection a GitHub, GitLab or Bitbucket source is read through: found by
/// <see cref="Arn"/> when the stack was given one (<c>--connection-arn</c>), else by name among the
/// provider's connections. A connection cannot be renamed or moved to another provider; only its tags change.
/// </summary>
public sealed record ConnectionSpec(string Name, string ProviderType, string? Arn, IReadOnlyDictionary<string, string> Tags) : IDesiredState<ConnectionState>
{
    public IReadOnlyList<string> DifferencesFrom(ConnectionState actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return new Differences().Compare("provider", actual.ProviderType, ProviderType).CompareTags(actual.Tags, Tags);
    }
}
