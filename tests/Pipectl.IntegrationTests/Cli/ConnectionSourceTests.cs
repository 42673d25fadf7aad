using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>A GitHub source end to end through the CLI, against moto and the launcher's CodeConnections responder.</summary>
[Collection(MotoCollection.Name)]
public sealed class ConnectionSourceTests(MotoServer moto)
{
    private static string UniqueStack() => "cs" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["bootstrap", "--name", "demo", "--source", "github:octo"], "github:octo" },
        { ["bootstrap", "--name", "demo", "--source", "svn:octo/site"], "svn:octo/site" },
        { ["bootstrap", "--name", "demo", "--source", "github:octo/site", "--connection-arn", "arn:aws:codecommit:us-east-1:123456789012:x"], "--connection-arn" },
        { ["bootstrap", "--name", "demo", "--connection-arn", "arn:aws:codeconnections:us-east-1:123456789012:connection/abc"], "--source" },
        { ["bootstrap", "--name", "demo", "--source", "github:octo/site", "--existing-repo"], "--existing-repo" },
        { ["create-pipeline", "--name", "a-long-stack-name-for-bitbucket", "--source", "bitbucket:team/site"], "32" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_source_input_exits_2_and_sends_nothing(string[] args, string named)
    {
        using var trap = new RequestTrap();
        var run = await CliRun.RunAsync([.. args, "--endpoint-url", trap.Endpoint, "--region", "us-east-1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Bootstrap_from_GitHub_makes_a_pending_connection_a_triggered_pipeline_and_no_CodeCommit_parts()
    {
        var stack = UniqueStack();
        var first = await Pipectl("bootstrap", "--name", stack, "--source", "github:octo/site");

        Assert.True(first.ExitCode == 0, first.Stderr);
        var actions = Actions(first);
        Assert.Equal(8, actions.Count);
        Assert.All(actions.Values, a => Assert.Equal("created", a));
        Assert.Equal("created", actions[$"AWS::CodeConnections::Connection {stack}-github"]);
        Assert.DoesNotContain(actions.Keys, k => k.StartsWith("AWS::CodeCommit", StringComparison.Ordinal) || k.StartsWith("AWS::Events", StringComparison.Ordinal));
        Assert.DoesNotContain($"{stack}-events-role", string.Join(" ", actions.Keys), StringComparison.Ordinal);
        Assert.Contains("https://console.aws.amazon.com/codesuite/settings/connections?region=us-east-1", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("Update pending connection", first.Stderr, StringComparison.Ordinal);
        var outputs = first.Json.GetProperty("outputs");
        var arn = outputs.GetProperty("connectionArn").GetString()!;
        Assert.Equal("PENDING", outputs.GetProperty("connectionStatus").GetString());

        using var session = TestSessions.For(moto);
        var pipeline = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!;
        var source = pipeline.Stages[0].Actions[0];
        Assert.Equal("CodeStarSourceConnection", source.ActionTypeId.Provider);
        Assert.Equal(arn, source.Configuration!["ConnectionArn"]);
        Assert.Equal("octo/site", source.Configuration["FullRepositoryId"]);
        Assert.Equal("Source", pipeline.Triggers!.Single().GitConfiguration.SourceActionName);
        var policy = (await session.Iam.GetRolePolicyAsync($"{stack}-codepipeline-role", "pipectl-least-privilege")).PolicyJson;
        Assert.Contains(arn, policy, StringComparison.Ordinal);
        Assert.Contains("codeconnections:UseConnection", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("codestar-connections:UseConnection", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("codecommit:", policy, StringComparison.Ordinal);

        var again = await Pipectl("bootstrap", "--name", stack, "--source", "github:octo/site");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.All(Actions(again).Values, a => Assert.Equal("unchanged", a));
        Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        // The account owner finishes the handshake in the console; the responder stands in for that.
        using (var http = new HttpClient())
        {
            using var body = new StringContent($$"""{"ConnectionArn":"{{arn}}","Status":"AVAILABLE"}""", System.Text.Encoding.UTF8, "application/json");
            (await http.PostAsync($"{moto.Endpoint}/_pipectl/connections/status", body)).EnsureSuccessStatusCode();
        }

        var waited = await Pipectl("bootstrap", "--name", stack, "--source", "github:octo/site", "--wait-connection");
        Assert.True(waited.ExitCode == 0, waited.Stderr);
        Assert.Equal("AVAILABLE", waited.Json.GetProperty("outputs").GetProperty("connectionStatus").GetString());
        Assert.DoesNotContain("Update pending connection", waited.Stderr, StringComparison.Ordinal);

        var kept = await Pipectl("teardown", "--name", stack, "--source", "github:octo/site", "--keep-connection", "--yes");
        Assert.True(kept.ExitCode == 0, kept.Stderr);
        Assert.Equal("kept", Actions(kept)[$"AWS::CodeConnections::Connection {stack}-github"]);
        Assert.NotNull(await session.CodeConnections.FindConnectionAsync($"{stack}-github", "GitHub"));

        var removed = await Pipectl("teardown", "--name", stack, "--source", "github:octo/site", "--yes");
        Assert.True(removed.ExitCode == 0, removed.Stderr);
        Assert.Equal("deleted", Actions(removed)[$"AWS::CodeConnections::Connection {stack}-github"]);
        Assert.Null(await session.CodeConnections.FindConnectionAsync($"{stack}-github", "GitHub"));
    }

    [Fact]
    public async Task A_connection_given_by_ARN_is_used_as_it_is_and_never_deleted()
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        var theirs = await session.CodeConnections.CreateConnectionAsync(new Pipectl.Aws.CodeConnections.CreateConnectionRequest($"{stack}-theirs", "GitHub"));

        var run = await Pipectl("create-pipeline", "--name", stack, "--source", "github:octo/site", "--connection-arn", theirs.ConnectionArn);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var pipeline = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!;
        var teardown = await Pipectl("teardown", "--name", stack, "--source", "github:octo/site", "--connection-arn", theirs.ConnectionArn, "--yes");

        Assert.Equal(theirs.ConnectionArn, pipeline.Stages[0].Actions[0].Configuration!["ConnectionArn"]);
        Assert.Equal("unchanged", Actions(run)[$"AWS::CodeConnections::Connection {theirs.ConnectionArn}"]);
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal("kept", Actions(teardown)[$"AWS::CodeConnections::Connection {theirs.ConnectionArn}"]);
        Assert.NotNull((await session.CodeConnections.GetConnectionAsync(theirs.ConnectionArn)).Connection);
    }

    [Fact]
    public async Task A_connection_of_another_provider_than_the_source_is_refused_after_the_read_before_any_write()
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        var github = await session.CodeConnections.CreateConnectionAsync(new Pipectl.Aws.CodeConnections.CreateConnectionRequest($"{stack}-gh", "GitHub"));

        var run = await Pipectl("bootstrap", "--name", stack, "--source", "gitlab:octo/site", "--connection-arn", github.ConnectionArn);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"--connection-arn {github.ConnectionArn} is a GitHub connection, but --source gitlab:octo/site needs a GitLab one", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        await Assert.ThrowsAsync<Pipectl.Aws.Errors.AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync($"{stack}-pipeline"));
    }

    [Fact]
    public async Task Doctor_lists_the_region_s_connections_with_their_state()
    {
        var name = UniqueStack() + "-gitlab";
        using var session = TestSessions.For(moto);
        await session.CodeConnections.CreateConnectionAsync(new Pipectl.Aws.CodeConnections.CreateConnectionRequest(name, "GitLab"));

        var run = await CliRun.RunAsync("doctor", "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json");
        var text = await CliRun.RunAsync("doctor", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");

        Assert.Equal(0, run.ExitCode);
        var connection = run.Json.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        Assert.Equal(("GitLab", "PENDING"), (connection.GetProperty("providerType").GetString(), connection.GetProperty("status").GetString()));
        Assert.Matches($@"(?m)^connection +{System.Text.RegularExpressions.Regex.Escape(name)} \(GitLab\) PENDING", text.Stdout);
    }

    [Fact]
    public async Task Export_declares_the_connection_and_the_push_trigger()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-export-source-");
        try
        {
            var file = Path.Combine(folder.FullName, "pipectl.yaml");
            await File.WriteAllTextAsync(file, "name: docs\nsource:\n  repository: github:octo/site\n");

            var run = await CliRun.RunAsync("export", "-f", file);

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("Type: AWS::CodeStarConnections::Connection", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("ProviderType: GitHub", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("FullRepositoryId: octo/site", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("${Connection.ConnectionArn}", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("ProviderType: CodeStarSourceConnection", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
