using System.Text.Json.Serialization;

namespace Pipectl.Aws.Logs;

/// <summary>Source-generated (AOT-safe) JSON metadata of the CloudWatch Logs shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetLogEventsRequest))]
[JsonSerializable(typeof(GetLogEventsReply))]
internal sealed partial class CloudWatchLogsJsonContext : JsonSerializerContext;
