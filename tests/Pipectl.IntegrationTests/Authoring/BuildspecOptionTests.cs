using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Authoring;

/// <summary><c>--buildspec FILE</c> is validated before anything is created: exit 2, the first problem with its position, nothing sent.</summary>
public sealed class BuildspecOptionTests
{
    private const string Broken = "version: 0.2\nphases:\n  build:\n    commands: {make: all}\nartifacts:\n  files: {a: b}\n";

    [Theory]
    [InlineData("create-build")]
    [InlineData("bootstrap")]
    public async Task A_broken_buildspec_file_stops_the_verb_before_any_request(string verb)
    {
        using var folder = new TempFolder();
        var path = folder.Write("buildspec.yml", Broken);
        using var trap = new RequestTrap();

        var run = await CliRun.RunAsync(verb, "--name", "demo", "--region", "us-east-1", "--endpoint-url", trap.Endpoint, "--buildspec", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:4:15: phases.build.commands must be a list", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(1 more; run pipectl validate", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task A_broken_buildspec_against_an_unreachable_endpoint_still_exits_2()
    {
        using var folder = new TempFolder();
        var path = folder.Write("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - echo Result: ok\n");

        var run = await CliRun.RunAsync("create-build", "--name", "demo", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:1", "--buildspec", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(path)}:5:9: ", run.Stderr);
        Assert.DoesNotContain("more;", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_buildspec_file_passes_the_check_and_the_next_check_speaks()
    {
        // An invalid stack name is checked after the buildspec: its error proves the buildspec passed.
        using var trap = new RequestTrap();

        var run = await CliRun.RunAsync("create-build", "--name", "My_Stack", "--region", "us-east-1", "--endpoint-url", trap.Endpoint, "--buildspec", RepositoryRoot.Of("buildspecs/node.yml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--name \"My_Stack\"", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("node.yml:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }
}
