using Pipectl.Aws.CodeConnections;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The CodeConnections connection of a GitHub, GitLab or Bitbucket source. One given by ARN is read with
/// GetConnection; pipectl's own is found by name among the provider's connections. A new connection is PENDING: only
/// the console finishes the provider's handshake, so pipectl creates it, tags it and reports its state. Tags are
/// merged, never replaced; a connection cannot change provider, so a provider that differs stops the run instead of
/// being "updated".
/// <para>
/// Names are not a lock: the CodeConnections API Reference documents no error of CreateConnection for a name the
/// account already has (https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_CreateConnection.html:
/// LimitExceededException, ResourceNotFoundException, ResourceUnavailableException only), so two bootstraps of one
/// stack at once each make one. After a create the driver lists the name again; of the copies whose tags say they are
/// the stack's it keeps one, chosen the same way by every run (an AVAILABLE one first, then the lowest ARN), and
/// deletes the other PENDING ones. A read by name picks the same one, and teardown deletes every owned copy.
/// </para>
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
            var named = await connections.FindConnectionsAsync(desired.Name, desired.ProviderType, cancellationToken).ConfigureAwait(false);
            if (named.Count > 1)
            {
                // Copies made by runs at once: the one every run keeps, with the other owned copies (teardown deletes them).
                return Kept(await StatesAsync(named, cancellationToken).ConfigureAwait(false), desired);
            }

            found = named.FirstOrDefault();
        }

        return found?.ConnectionArn is null ? null : await StateAsync(found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What teardown needs: the connection, and when it is the stack's own, every other copy of its name the stack owns
    /// (one more ListConnections for a connection read by ARN; none for a connection the stack does not own).
    /// </summary>
    public async Task<ConnectionState?> ReadToDeleteAsync(ConnectionSpec desired, CancellationToken cancellationToken)
    {
        var state = await ReadAsync(desired, cancellationToken).ConfigureAwait(false);
        if (state is null || desired.Arn is null || !StackOwnership.IsOwnedBy(state, desired.Tags))
        {
            return state;
        }

        var named = await connections.FindConnectionsAsync(state.Name, state.ProviderType, cancellationToken).ConfigureAwait(false);
        var others = await StatesAsync([.. named.Where(c => c.ConnectionArn != state.Arn)], cancellationToken).ConfigureAwait(false);
        return state with { OwnedCopies = [.. others.Where(c => StackOwnership.IsOwnedBy(c, desired.Tags)).Select(c => c.Arn)] };
    }

    public async Task<ConnectionState> CreateAsync(ConnectionSpec desired, CancellationToken cancellationToken)
    {
        var tags = desired.Tags.Select(t => new ConnectionTag(t.Key, t.Value)).ToList();
        var reply = await connections.CreateConnectionAsync(new CreateConnectionRequest(desired.Name, desired.ProviderType, tags), cancellationToken).ConfigureAwait(false);
        // AWS documents every connection made through the API as PENDING until the console completes it.
        var made = new ConnectionState(desired.Name, reply.ConnectionArn, desired.ProviderType, Core.Sources.ConnectionConsole.Pending, desired.Tags);

        // Another run of the stack may have made one of this name at the same time: keep the one both keep.
        var others = (await connections.FindConnectionsAsync(desired.Name, desired.ProviderType, cancellationToken).ConfigureAwait(false))
            .Where(c => c.ConnectionArn != made.Arn).ToList();
        if (others.Count == 0)
        {
            return made;
        }

        var kept = Kept([made, .. await StatesAsync(others, cancellationToken).ConfigureAwait(false)], desired);
        foreach (var copy in kept.OwnedCopies)
        {
            await DeleteCopyIfPendingAsync(copy, cancellationToken).ConfigureAwait(false);
        }

        return kept with { OwnedCopies = [] };
    }

    /// <summary>
    /// Of <paramref name="copies"/> (one name and provider), the stack's own that every run keeps (an AVAILABLE one first,
    /// then the lowest ARN), with the stack's other copies in <see cref="ConnectionState.OwnedCopies"/>; when none is the
    /// stack's, the lowest ARN (its tags then say whose it is).
    /// </summary>
    private static ConnectionState Kept(IReadOnlyList<ConnectionState> copies, ConnectionSpec desired)
    {
        static IOrderedEnumerable<ConnectionState> Ordered(IEnumerable<ConnectionState> states) =>
            states.OrderBy(c => c.Status == Core.Sources.ConnectionConsole.Available ? 0 : 1).ThenBy(c => c.Arn, StringComparer.Ordinal);

        var owned = copies.Where(c => StackOwnership.IsOwnedBy(c, desired.Tags)).ToList();
        if (owned.Count == 0)
        {
            return Ordered(copies).First();
        }

        var kept = Ordered(owned).First();
        return kept with { OwnedCopies = [.. owned.Where(c => c.Arn != kept.Arn).Select(c => c.Arn)] };
    }

    /// <summary>Deletes a copy the stack made that nobody has completed (a PENDING one); an AVAILABLE copy stays.</summary>
    private async Task DeleteCopyIfPendingAsync(string arn, CancellationToken cancellationToken)
    {
        try
        {
            var copy = (await connections.GetConnectionAsync(arn, cancellationToken).ConfigureAwait(false)).Connection;
            if (copy?.ConnectionStatus == Core.Sources.ConnectionConsole.Pending)
            {
                await connections.DeleteConnectionAsync(arn, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AwsResourceNotFoundException)
        {
            // The other run deleted it already.
        }
    }

    private async Task<ConnectionState> StateAsync(Connection found, CancellationToken cancellationToken)
    {
        var tags = await connections.ListTagsForResourceAsync(found.ConnectionArn!, cancellationToken).ConfigureAwait(false);
        return new ConnectionState(
            found.ConnectionName ?? string.Empty,
            found.ConnectionArn!,
            found.ProviderType ?? string.Empty,
            found.ConnectionStatus ?? string.Empty,
            (tags.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<ConnectionState>> StatesAsync(IReadOnlyList<Connection> found, CancellationToken cancellationToken)
    {
        var states = new List<ConnectionState>();
        foreach (var connection in found)
        {
            try
            {
                states.Add(await StateAsync(connection, cancellationToken).ConfigureAwait(false));
            }
            catch (AwsResourceNotFoundException)
            {
                // Deleted since the list (by the other run).
            }
        }

        return states;
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
        foreach (var arn in actual.OwnedCopies.Prepend(actual.Arn))
        {
            try
            {
                await connections.DeleteConnectionAsync(arn, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsResourceNotFoundException)
            {
                // Already gone: an earlier teardown got this far.
            }
        }
    }
}
