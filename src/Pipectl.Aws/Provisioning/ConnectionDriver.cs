using Pipectl.Aws.CodeConnections;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The CodeConnections connection of a GitHub, GitLab or Bitbucket source. One given by ARN is read with
/// GetConnection; pipectl's own is found by name among the provider's connections (names are unique in an
/// account). A new connection is PENDING: only the console finishes the provider's handshake, so pipectl
/// creates it, tags it and reports its state. Tags are merged, never replaced; a connection cannot change
/// provider, so a provider that differs stops the run instead of being "updated".
/// </summary>
public sealed class ConnectionDriver(CodeConnectionsClient connections) : IResourceDriver<ConnectionSpec, ConnectionState>
{
    public string Type => ResourceTypes.Connection;

    public string? ArnOf(ConnectionState state) => state.Arn;

    public async Task<ConnectionState?> ReadAsync(ConnectionSpec desired, CancellationToken cancellationToken)
    {
        Connection? found;
        if (desired.Arn is { } arn)
        {
            try
            {
                found = (await connections.GetConnectionAsync(arn, cancellationToken).ConfigureAwait(false)).Connection;
            }
            catch (AwsResourceNotFoundException)
            {
                return null;
            }
        }
        else
        {
            found = await connections.FindConnectionAsync(desired.Name, desired.ProviderType, cancellationToken).ConfigureAwait(false);
        }

        if (found?.ConnectionArn is not { } foundArn)
        {
            return null;
        }

        var tags = await connections.ListTagsForResourceAsync(foundArn, cancellationToken).ConfigureAwait(false);
        return new ConnectionState(
            found.ConnectionName ?? desired.Name,
            foundArn,
            found.ProviderType ?? string.Empty,
            found.ConnectionStatus ?? string.Empty,
            (tags.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
    }

    public async Task<ConnectionState> CreateAsync(ConnectionSpec desired, CancellationToken cancellationToken)
    {
        var tags = desired.Tags.Select(t => new ConnectionTag(t.Key, t.Value)).ToList();
        var reply = await connections.CreateConnectionAsync(new CreateConnectionRequest(desired.Name, desired.ProviderType, tags), cancellationToken).ConfigureAwait(false);
        // AWS documents every connection made through the API as PENDING until the console completes it.
        return new ConnectionState(desired.Name, reply.ConnectionArn, desired.ProviderType, Core.Sources.ConnectionConsole.Pending, desired.Tags);
    }

    public async Task<ConnectionState> UpdateAsync(ConnectionSpec desired, ConnectionState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        if (actual.ProviderType != desired.ProviderType)
        {
            throw new ProvisioningException(
                $"connection {actual.Name} connects to {actual.ProviderType}, not {desired.ProviderType}: a connection cannot change provider. Tear the stack down (or delete the connection) and bootstrap again.")
            {
                RerunHelps = false,
            };
        }

        var missing = desired.Tags.Where(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => new ConnectionTag(t.Key, t.Value)).ToList();
        if (missing.Count > 0)
        {
            await connections.TagResourceAsync(actual.Arn, missing, cancellationToken).ConfigureAwait(false);
        }

        var merged = new Dictionary<string, string>(actual.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in desired.Tags)
        {
            merged[key] = value;
        }

        return actual with { Tags = merged };
    }

    public async Task DeleteAsync(ConnectionState actual, CancellationToken cancellationToken)
    {
        try
        {
            await connections.DeleteConnectionAsync(actual.Arn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
    }
}
