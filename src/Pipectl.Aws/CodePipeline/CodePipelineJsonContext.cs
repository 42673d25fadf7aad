using System.Text.Json;
using System.Text.Json.Serialization;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodePipeline;

/// <summary>Source-generated (AOT-safe) JSON metadata of the CodePipeline shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(AwsTimestampConverter)])]
[JsonSerializable(typeof(CreatePipelineRequest))]
[JsonSerializable(typeof(CreatePipelineReply))]
[JsonSerializable(typeof(GetPipelineRequest))]
[JsonSerializable(typeof(GetPipelineReply))]
[JsonSerializable(typeof(UpdatePipelineRequest))]
[JsonSerializable(typeof(UpdatePipelineReply))]
[JsonSerializable(typeof(PipelineNameRequest))]
[JsonSerializable(typeof(PipelineStateReply))]
[JsonSerializable(typeof(StartPipelineExecutionRequest))]
[JsonSerializable(typeof(StartPipelineExecutionReply))]
[JsonSerializable(typeof(ListPipelineExecutionsRequest))]
[JsonSerializable(typeof(ListPipelineExecutionsReply))]
[JsonSerializable(typeof(PutApprovalResultRequest))]
[JsonSerializable(typeof(PutApprovalResultReply))]
[JsonSerializable(typeof(PipelineTagResourceRequest))]
[JsonSerializable(typeof(PipelineListTagsRequest))]
[JsonSerializable(typeof(PipelineTagsReply))]
[JsonSerializable(typeof(ListPipelinesRequest))]
[JsonSerializable(typeof(ListPipelinesReply))]
[JsonSerializable(typeof(ListActionExecutionsRequest))]
[JsonSerializable(typeof(ListActionExecutionsReply))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CodePipelineJsonContext : JsonSerializerContext;
