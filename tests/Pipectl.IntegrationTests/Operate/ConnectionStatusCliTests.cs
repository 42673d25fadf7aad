using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary><c>pipectl status -f</c> of a stack whose <c>source:</c> is GitHub shows the connection's state.</summary>
public sealed class ConnectionStatusCliTests
{
    private const string Prefix = "amazonaws.codeconnections.CodeConnections_20231201.";
    private const string Arn = "arn:aws:codeconnections:eu-west-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11";

    private static WireServer Serve(string connectionStatus) =>
        Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress"))
            .On(Prefix + "ListConnections", $$"""{"Connections":[{"ConnectionName":"docs-site-github","ConnectionArn":"{{Arn}}","ProviderType":"GitHub","ConnectionStatus":"{{connectionStatus}}"}]}""")
            .On(Prefix + "ListTagsForResource", """{"Tags":[]}""")
            .Serve();

    private static string Sample => Pipectl.IntegrationTests.Authoring.RepositoryRoot.Of("samples/github/pipectl.yaml");

    [Fact]
    public async Task A_pending_connection_is_shown_with_where_to_finish_it()
    {
        using var server = Serve("PENDING");

        var run = await RunAsync(server, "status", "-f", Sample);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("connection docs-site-github (GitHub)  PENDING: the source fails until it is AVAILABLE; finish it at https://console.aws.amazon.com/codesuite/settings/connections?region=eu-west-1", StringComparison.Ordinal));
        var list = server.Requests.Single(r => ScriptedCodePipeline.Operation(r) == Prefix + "ListConnections");
        ModelAssert.JsonRequestConforms("codeconnections", "ListConnections", list);
        Assert.Equal("""{"ProviderTypeFilter":"GitHub","MaxResults":100}""", list.BodyText);
    }

    [Fact]
    public async Task The_json_document_carries_the_connection()
    {
        using var server = Serve("AVAILABLE");

        var run = await RunAsync(server, "status", "-f", Sample, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var connection = run.Json.GetProperty("connection");
        Assert.Equal(("docs-site-github", Arn, "AVAILABLE"), (connection.GetProperty("name").GetString(), connection.GetProperty("arn").GetString(), connection.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_CodeCommit_stack_sends_no_connection_request()
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("connection ", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["GetPipelineState", "ListPipelineExecutions", "GetParameter"], Operations(server)); // the record, for an approval e-mail
    }
}
