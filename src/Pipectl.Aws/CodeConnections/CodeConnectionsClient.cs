using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodeConnections;

/// <summary>
/// pipectl's own CodeConnections client (JSON 1.0, target prefix com.amazonaws.codeconnections.CodeConnections_20231201,
/// signed as "codeconnections"; PascalCase members). The older codestar-connections API has the same shapes.
/// </summary>
public class CodeConnectionsClient(AWSCredentials credentials, PipectlClientConfig<CodeConnectionsFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CodeConnectionsFacts>(credentials, config, CodeConnectionsFacts.TargetPrefix, counter, json10: true)
{
    private static CodeConnectionsJsonContext Json => CodeConnectionsJsonContext.Default;

    /// <summary>Creates a connection; it is PENDING until its owner finishes the handshake in the console.</summary>
    public virtual Task<CreateConnectionReply> CreateConnectionAsync(CreateConnectionRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreateConnection", request, Json.CreateConnectionRequest, Json.CreateConnectionReply, cancellationToken);

    /// <summary>A connection; <c>ResourceNotFoundException</c> (not found) when there is none.</summary>
    public virtual Task<GetConnectionReply> GetConnectionAsync(string connectionArn, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetConnection", new ConnectionArnRequest(connectionArn), Json.ConnectionArnRequest, Json.GetConnectionReply, cancellationToken);

    /// <summary>One page of the region's connections of one provider.</summary>
    public virtual Task<ListConnectionsReply> ListConnectionsAsync(ListConnectionsRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListConnections", request, Json.ListConnectionsRequest, Json.ListConnectionsReply, cancellationToken);

    /// <summary>The first connection named <paramref name="name"/> of <paramref name="providerType"/>, following NextToken; null when none.</summary>
    public virtual async Task<Connection?> FindConnectionAsync(string name, string providerType, CancellationToken cancellationToken = default) =>
        (await FindConnectionsAsync(name, providerType, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// Every connection named <paramref name="name"/> of <paramref name="providerType"/>, following NextToken (CreateConnection
    /// documents no error for a name the account has, so there may be several).
    /// </summary>
    public virtual async Task<IReadOnlyList<Connection>> FindConnectionsAsync(string name, string providerType, CancellationToken cancellationToken = default)
    {
        var found = new List<Connection>();
        string? token = null;
        do
        {
            var page = await ListConnectionsAsync(new ListConnectionsRequest(providerType, MaxResults, token), cancellationToken).ConfigureAwait(false);
            found.AddRange((page.Connections ?? []).Where(c => c.ConnectionName == name && c.ConnectionArn is not null));
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return found;
    }

    /// <summary>Deletes a connection; <c>ResourceNotFoundException</c> when it is gone.</summary>
    public virtual Task DeleteConnectionAsync(string connectionArn, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteConnection", new ConnectionArnRequest(connectionArn), Json.ConnectionArnRequest, Json.JsonElement, cancellationToken);

    /// <summary>A connection's tags.</summary>
    public virtual Task<ConnectionTagsReply> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListTagsForResource", new ConnectionListTagsRequest(resourceArn), Json.ConnectionListTagsRequest, Json.ConnectionTagsReply, cancellationToken);

    /// <summary>Adds or overwrites tags on a connection.</summary>
    public virtual Task TagResourceAsync(string resourceArn, IReadOnlyList<ConnectionTag> tags, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("TagResource", new ConnectionTagResourceRequest(resourceArn, tags), Json.ConnectionTagResourceRequest, Json.JsonElement, cancellationToken);

    /// <summary>The largest page ListConnections gives.</summary>
    private const int MaxResults = 100;
}
