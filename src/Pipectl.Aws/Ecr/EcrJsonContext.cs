using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipectl.Aws.Ecr;

/// <summary>Source-generated (AOT-safe) JSON metadata of the ECR shapes: camelCase members (a tag's Key and Value are named explicitly).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRepositoryRequest))]
[JsonSerializable(typeof(RepositoryReply))]
[JsonSerializable(typeof(DescribeRepositoriesRequest))]
[JsonSerializable(typeof(DescribeRepositoriesReply))]
[JsonSerializable(typeof(EcrResourceRequest))]
[JsonSerializable(typeof(EcrTagsReply))]
[JsonSerializable(typeof(EcrTagResourceRequest))]
[JsonSerializable(typeof(PutImageScanningConfigurationRequest))]
[JsonSerializable(typeof(RepositoryNameRequest))]
[JsonSerializable(typeof(LifecyclePolicyReply))]
[JsonSerializable(typeof(PutLifecyclePolicyRequest))]
[JsonSerializable(typeof(ListImagesRequest))]
[JsonSerializable(typeof(ListImagesReply))]
[JsonSerializable(typeof(DeleteRepositoryRequest))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class EcrJsonContext : JsonSerializerContext;
