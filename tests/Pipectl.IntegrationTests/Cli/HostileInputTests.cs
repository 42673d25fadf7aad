using System.Diagnostics;
using Pipectl.IntegrationTests.Authoring;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Hostile input from issue 12, each tried end to end: exit 2, one line naming the value and the rule, and not
/// one request sent (a loopback trap counts connections). A FIFO or a device must fail at once, never hang: a
/// run that has not finished after a minute fails the test instead of stalling the suite.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    public static TheoryData<string[], string> Cases() => new()
    {
        { ["bootstrap", "--name", "demo", "--pipeline-name", "nlx-pipe\n"], "--pipeline-name" },
        { ["bootstrap", "--name", "demo", "--rule-name", "rule\n"], "--rule-name" },
        { ["bootstrap", "--name", "demo", "--build-role-name", "role\n"], "--build-role-name" },
        { ["bootstrap", "--name", "demo", "--build-project-name", "project\n"], "--build-project-name" },
        { ["bootstrap", "--name", "demo", "--repository-name", "repo\n"], "--repository-name" },
        { ["bootstrap", "--name", "demo", "--approval-topic-name", "topic\n", "--approval-email", "ops@example.com"], "--approval-topic-name" },
        { ["bootstrap", "--name", "demo", "--approval-email", "ops@example.com\n"], "--approval-email" },
        { ["bootstrap", "--name", "demo", "--image", "aws/codebuild/standard:7.0\n"], "--image" },
        { ["bootstrap", "--name", "demo", "--branch", "refs/heads/main"], "without \"refs/...\"" },
        { ["bootstrap", "--name", "demo", "--artifact-bucket", "same-bucket-x", "--site-bucket", "same-bucket-x"], "would be one S3 bucket" },
        { ["bootstrap", "--name", "demo", "--build-role-name", "one-role", "--deploy-role-name", "one-role"], "would be one IAM role" },
        { ["bootstrap", "--name", "demo", "--timeout", "1e9"], "--timeout" },
        { ["bootstrap", "--name", "demo", "--timeout", "99999h"], "--timeout" },
        { ["bootstrap", "--name", "demo", "--timeout", "999999999999"], "--timeout" },
        { ["status", "--name", "demo", "--region", "US-EAST-1"], "US-EAST-1" },
        { ["start", "--name", "demo", "--region", "US-EAST-1"], "US-EAST-1" },
        { ["approve", "--name", "demo", "--region", "US-EAST-1"], "US-EAST-1" },
        { ["reject", "--name", "demo", "--region", "US-EAST-1"], "US-EAST-1" },
        { ["list", "--region", "US-EAST-1"], "US-EAST-1" },
        { ["doctor", "--region", "us-east-1\n"], "--region" },
        { ["validate", "/dev/zero"], "/dev/zero" },
        { ["bootstrap", "-f", "/tmp"], "is a folder" },
        { ["status", "-f", "/no/such/pipectl.yaml"], "/no/such/pipectl.yaml" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_exits_2_naming_it_and_sends_nothing(string[] args, string named)
    {
        using var trap = new RequestTrap();

        var run = await Run(trap, args);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("localhost:5000")]
    [InlineData("http://")]
    public async Task A_malformed_or_empty_endpoint_url_is_bad_input_and_never_falls_back_to_AWS(string endpoint)
    {
        foreach (var verb in new[] { new[] { "doctor" }, ["status", "--name", "demo"], ["bootstrap", "--name", "demo"], ["list"] })
        {
            var run = await CliRun.RunAsync([.. verb, "--endpoint-url", endpoint, "--region", "us-east-1"]).WaitAsync(HangGuard);

            Assert.True(run.ExitCode == 2, $"{string.Join(' ', verb)}: {run.Stderr}");
            Assert.Contains("--endpoint-url", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("Nothing was sent", run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_fifo_given_as_stack_file_buildspec_or_validate_argument_fails_at_once()
    {
        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "pipe.yml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        using var trap = new RequestTrap();
        foreach (var args in new[] { ["bootstrap", "-f", fifo], ["create-build", "--name", "demo", "--buildspec", fifo], ["validate", fifo], new[] { "status", "-f", fifo } })
        {
            var run = await Run(trap, args);

            Assert.True(run.ExitCode == 2, $"{args[0]}: {run.Stderr}");
            Assert.Contains("not a regular file", run.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task A_seed_with_a_secret_or_over_the_commit_limits_is_refused_before_anything_even_in_a_dry_run()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "index.html"), "<h1>hi</h1>");
        File.WriteAllText(Path.Combine(folder.Path, ".env"), "PGPASSWORD=hunter2\n");
        using var big = new TempFolder();
        File.WriteAllBytes(Path.Combine(big.Path, "a.bin"), new byte[4 * 1024 * 1024]);
        File.WriteAllBytes(Path.Combine(big.Path, "b.bin"), new byte[4 * 1024 * 1024]);
        using var trap = new RequestTrap();

        var secret = await Run(trap, ["create-repo", "--name", "demo", "--seed", folder.Path]);
        var tooBig = await Run(trap, ["create-repo", "--name", "demo", "--seed", big.Path, "--dry-run"]);

        Assert.Equal(2, secret.ExitCode);
        Assert.Contains(".env looks like a secret", secret.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", secret.Stderr + secret.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, tooBig.ExitCode);
        Assert.Contains("8 MB together", tooBig.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task A_role_name_option_with_a_multi_environment_file_is_refused()
    {
        using var trap = new RequestTrap();

        var run = await Run(trap, ["bootstrap", "-f", RepositoryRoot.Of("samples/multi-env/pipectl.yaml"), "--pipeline-role-name", "one-role"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--pipeline-role-name \"one-role\": environments staging and production would share one pipeline role", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Validate_blames_an_environment_name_too_long_for_the_names_it_derives()
    {
        using var folder = new TempFolder();
        var file = folder.Write("pipectl.yaml", $"name: shop\nenvironments:\n  {new string('e', 40)}:\n    branch: main\n");

        // validate takes no AWS options (and calls no AWS API).
        var run = await CliRun.RunAsync(["validate", file]).WaitAsync(HangGuard);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("environment \"eeee", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("use an environment name of at most 30 characters", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--site-bucket", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "--name", "demo\nforged line")]
    [InlineData("bootstrap", "--name", "demo\nforged line")]
    [InlineData("status", "--pipeline-name", "p\nforged line")]
    [InlineData("create-build", "--buildspec", "/no/such\nforged line")]
    [InlineData("bootstrap", "--env", "staging\nforged line")]
    public async Task A_value_with_a_line_break_is_echoed_escaped_on_one_line(string verb, string option, string value)
    {
        using var trap = new RequestTrap();
        string[] target = option is "--name" or "--pipeline-name" ? [] : option == "--env" ? ["-f", RepositoryRoot.Of("samples/multi-env/pipectl.yaml")] : ["--name", "demo"];

        var run = await Run(trap, [verb, .. target, option, value, .. option == "--pipeline-name" ? ["--name", "demo"] : Array.Empty<string>()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\\nforged line", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Stderr.Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
        Assert.Equal(0, trap.Connections);
    }

    /// <summary>Runs pipectl against the trap in us-east-1 (unless the args name a region), failing instead of hanging.</summary>
    private static Task<CliRun> Run(RequestTrap trap, string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", trap.Endpoint, .. args.Contains("--region") ? Array.Empty<string>() : ["--region", "us-east-1"]]).WaitAsync(HangGuard);
}
