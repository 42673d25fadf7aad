using System.Text.Json;
using System.Text.Json.Serialization;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.EventBridge;

/// <summary>Source-generated (AOT-safe) JSON metadata of the EventBridge shapes; no naming policy: members are PascalCase.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(AwsTimestampConverter)])]
[JsonSerializable(typeof(PutRuleRequest))]
[JsonSerializable(typeof(PutRuleReply))]
[JsonSerializable(typeof(RuleNameRequest))]
[JsonSerializable(typeof(DescribeRuleReply))]
[JsonSerializable(typeof(PutTargetsRequest))]
[JsonSerializable(typeof(PutTargetsReply))]
[JsonSerializable(typeof(ListTargetsByRuleRequest))]
[JsonSerializable(typeof(ListTargetsByRuleReply))]
[JsonSerializable(typeof(RemoveTargetsRequest))]
[JsonSerializable(typeof(RemoveTargetsReply))]
[JsonSerializable(typeof(EventBridgeTagResourceRequest))]
[JsonSerializable(typeof(EventBridgeListTagsRequest))]
[JsonSerializable(typeof(EventBridgeTagsReply))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
