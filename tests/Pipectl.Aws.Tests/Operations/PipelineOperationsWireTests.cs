using System.Text.Json;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Operations;

namespace Pipectl.Aws.Tests.Operations;

/// <summary>
/// The operator's calls against a loopback CodePipeline (moto does not implement GetPipelineState,
/// ListPipelineExecutions, StartPipelineExecution or PutApprovalResult): documented replies in, Core's status
/// out, every request body checked against the botocore model.
/// </summary>
public sealed class PipelineOperationsWireTests
{
    [Fact]
    public async Task Status_in_progress_maps_stages_actions_and_the_latest_execution()
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StateInProgress())
            .On("ListPipelineExecutions", PipelineReplies.Executions("InProgress"));
        using var server = script.Serve();
        using var session = WireSession.For(server);

        var status = await new PipelineOperations(session.CodePipeline).ReadStatusAsync("demo-pipeline", CancellationToken.None);

        Assert.Equal("demo-pipeline", status.PipelineName);
        Assert.Equal(["Source", "Build", "Release", "Deploy"], status.Stages.Select(s => s.Name));
        Assert.Equal([PipelineStatuses.Succeeded, PipelineStatuses.InProgress, null, null], status.Stages.Select(s => s.Status));
        var source = status.Stages[0].Actions.Single();
        Assert.Equal(PipelineReplies.Commit, source.Revision);
        Assert.Equal("Update index.html", source.Summary);
        Assert.NotNull(source.LastChange);
        var build = status.Stages[1].Actions.Single();
        Assert.Equal(PipelineStatuses.InProgress, build.Status);
        Assert.Null(build.ApprovalToken);
        Assert.Null(status.Stages[3].Actions.Single().Status);
        var latest = status.LatestExecution!;
        Assert.Equal((PipelineReplies.ExecutionId, "InProgress"), (latest.Id, latest.Status));
        Assert.Equal(PipelineReplies.Commit, latest.SourceRevision);
        Assert.StartsWith("Update index.html\n", latest.SourceSummary);
        Assert.Equal(2, status.RecentExecutions.Count);
        Assert.Null(ApprovalFinder.Find(status));

        Assert.Equal(["GetPipelineState", "ListPipelineExecutions"], server.Requests.Select(ScriptedCodePipeline.Operation));
        ModelAssert.JsonRequestConforms("codepipeline", "GetPipelineState", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codepipeline", "ListPipelineExecutions", server.Requests[1]);
        Assert.Equal("""{"name":"demo-pipeline"}""", server.Requests[0].BodyText);
        Assert.Equal($$"""{"pipelineName":"demo-pipeline","maxResults":{{PipelineOperations.RecentExecutionCount}}}""", server.Requests[1].BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task Pending_approval_is_found_by_its_token_in_a_stage_not_named_Approval()
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StatePendingApproval())
            .On("ListPipelineExecutions", PipelineReplies.Executions("InProgress"));
        using var server = script.Serve();
        using var session = WireSession.For(server);

        var status = await new PipelineOperations(session.CodePipeline).ReadStatusAsync("demo-pipeline", CancellationToken.None);

        var approval = Assert.Single(ApprovalFinder.FindAll(status));
        Assert.Equal(new PendingApproval("Release", "SignOff", PipelineReplies.ApprovalToken), approval);
        Assert.DoesNotContain("Approval", approval.StageName, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PipelineReplies.OlderExecutionId, status.Stages[3].ExecutionId);
    }

    [Fact]
    public async Task Failed_execution_carries_the_error_code_and_message()
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StateFailed())
            .On("ListPipelineExecutions", PipelineReplies.Executions("Failed"));
        using var server = script.Serve();
        using var session = WireSession.For(server);

        var status = await new PipelineOperations(session.CodePipeline).ReadStatusAsync("demo-pipeline", CancellationToken.None);

        var build = status.Stages.Single(s => s.Name == "Build");
        Assert.Equal(PipelineStatuses.Failed, build.Status);
        Assert.Equal(new ActionError("JobFailed", "Build terminated with state: FAILED"), build.Actions.Single().Error);
        Assert.Equal(ExecutionOutcome.Failed, ExecutionSettlement.Classify(status.LatestExecution!.Status));
    }

    [Fact]
    public async Task Pipeline_that_never_ran_has_no_latest_execution()
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StateNeverRan())
            .On("ListPipelineExecutions", PipelineReplies.NoExecutions);
        using var server = script.Serve();
        using var session = WireSession.For(server);

        var status = await new PipelineOperations(session.CodePipeline).ReadStatusAsync("demo-pipeline", CancellationToken.None);

        Assert.Null(status.LatestExecution);
        Assert.Empty(status.RecentExecutions);
        Assert.All(status.Stages, s => Assert.Null(s.Status));
        Assert.All(status.Stages.SelectMany(s => s.Actions), a => Assert.Null(a.Status));
    }

    [Theory]
    [InlineData(ApprovalDecision.Approve, "Approved", "Looks good on staging")]
    [InlineData(ApprovalDecision.Reject, "Rejected", "Header is broken on mobile")]
    public async Task Decision_sends_the_token_stage_action_and_comment(ApprovalDecision decision, string wireStatus, string comment)
    {
        var script = new ScriptedCodePipeline().On("PutApprovalResult", """{"approvedAt":1700000800.5}""");
        using var server = script.Serve();
        using var session = WireSession.For(server);
        var approval = new PendingApproval(PipelineReplies.ApprovalStage, PipelineReplies.ApprovalAction, PipelineReplies.ApprovalToken);

        var at = await new PipelineOperations(session.CodePipeline).DecideAsync("demo-pipeline", approval, decision, comment, CancellationToken.None);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000800500), at);
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codepipeline", "PutApprovalResult", request);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("demo-pipeline", root.GetProperty("pipelineName").GetString());
        Assert.Equal("Release", root.GetProperty("stageName").GetString());
        Assert.Equal("SignOff", root.GetProperty("actionName").GetString());
        Assert.Equal(PipelineReplies.ApprovalToken, root.GetProperty("token").GetString());
        Assert.Equal(wireStatus, root.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(comment, root.GetProperty("result").GetProperty("summary").GetString());
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task Start_returns_the_execution_id_and_sends_only_the_name()
    {
        var script = new ScriptedCodePipeline().On("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{PipelineReplies.ExecutionId}}"}""");
        using var server = script.Serve();
        using var session = WireSession.For(server);

        var id = await new PipelineOperations(session.CodePipeline).StartAsync("demo-pipeline", CancellationToken.None);

        Assert.Equal(PipelineReplies.ExecutionId, id);
        ModelAssert.JsonRequestConforms("codepipeline", "StartPipelineExecution", server.LastRequest);
        Assert.Equal("""{"name":"demo-pipeline"}""", server.LastRequest.BodyText);
    }

    [Theory]
    [InlineData("Succeeded", ExecutionOutcome.Succeeded)]
    [InlineData("Failed", ExecutionOutcome.Failed)]
    [InlineData("Superseded", ExecutionOutcome.Failed)]
    public async Task Watch_over_the_wire_follows_the_execution_until_it_settles(string final, ExecutionOutcome expected)
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StateInProgress(), PipelineReplies.StateInProgress(), final == "Succeeded" ? PipelineReplies.StateSucceeded() : PipelineReplies.StateFailed())
            .On("ListPipelineExecutions", PipelineReplies.Executions("InProgress"), PipelineReplies.Executions("InProgress"), PipelineReplies.Executions(final));
        using var server = script.Serve();
        using var session = WireSession.For(server);
        var operations = new PipelineOperations(session.CodePipeline);
        var waits = 0;
        // The last scripted reply repeats: a watch that fails to see the end must fail here, not spin forever.
        var watch = new ExecutionWatch(
            t => operations.ReadStatusAsync("demo-pipeline", t),
            (_, _) => ++waits < 10 ? Task.CompletedTask : throw new InvalidOperationException("the watch did not settle"),
            TimeSpan.FromSeconds(5));

        var result = await watch.RunAsync(PipelineReplies.ExecutionId, (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(final, result.Execution!.Status);
        Assert.Equal(2, waits);
        Assert.Equal(6, server.Requests.Count);
        Assert.All(server.Requests, r => ModelAssert.JsonRequestConforms("codepipeline", ScriptedCodePipeline.Operation(r)!, r));
    }
}
