using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodeBuild;

/// <summary>pipectl's own CodeBuild client (JSON 1.1, target prefix CodeBuild_20161006, signed as "codebuild").</summary>
public class CodeBuildClient(AWSCredentials credentials, PipectlClientConfig<CodeBuildFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CodeBuildFacts>(credentials, config, CodeBuildFacts.TargetPrefix, counter)
{
    private static CodeBuildJsonContext Json => CodeBuildJsonContext.Default;

    /// <summary>Creates a project; <c>ResourceAlreadyExistsException</c> (exists) when the name is taken.</summary>
    public virtual Task<ProjectReply> CreateProjectAsync(CreateProjectRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreateProject", request, Json.CreateProjectRequest, Json.ProjectReply, cancellationToken);

    /// <summary>Changes the members of a project that the request sets.</summary>
    public virtual Task<ProjectReply> UpdateProjectAsync(UpdateProjectRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("UpdateProject", request, Json.UpdateProjectRequest, Json.ProjectReply, cancellationToken);

    /// <summary>Reads up to 100 projects by name; missing names are listed in ProjectsNotFound (not an error).</summary>
    public virtual Task<BatchGetProjectsReply> BatchGetProjectsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("BatchGetProjects", new BatchGetProjectsRequest(names), Json.BatchGetProjectsRequest, Json.BatchGetProjectsReply, cancellationToken);

    /// <summary>Deletes a project.</summary>
    public virtual Task DeleteProjectAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteProject", new DeleteProjectRequest(name), Json.DeleteProjectRequest, Json.JsonElement, cancellationToken);

    /// <summary>Creates a report group; <c>ResourceAlreadyExistsException</c> (exists) when the name is taken.</summary>
    public virtual Task<ReportGroupReply> CreateReportGroupAsync(CreateReportGroupRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreateReportGroup", request, Json.CreateReportGroupRequest, Json.ReportGroupReply, cancellationToken);

    /// <summary>Reads up to 100 report groups by ARN; missing ARNs are listed in ReportGroupsNotFound (not an error).</summary>
    public virtual Task<BatchGetReportGroupsReply> BatchGetReportGroupsAsync(IReadOnlyList<string> arns, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("BatchGetReportGroups", new BatchGetReportGroupsRequest(arns), Json.BatchGetReportGroupsRequest, Json.BatchGetReportGroupsReply, cancellationToken);

    /// <summary>Changes a report group's export settings and replaces its tags.</summary>
    public virtual Task<ReportGroupReply> UpdateReportGroupAsync(UpdateReportGroupRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("UpdateReportGroup", request, Json.UpdateReportGroupRequest, Json.ReportGroupReply, cancellationToken);

    /// <summary>Deletes a report group, with its reports when <paramref name="deleteReports"/>.</summary>
    public virtual Task DeleteReportGroupAsync(string arn, bool deleteReports, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteReportGroup", new DeleteReportGroupRequest(arn, deleteReports), Json.DeleteReportGroupRequest, Json.JsonElement, cancellationToken);

    /// <summary>Reads up to 100 reports by ARN (a build's reportArns); missing ones are listed in ReportsNotFound.</summary>
    public virtual Task<BatchGetReportsReply> BatchGetReportsAsync(IReadOnlyList<string> arns, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("BatchGetReports", new BatchGetReportsRequest(arns), Json.BatchGetReportsRequest, Json.BatchGetReportsReply, cancellationToken);

    /// <summary>One page of a report's test cases.</summary>
    public virtual Task<DescribeTestCasesReply> DescribeTestCasesAsync(DescribeTestCasesRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DescribeTestCases", request, Json.DescribeTestCasesRequest, Json.DescribeTestCasesReply, cancellationToken);

    /// <summary>Reads up to 100 builds by id; missing ids are listed in BuildsNotFound (not an error).</summary>
    public virtual Task<BatchGetBuildsReply> BatchGetBuildsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("BatchGetBuilds", new BatchGetBuildsRequest(ids), Json.BatchGetBuildsRequest, Json.BatchGetBuildsReply, cancellationToken);
}
