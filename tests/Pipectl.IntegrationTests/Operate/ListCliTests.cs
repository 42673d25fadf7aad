using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary><c>pipectl list</c> end to end against a loopback tagging API, CodePipeline and STS.</summary>
public sealed class ListCliTests
{
    [Fact]
    public async Task Lists_the_tagged_pipelines_with_their_latest_status()
    {
        using var server = new WireServer
        {
            Responder = request => ScriptedCodePipeline.Operation(request) switch
            {
                null when ScriptedCodePipeline.IsCallerIdentity(request) => ScriptedCodePipeline.CallerIdentity,
                "GetResources" => WireReply.Json("""{"ResourceTagMappingList":[{"ResourceARN":"arn:aws:codepipeline:us-east-1:123456789012:web-pipeline","Tags":[{"Key":"pipectl:stack","Value":"web"}]}]}"""),
                "ListPipelineExecutions" => WireReply.Json(PipelineReplies.Executions("Succeeded")),
                var other => WireReply.JsonError(400, "ValidationException", $"unexpected {other}"),
            },
        };

        var json = await CliRun.RunAsync("list", "--endpoint-url", server.Url, "--region", "us-east-1", "--output", "json");
        var text = await CliRun.RunAsync("list", "--endpoint-url", server.Url, "--region", "us-east-1");

        Assert.True(json.ExitCode == 0, json.Stderr);
        var stack = Assert.Single(json.Json.GetProperty("stacks").EnumerateArray());
        Assert.Equal("web", stack.GetProperty("stack").GetString());
        Assert.Equal("web-pipeline", stack.GetProperty("pipeline").GetString());
        Assert.Equal("Succeeded", stack.GetProperty("latestStatus").GetString());
        // Two runs (JSON, text): one GetResources page each.
        Assert.Equal(2, server.Requests.Count(r => ScriptedCodePipeline.Operation(r) == "GetResources" && r.BodyText.Contains("\"pipectl:stack\"", StringComparison.Ordinal)));
        Assert.All(server.Requests.Where(r => r.Target is not null), r => ModelAssert.JsonRequestConforms(ScriptedCodePipeline.Operation(r) == "GetResources" ? "resourcegroupstaggingapi" : "codepipeline", ScriptedCodePipeline.Operation(r)!, r));
        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"(?m)^STACK\s+PIPELINE\s+LATEST\n^web\s+web-pipeline\s+Succeeded$", text.Stdout);
    }
}
