using System.Diagnostics;
using Amazon.S3.Model;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Issues 28 and 29 on the questions: only the exact word <c>yes</c> goes on (a <c>y</c> writes nothing); whether to
/// ask depends on stdin being a terminal, not stdout (<c>bootstrap | tee log</c> asks); Ctrl-C at a question exits 130
/// at once with nothing written. The Ctrl-C cases run the built pipectl on a pseudo-terminal (pty_prompt.py): ^C goes
/// through the terminal's line discipline as a person's does, and nothing else is typed after it.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class TerminalPromptTests(MotoServer moto)
{
    private static string UniqueStack() => "tp" + Guid.NewGuid().ToString("N")[..8];

    private string[] Args(params string[] args) => [.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1"];

    private Task<CliRun> OnTerminal(string answer, params string[] args) => CliRun.OnTerminalAsync(answer, Args(args));

    [Fact]
    public async Task Y_and_other_near_yeses_at_teardowns_question_delete_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-buckets", "--name", stack))).ExitCode);

        foreach (var answer in new[] { "y", "Y", "YES", "Yes", "yes please" })
        {
            var run = await OnTerminal(answer, "teardown", "--name", stack);

            Assert.True(run.ExitCode == 1, $"{answer}: {run.Stderr}");
            Assert.Contains("not confirmed: nothing was deleted", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Stdout);
        }

        var json = await OnTerminal("no", "teardown", "--name", stack, "--output", "json");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("NotConfirmed", json.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(json.Json.GetProperty("resources").EnumerateArray());

        using var session = TestSessions.For(moto);
        await session.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = $"{stack}-site-123456789012-us-east-1" });
        var yes = await OnTerminal("yes", "teardown", "--name", stack);
        Assert.True(yes.ExitCode == 0, yes.Stderr);
    }

    [Fact]
    public async Task A_y_at_the_widening_question_writes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-repo", "--name", stack))).ExitCode);

        var run = await OnTerminal("y", "bootstrap", "--name", stack, "--output", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Apply these permission changes?", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("NotConfirmed", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    /// <summary>The question before a bootstrap removes parts the stack no longer has takes exactly yes too (it took y before the engine left the CLI).</summary>
    [Fact]
    public async Task A_y_at_the_removal_question_changes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("bootstrap", "--name", stack, "--test-buildspec", RepositoryRoot.Of("samples/node-app/buildspec-test.yml")))).ExitCode);

        var run = await OnTerminal("y", "bootstrap", "--name", stack, "--no-test-stage", "--output", "json");

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Equal("NotConfirmed", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        Assert.Contains("no longer has these", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not confirmed: nothing was changed", run.Stderr, StringComparison.Ordinal);
        var plan = await CliRun.RunAsync(Args("plan", "--name", stack, "--no-test-stage", "--output", "json"));
        Assert.Contains(plan.Json.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == $"{stack}-test" && r.GetProperty("action").GetString() == "would-delete");
    }

    [Fact]
    public async Task The_widening_question_says_that_the_site_type_changes()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("bootstrap", "--name", stack))).ExitCode);

        var run = await OnTerminal("no", "bootstrap", "--name", stack, "--site", "cloudfront", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the site type changes: S3 website -> CloudFront", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Apply these permission changes?", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    [Fact]
    public async Task Ctrl_c_at_teardowns_question_on_a_terminal_exits_130_and_deletes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-buckets", "--name", stack))).ExitCode);

        var (result, transcript) = await OnPseudoTerminal("ctrl-c", stdoutPiped: false, "teardown", "--name", stack);

        Assert.True(result == "EXIT 130", transcript);
        using var session = TestSessions.For(moto);
        await session.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = $"{stack}-site-123456789012-us-east-1" });
        Assert.Equal(0, (await CliRun.RunAsync(Args("teardown", "--name", stack, "--yes"))).ExitCode);
    }

    [Fact]
    public async Task Ctrl_c_at_the_widening_question_on_a_terminal_exits_130_and_writes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-repo", "--name", stack))).ExitCode);

        var (result, transcript) = await OnPseudoTerminal("ctrl-c", stdoutPiped: false, "bootstrap", "--name", stack);

        Assert.True(result == "EXIT 130", transcript);
        Assert.Contains("Apply these permission changes?", transcript, StringComparison.Ordinal);
        var plan = await CliRun.RunAsync(Args("plan", "--name", stack, "--output", "json"));
        var role = plan.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"{stack}-codebuild-role");
        Assert.Equal("would-create", role.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Bootstrap_piped_into_tee_on_a_terminal_still_asks_and_a_no_writes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-repo", "--name", stack))).ExitCode);

        var (result, transcript) = await OnPseudoTerminal("no", stdoutPiped: true, "bootstrap", "--name", stack);

        Assert.True(result == "EXIT 1", transcript);
        Assert.Contains("Apply these permission changes?", transcript, StringComparison.Ordinal);
        var plan = await CliRun.RunAsync(Args("plan", "--name", stack, "--output", "json"));
        var role = plan.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"{stack}-codebuild-role");
        Assert.Equal("would-create", role.GetProperty("action").GetString());
    }

    /// <summary>Runs the built pipectl on a pseudo-terminal, pressing <paramref name="key"/> at its question.</summary>
    private async Task<(string Result, string Transcript)> OnPseudoTerminal(string key, bool stdoutPiped, params string[] args)
    {
        var home = Directory.CreateTempSubdirectory("pipectl-pty-").FullName;
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Cli", "pty_prompt.py");
            string[] driver = [script, .. stdoutPiped ? ["--stdout-pipe"] : Array.Empty<string>(), key, "dotnet", Path.Combine(AppContext.BaseDirectory, "pipectl.dll"), .. Args(args)];
            var start = Faults.CliChild.StartInfo(moto.Python, driver, home);
            start.Environment["TERM"] = "xterm";
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            var text = await output;
            var first = text.Split('\n', 2)[0].Trim();
            return (first, text + await errors);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
