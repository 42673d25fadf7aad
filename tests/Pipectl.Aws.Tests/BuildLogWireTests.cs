using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Logs;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

/// <summary>The calls that find a build and read its log: CloudWatch Logs GetLogEvents, CodeBuild BatchGetBuilds, CodePipeline ListActionExecutions, CodeCommit ListBranches.</summary>
public sealed class BuildLogWireTests
{
    private const string BuildId = "demo-build:0b7bd3e8-1111-2222-3333-444455556666";

    [Fact]
    public async Task GetLogEvents_conforms_is_signed_for_logs_and_reads_the_events()
    {
        using var server = new WireServer().Reply(WireReply.Json("""
            {"events":[{"timestamp":1700000000123,"message":"[Container] Entering phase BUILD\n","ingestionTime":1700000000200},
                       {"timestamp":1700000001000,"message":"npm test\n","ingestionTime":1700000001100}],
             "nextForwardToken":"f/123","nextBackwardToken":"b/001"}
            """));
        using var session = WireSession.For(server);

        var reply = await session.Logs.GetLogEventsAsync(new GetLogEventsRequest("/aws/codebuild/demo-build", "0b7bd3e8-1111", StartFromHead: true, NextToken: "f/100"));

        Assert.Equal(2, reply.Events!.Count);
        Assert.Equal(1700000000123, reply.Events[0].Timestamp);
        Assert.Equal("npm test\n", reply.Events[1].Message);
        Assert.Equal("f/123", reply.NextForwardToken);
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("logs", "GetLogEvents", request);
        ModelAssert.SignedFor(request, "logs", "eu-west-2");
        Assert.Equal("Logs_20140328.GetLogEvents", request.Target);
        Assert.Equal("""{"logGroupName":"/aws/codebuild/demo-build","logStreamName":"0b7bd3e8-1111","startFromHead":true,"nextToken":"f/100"}""", request.BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task A_missing_log_stream_is_a_typed_not_found_naming_the_log_group()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ResourceNotFoundException", "The specified log stream does not exist."));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Logs.GetLogEventsAsync(new GetLogEventsRequest("/aws/codebuild/demo-build", "gone", Limit: 10)));

        Assert.Equal(new AwsFailedRequest("CloudWatch Logs", "GetLogEvents", "log group /aws/codebuild/demo-build", "logs"), e.Request);
        Assert.Equal("logs:GetLogEvents", e.Request!.IamAction);
        ModelAssert.JsonRequestConforms("logs", "GetLogEvents", server.LastRequest);
    }

    [Fact]
    public async Task BatchGetBuilds_conforms_and_reads_where_the_log_is()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""
            {"builds":[{"id":"{{BuildId}}","arn":"arn:aws:codebuild:eu-west-2:123456789012:build/{{BuildId}}","projectName":"demo-build",
              "buildStatus":"FAILED","currentPhase":"COMPLETED","buildComplete":true,"startTime":1700000000.5,"endTime":1700000100.25,
              "phases":[{"phaseType":"BUILD","phaseStatus":"FAILED","contexts":[{"statusCode":"COMMAND_EXECUTION_ERROR","message":"Error while executing command: npm test. Reason: exit status 1"}]}],
              "logs":{"groupName":"/aws/codebuild/demo-build","streamName":"0b7bd3e8-1111-2222-3333-444455556666","deepLink":"https://console.aws.amazon.com/cloudwatch/home?region=eu-west-2#logEvent:group=/aws/codebuild/demo-build;stream=0b7bd3e8"} }],
             "buildsNotFound":[]}
            """));
        using var session = WireSession.For(server);

        var reply = await session.CodeBuild.BatchGetBuildsAsync([BuildId]);

        var build = Assert.Single(reply.Builds!);
        Assert.Equal("FAILED", build.BuildStatus);
        Assert.True(build.BuildComplete);
        Assert.Equal("/aws/codebuild/demo-build", build.Logs!.GroupName);
        Assert.Equal("COMMAND_EXECUTION_ERROR", build.Phases![0].Contexts![0].StatusCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000100250), build.EndTime);
        ModelAssert.JsonRequestConforms("codebuild", "BatchGetBuilds", server.LastRequest);
        Assert.Equal($$"""{"ids":["{{BuildId}}"]}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task ListActionExecutions_conforms_with_the_execution_filter_and_reads_the_build_id()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""
            {"actionExecutionDetails":[{"pipelineExecutionId":"e-1","actionExecutionId":"a-1","pipelineVersion":1,"stageName":"Build","actionName":"Build",
              "startTime":1700000000.5,"lastUpdateTime":1700000100.5,"status":"Failed",
              "input":{"actionTypeId":{"category":"Build","owner":"AWS","provider":"CodeBuild","version":"1"},"configuration":{"ProjectName":"demo-build"} },
              "output":{"executionResult":{"externalExecutionId":"{{BuildId}}","externalExecutionSummary":"Build terminated with state: FAILED"} } }]}
            """));
        using var session = WireSession.For(server);

        var reply = await session.CodePipeline.ListActionExecutionsAsync(new CodePipeline.ListActionExecutionsRequest("demo-pipeline", new CodePipeline.ActionExecutionFilter("e-1")));

        var detail = Assert.Single(reply.ActionExecutionDetails!);
        Assert.Equal("CodeBuild", detail.Input!.ActionTypeId!.Provider);
        Assert.Equal(BuildId, detail.Output!.ExecutionResult!.ExternalExecutionId);
        ModelAssert.JsonRequestConforms("codepipeline", "ListActionExecutions", server.LastRequest);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        Assert.Equal("e-1", body.RootElement.GetProperty("filter").GetProperty("pipelineExecutionId").GetString());
    }

    [Fact]
    public async Task ListBranches_conforms_and_pages()
    {
        using var server = new WireServer().Reply(
            WireReply.Json("""{"branches":["main","dev"],"nextToken":"t2"}"""),
            WireReply.Json("""{"branches":["release"]}"""));
        using var session = WireSession.For(server);

        var count = await new Pipectl.Aws.Operations.StackContents(session.CodeCommit, session.S3).CountBranchesAsync("demo", CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(2, server.Requests.Count);
        ModelAssert.JsonRequestConforms("codecommit", "ListBranches", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codecommit", "ListBranches", server.Requests[1]);
        Assert.Equal("""{"repositoryName":"demo","nextToken":"t2"}""", server.Requests[1].BodyText);
    }

    [Fact]
    public async Task An_html_error_page_names_the_operation_and_says_the_endpoint_lacks_it()
    {
        // Every attempt gets the page (a 500 is retried).
        using var server = new WireServer { Responder = _ => new WireReply(500, "<!doctype html><title>500 Internal Server Error</title>", "text/html; charset=utf-8") };
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsApiException>(() => session.CodeCommit.GetBranchAsync("demo", "main"));

        Assert.True(e.HtmlReply);
        var line = AwsFailureText.Describe(e)!;
        Assert.StartsWith("CodeCommit GetBranch on repository demo failed: Http500 (HTTP 500, request id ", line);
        Assert.Contains("the endpoint answered with an HTML page", line);
        Assert.EndsWith("Hint: the endpoint does not seem to implement CodeCommit GetBranch (an emulator without it answers this way); check --endpoint-url.", line);
    }
}
