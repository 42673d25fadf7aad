using System.Text.Json;
using System.Text.Json.Serialization;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodeCommit;

/// <summary>Source-generated (AOT-safe) JSON metadata of the CodeCommit shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(AwsTimestampConverter)])]
[JsonSerializable(typeof(CreateRepositoryRequest))]
[JsonSerializable(typeof(RepositoryNameRequest))]
[JsonSerializable(typeof(RepositoryMetadataReply))]
[JsonSerializable(typeof(DeleteRepositoryReply))]
[JsonSerializable(typeof(GetBranchRequest))]
[JsonSerializable(typeof(GetBranchReply))]
[JsonSerializable(typeof(CreateCommitRequest))]
[JsonSerializable(typeof(CreateCommitReply))]
[JsonSerializable(typeof(CodeCommitTagResourceRequest))]
[JsonSerializable(typeof(CodeCommitListTagsRequest))]
[JsonSerializable(typeof(CodeCommitTagsReply))]
[JsonSerializable(typeof(ListBranchesRequest))]
[JsonSerializable(typeof(ListBranchesReply))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CodeCommitJsonContext : JsonSerializerContext;
