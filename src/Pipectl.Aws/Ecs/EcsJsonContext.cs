using System.Text.Json.Serialization;

namespace Pipectl.Aws.Ecs;

/// <summary>Source-generated (AOT-safe) JSON metadata of the ECS shapes: camelCase members.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeClustersRequest))]
[JsonSerializable(typeof(DescribeClustersReply))]
[JsonSerializable(typeof(DescribeServicesRequest))]
[JsonSerializable(typeof(DescribeServicesReply))]
[JsonSerializable(typeof(DescribeTaskDefinitionRequest))]
[JsonSerializable(typeof(DescribeTaskDefinitionReply))]
internal sealed partial class EcsJsonContext : JsonSerializerContext;
