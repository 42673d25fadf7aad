using System.Text.Json;
using System.Text.Json.Serialization;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodeBuild;

/// <summary>Source-generated (AOT-safe) JSON metadata of the CodeBuild shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(AwsTimestampConverter)])]
[JsonSerializable(typeof(CreateProjectRequest))]
[JsonSerializable(typeof(UpdateProjectRequest))]
[JsonSerializable(typeof(ProjectReply))]
[JsonSerializable(typeof(BatchGetProjectsRequest))]
[JsonSerializable(typeof(BatchGetProjectsReply))]
[JsonSerializable(typeof(DeleteProjectRequest))]
[JsonSerializable(typeof(BatchGetBuildsRequest))]
[JsonSerializable(typeof(BatchGetBuildsReply))]
[JsonSerializable(typeof(CreateReportGroupRequest))]
[JsonSerializable(typeof(UpdateReportGroupRequest))]
[JsonSerializable(typeof(ReportGroupReply))]
[JsonSerializable(typeof(BatchGetReportGroupsRequest))]
[JsonSerializable(typeof(BatchGetReportGroupsReply))]
[JsonSerializable(typeof(DeleteReportGroupRequest))]
[JsonSerializable(typeof(BatchGetReportsRequest))]
[JsonSerializable(typeof(BatchGetReportsReply))]
[JsonSerializable(typeof(DescribeTestCasesRequest))]
[JsonSerializable(typeof(DescribeTestCasesReply))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CodeBuildJsonContext : JsonSerializerContext;
