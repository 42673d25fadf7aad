namespace Pipectl.Aws.CodeConnections;

// Request and reply shapes of the CodeConnections operations pipectl calls (botocore codeconnections 2023-12-01,
// the same shapes as codestar-connections 2019-12-01). Members are PascalCase on the wire.

/// <summary>A CodeConnections tag.</summary>
public sealed record ConnectionTag(string Key, string Value);

/// <summary>CreateConnection input: ProviderType GitHub, GitLab or Bitbucket; names are 1 to 32 characters.</summary>
public sealed record CreateConnectionRequest(string ConnectionName, string ProviderType, IReadOnlyList<ConnectionTag>? Tags = null);

/// <summary>CreateConnection output: the new connection's ARN (it starts PENDING).</summary>
public sealed record CreateConnectionReply(string ConnectionArn, IReadOnlyList<ConnectionTag>? Tags = null);

/// <summary>Input of the operations that take a connection ARN (GetConnection, DeleteConnection).</summary>
public sealed record ConnectionArnRequest(string ConnectionArn);

/// <summary>A connection: ConnectionStatus is PENDING, AVAILABLE or ERROR.</summary>
public sealed record Connection(
    string? ConnectionName,
    string? ConnectionArn,
    string? ProviderType = null,
    string? OwnerAccountId = null,
    string? ConnectionStatus = null,
    string? HostArn = null);

/// <summary>GetConnection output.</summary>
public sealed record GetConnectionReply(Connection? Connection);

/// <summary>ListConnections input; MaxResults at most 100.</summary>
public sealed record ListConnectionsRequest(string? ProviderTypeFilter = null, int? MaxResults = null, string? NextToken = null);

/// <summary>One page of the region's connections.</summary>
public sealed record ListConnectionsReply(IReadOnlyList<Connection>? Connections, string? NextToken = null);

/// <summary>ListTagsForResource input.</summary>
public sealed record ConnectionListTagsRequest(string ResourceArn);

/// <summary>ListTagsForResource output.</summary>
public sealed record ConnectionTagsReply(IReadOnlyList<ConnectionTag>? Tags);

/// <summary>TagResource input.</summary>
public sealed record ConnectionTagResourceRequest(string ResourceArn, IReadOnlyList<ConnectionTag> Tags);
