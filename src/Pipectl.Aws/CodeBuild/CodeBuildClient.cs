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

    /// <summary>Reads up to 100 builds by id; missing ids are listed in BuildsNotFound (not an error).</summary>
    public virtual Task<BatchGetBuildsReply> BatchGetBuildsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("BatchGetBuilds", new BatchGetBuildsRequest(ids), Json.BatchGetBuildsRequest, Json.BatchGetBuildsReply, cancellationToken);
}
