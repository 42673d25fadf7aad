using System.Text.Json.Serialization;

namespace Pipectl.Aws.Tagging;

/// <summary>Source-generated (AOT-safe) JSON metadata of the GetResources shapes; no naming policy: members are PascalCase.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetResourcesRequest))]
[JsonSerializable(typeof(GetResourcesReply))]
internal sealed partial class TaggingJsonContext : JsonSerializerContext;
