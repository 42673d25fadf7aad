using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary><c>pipectl list</c> end to end against a loopback CodePipeline and STS (the account names the pipeline ARNs).</summary>
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
                "ListPipelines" => WireReply.Json("""{"pipelines":[{"name":"web-pipeline"},{"name":"hand-made"}]}"""),
                "ListTagsForResource" when request.BodyText.Contains(":web-pipeline", StringComparison.Ordinal) =>
                    WireReply.Json("""{"tags":[{"key":"pipectl:stack","value":"web"}]}"""),
                "ListTagsForResource" => WireReply.Json("""{"tags":[{"key":"team","value":"ops"}]}"""),
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
        Assert.Contains(server.Requests, r => r.BodyText == """{"resourceArn":"arn:aws:codepipeline:us-east-1:123456789012:web-pipeline"}""");
        Assert.All(server.Requests.Where(r => r.Target is not null), r => ModelAssert.JsonRequestConforms("codepipeline", ScriptedCodePipeline.Operation(r)!, r));
        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"(?m)^STACK\s+PIPELINE\s+LATEST\n^web\s+web-pipeline\s+Succeeded$", text.Stdout);
    }
}
