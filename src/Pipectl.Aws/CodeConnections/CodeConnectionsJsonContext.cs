using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipectl.Aws.CodeConnections;

/// <summary>Source-generated (AOT-safe) JSON metadata of the CodeConnections shapes; no naming policy: members are PascalCase.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateConnectionRequest))]
[JsonSerializable(typeof(CreateConnectionReply))]
[JsonSerializable(typeof(ConnectionArnRequest))]
[JsonSerializable(typeof(GetConnectionReply))]
[JsonSerializable(typeof(ListConnectionsRequest))]
[JsonSerializable(typeof(ListConnectionsReply))]
[JsonSerializable(typeof(ConnectionListTagsRequest))]
[JsonSerializable(typeof(ConnectionTagsReply))]
[JsonSerializable(typeof(ConnectionTagResourceRequest))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CodeConnectionsJsonContext : JsonSerializerContext;
