using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Operate;

namespace Pipectl.IntegrationTests.Errors;

/// <summary>Every verb with --output json prints one JSON document with an error (status included) when it fails.</summary>
public sealed class JsonErrorTests
{
    /// <summary>Every AWS request fails the same way, in its own protocol: a service fault with a request id.</summary>
    private static WireServer FailingServer() => new()
    {
        Responder = request => request.Target is null
            ? WireReply.XmlError(500, "InternalFailure", "The request processing has failed")
            : WireReply.JsonError(500, "InternalFailure", "The request processing has failed"),
    };

    public static TheoryData<string[]> Verbs => new()
    {
        { ["status", "--name", "demo"] },
        { ["start", "--name", "demo"] },
        { ["approve", "--name", "demo"] },
        { ["reject", "--name", "demo"] },
        { ["logs", "--name", "demo"] },
        { ["list"] },
        { ["doctor"] },
        { ["create-repo", "--name", "demo"] },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_failed_verb_prints_one_json_document_with_the_error_and_its_http_status(string[] args)
    {
        using var server = FailingServer();

        var run = await OperateCli.RunAsync(server, [.. args, "--output", "json"]);

        Assert.NotEqual(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(args[0], json.GetProperty("command").GetString());
        if (args[0] == "doctor")
        {
            // doctor's document is its result: each service, and an error naming the ones that failed.
            Assert.Contains("services failed", json.GetProperty("error").GetProperty("message").GetString());
            return;
        }

        var error = json.GetProperty("error");
        Assert.Equal(500, error.GetProperty("httpStatus").GetInt32());
        Assert.Equal(WireReply.RequestId, error.GetProperty("requestId").GetString());
        Assert.Equal("InternalFailure", error.GetProperty("code").GetString());
        Assert.Contains("HTTP 500", error.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task Bad_input_of_an_operator_verb_prints_the_json_error_too()
    {
        using var server = FailingServer();

        var run = await OperateCli.RunAsync(server, "status", "--output", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("BadInput", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_command_line_that_does_not_parse_still_prints_the_json_error()
    {
        var run = await CliRun.RunAsync("status", "--nmae", "demo", "--output", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("status", run.Json.GetProperty("command").GetString());
        Assert.Equal("BadInput", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("did you mean --name?", run.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_says_once_that_the_statuses_could_not_be_read_however_many_pipelines_there_are()
    {
        var script = new ScriptedCodePipeline()
            .On("GetResources", """{"ResourceTagMappingList":[""" + string.Join(',', new[] { "a", "b", "c" }.Select(p => $$"""{"ResourceARN":"arn:aws:codepipeline:us-east-1:123456789012:{{p}}-pipeline","Tags":[{"Key":"pipectl:stack","Value":"s"}]}""")) + "]}")
            .On("ListPipelineExecutions", WireReply.JsonError(400, "AccessDeniedException", "User is not authorized to perform: codepipeline:ListPipelineExecutions"));
        using var server = script.Serve();

        var run = await OperateCli.RunAsync(server, "list");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pipectl: the latest status of 3 pipelines (a-pipeline, b-pipeline, c-pipeline) could not be read: CodePipeline ListPipelineExecutions on pipeline ", line);
        Assert.Contains("Hint: allow codepipeline:ListPipelineExecutions for the caller", line);
        Assert.Equal(3, run.Stdout.Split('\n').Count(l => l.Contains("unknown", StringComparison.Ordinal)));
    }
}
