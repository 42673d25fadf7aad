using System.Text.Json;
using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>pipectl approve</c> and <c>pipectl reject</c> end to end: the waiting approval is found by its token in
/// the stage "Release" (not "Approval"), and PutApprovalResult carries that token, stage, action and the
/// comment, checked against the botocore model.
/// </summary>
public sealed class ApprovalCliTests
{
    [Theory]
    [InlineData("approve", "Approved", "Looks good on staging")]
    [InlineData("reject", "Rejected", "Header is broken on mobile")]
    public async Task Decision_sends_the_right_token_stage_action_and_comment(string verb, string wireStatus, string comment)
    {
        var script = Pipeline(PipelineReplies.StatePendingApproval(), PipelineReplies.Executions("InProgress"))
            .On("PutApprovalResult", """{"approvedAt":1700000800.5}""");
        using var server = script.Serve();

        var run = await RunAsync(server, verb, "--name", "demo", "--comment", comment, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["GetPipelineState", "ListPipelineExecutions", "PutApprovalResult"], Operations(server));
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codepipeline", "PutApprovalResult", request);
        Assert.Equal(
            $$"""{"pipelineName":"demo-pipeline","stageName":"Release","actionName":"SignOff","result":{"summary":"{{comment}}","status":"{{wireStatus}}"},"token":"{{PipelineReplies.ApprovalToken}}"}""",
            request.BodyText);
        var json = run.Json;
        Assert.Equal(verb, json.GetProperty("command").GetString());
        Assert.Equal("Release", json.GetProperty("stage").GetString());
        Assert.Equal("SignOff", json.GetProperty("action").GetString());
        Assert.Equal(verb == "approve" ? "approved" : "rejected", json.GetProperty("result").GetString());
        Assert.DoesNotContain(PipelineReplies.ApprovalToken, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_without_a_comment_records_a_default_summary_and_says_what_it_did()
    {
        var script = Pipeline(PipelineReplies.StatePendingApproval(), PipelineReplies.Executions("InProgress"))
            .On("PutApprovalResult", """{"approvedAt":1700000800}""");
        using var server = script.Serve();

        var run = await RunAsync(server, "approve", "--name", "demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("approved Release/SignOff of demo-pipeline: Approved with pipectl\n", run.Stdout);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        Assert.Equal("Approved with pipectl", body.RootElement.GetProperty("result").GetProperty("summary").GetString());
        ModelAssert.JsonRequestConforms("codepipeline", "PutApprovalResult", server.LastRequest);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task No_pending_approval_exits_1_with_one_line_and_sends_nothing(string verb)
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, verb, "--name", "demo", "--comment", "ship it");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("pipectl: no approval is waiting in demo-pipeline: nothing was sent.", line);
        Assert.DoesNotContain("PutApprovalResult", Operations(server));
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task No_pending_approval_as_json_carries_an_error_in_the_one_document()
    {
        using var server = Pipeline(PipelineReplies.StateSucceeded(), PipelineReplies.Executions("Succeeded")).Serve();

        var run = await RunAsync(server, "approve", "--name", "demo", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("NoPendingApproval", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("PutApprovalResult", Operations(server));
    }

    [Fact]
    public async Task Dry_run_finds_the_approval_but_sends_no_decision()
    {
        using var server = Pipeline(PipelineReplies.StatePendingApproval(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "reject", "--name", "demo", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would reject Release/SignOff of demo-pipeline", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["GetPipelineState", "ListPipelineExecutions"], Operations(server));
    }

    [Fact]
    public async Task A_comment_longer_than_AWS_accepts_exits_2_before_anything_is_sent()
    {
        using var server = Pipeline(PipelineReplies.StatePendingApproval(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "approve", "--name", "demo", "--comment", new string('x', 513));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--comment: 513 characters, at most 512", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
