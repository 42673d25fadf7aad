using Pipectl.Aws.CodePipeline;
using Pipectl.Core.Operations;

namespace Pipectl.Aws.Operations;

/// <summary>
/// What an operator does to one pipeline: read where it stands, start an execution, and decide on a waiting
/// manual approval. Reads are GetPipelineState plus one page of ListPipelineExecutions.
/// </summary>
public class PipelineOperations(CodePipelineClient client)
{
    /// <summary>How many of the newest executions a look reads: enough to find one that was just started.</summary>
    public const int RecentExecutionCount = 10;

    /// <summary>Approval status words of PutApprovalResult.</summary>
    private const string Approved = "Approved";
    private const string Rejected = "Rejected";

    /// <summary>The pipeline's stages, actions and newest executions (two read calls).</summary>
    public virtual async Task<PipelineStatus> ReadStatusAsync(string pipelineName, CancellationToken cancellationToken)
    {
        var state = await client.GetPipelineStateAsync(pipelineName, cancellationToken).ConfigureAwait(false);
        var executions = await client.ListPipelineExecutionsAsync(pipelineName, RecentExecutionCount, cancellationToken: cancellationToken).ConfigureAwait(false);
        return PipelineStatusMapper.ToStatus(pipelineName, state, executions.PipelineExecutionSummaries ?? []);
    }

    /// <summary>Starts an execution with the latest source revisions and returns its id.</summary>
    public virtual async Task<string> StartAsync(string pipelineName, CancellationToken cancellationToken)
    {
        var reply = await client.StartPipelineExecutionAsync(pipelineName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return reply.PipelineExecutionId ?? throw new InvalidOperationException($"StartPipelineExecution of {pipelineName} returned no execution id.");
    }

    /// <summary>Sends the decision on <paramref name="approval"/> with its token; returns when AWS recorded it.</summary>
    public virtual async Task<DateTimeOffset?> DecideAsync(string pipelineName, PendingApproval approval, ApprovalDecision decision, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var status = decision == ApprovalDecision.Approve ? Approved : Rejected;
        var request = new PutApprovalResultRequest(pipelineName, approval.StageName, approval.ActionName, new ApprovalResult(summary, status), approval.Token);
        var reply = await client.PutApprovalResultAsync(request, cancellationToken).ConfigureAwait(false);
        return reply.ApprovedAt;
    }
}
