using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodePipeline;

/// <summary>pipectl's own CodePipeline client (JSON 1.1, target prefix CodePipeline_20150709, signed as "codepipeline").</summary>
public class CodePipelineClient(AWSCredentials credentials, PipectlClientConfig<CodePipelineFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CodePipelineFacts>(credentials, config, CodePipelineFacts.TargetPrefix, counter)
{
    private static CodePipelineJsonContext Json => CodePipelineJsonContext.Default;

    /// <summary>Creates a pipeline (which starts its first execution); <c>PipelineNameInUseException</c> (exists) when taken.</summary>
    public virtual Task<CreatePipelineReply> CreatePipelineAsync(CreatePipelineRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreatePipeline", request, Json.CreatePipelineRequest, Json.CreatePipelineReply, cancellationToken);

    /// <summary>A pipeline's structure and metadata; <c>PipelineNotFoundException</c> (not found) when there is none.</summary>
    public virtual Task<GetPipelineReply> GetPipelineAsync(string name, int? version = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetPipeline", new GetPipelineRequest(name, version), Json.GetPipelineRequest, Json.GetPipelineReply, cancellationToken);

    /// <summary>Replaces a pipeline's structure.</summary>
    public virtual Task<UpdatePipelineReply> UpdatePipelineAsync(PipelineDeclaration pipeline, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("UpdatePipeline", new UpdatePipelineRequest(pipeline), Json.UpdatePipelineRequest, Json.UpdatePipelineReply, cancellationToken);

    /// <summary>Deletes a pipeline.</summary>
    public virtual Task DeletePipelineAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeletePipeline", new PipelineNameRequest(name), Json.PipelineNameRequest, Json.JsonElement, cancellationToken);

    /// <summary>The state of every stage and action (including pending approval tokens).</summary>
    public virtual Task<PipelineStateReply> GetPipelineStateAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetPipelineState", new PipelineNameRequest(name), Json.PipelineNameRequest, Json.PipelineStateReply, cancellationToken);

    /// <summary>Starts an execution with the latest source revisions.</summary>
    public virtual Task<StartPipelineExecutionReply> StartPipelineExecutionAsync(string name, string? clientRequestToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("StartPipelineExecution", new StartPipelineExecutionRequest(name, clientRequestToken), Json.StartPipelineExecutionRequest, Json.StartPipelineExecutionReply, cancellationToken);

    /// <summary>One page of a pipeline's executions, newest first; pass the previous page's NextToken for the next.</summary>
    public virtual Task<ListPipelineExecutionsReply> ListPipelineExecutionsAsync(string pipelineName, int? maxResults = null, string? nextToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListPipelineExecutions", new ListPipelineExecutionsRequest(pipelineName, maxResults, nextToken), Json.ListPipelineExecutionsRequest, Json.ListPipelineExecutionsReply, cancellationToken);

    /// <summary>One page of action executions, newest first (of one pipeline execution with a filter): which build an execution ran.</summary>
    public virtual Task<ListActionExecutionsReply> ListActionExecutionsAsync(ListActionExecutionsRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListActionExecutions", request, Json.ListActionExecutionsRequest, Json.ListActionExecutionsReply, cancellationToken);

    /// <summary>Approves or rejects a pending manual approval.</summary>
    public virtual Task<PutApprovalResultReply> PutApprovalResultAsync(PutApprovalResultRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("PutApprovalResult", request, Json.PutApprovalResultRequest, Json.PutApprovalResultReply, cancellationToken);

    /// <summary>Adds or overwrites tags on a pipeline.</summary>
    public virtual Task TagResourceAsync(string resourceArn, IReadOnlyList<PipelineTag> tags, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("TagResource", new PipelineTagResourceRequest(resourceArn, tags), Json.PipelineTagResourceRequest, Json.JsonElement, cancellationToken);

    /// <summary>One page of a pipeline's tags; pass the previous page's NextToken for the next.</summary>
    public virtual Task<PipelineTagsReply> ListTagsForResourceAsync(string resourceArn, string? nextToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListTagsForResource", new PipelineListTagsRequest(resourceArn, nextToken), Json.PipelineListTagsRequest, Json.PipelineTagsReply, cancellationToken);

    /// <summary>Every tag of a pipeline, following NextToken across pages.</summary>
    public virtual async Task<IReadOnlyList<PipelineTag>> ListAllTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        var tags = new List<PipelineTag>();
        string? token = null;
        do
        {
            var page = await ListTagsForResourceAsync(resourceArn, token, cancellationToken).ConfigureAwait(false);
            tags.AddRange(page.Tags ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return tags;
    }

    /// <summary>One page of the region's pipelines; pass the previous page's NextToken for the next.</summary>
    public virtual Task<ListPipelinesReply> ListPipelinesAsync(string? nextToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListPipelines", new ListPipelinesRequest(nextToken), Json.ListPipelinesRequest, Json.ListPipelinesReply, cancellationToken);

    /// <summary>Every pipeline of the region, following NextToken across pages.</summary>
    public virtual async Task<IReadOnlyList<PipelineSummary>> ListAllPipelinesAsync(CancellationToken cancellationToken = default)
    {
        var pipelines = new List<PipelineSummary>();
        string? token = null;
        do
        {
            var page = await ListPipelinesAsync(token, cancellationToken).ConfigureAwait(false);
            pipelines.AddRange(page.Pipelines ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return pipelines;
    }
}
