using Pipectl.IntegrationTests.Authoring;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Issue 29's input that slipped through, tried end to end: the fields of the newer kinds (connection sources, the
/// Test stage's report groups, the approval topic at teardown) refuse a trailing newline and the names their
/// providers refuse, in an option and in the stack file alike: exit 2, the value named, not one request sent.
/// </summary>
public sealed class NewKindInputTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private const string Arn = "arn:aws:codeconnections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11";

    public static TheoryData<string[], string> Cases() => new()
    {
        { ["bootstrap", "--name", "demo", "--source", "github:octo/repo\n"], "--source" },
        { ["bootstrap", "--name", "demo", "--source", "gitlab:group/sub/repo\n"], "--source" },
        { ["bootstrap", "--name", "demo", "--source", "bitbucket:team/repo\n"], "--source" },
        { ["bootstrap", "--name", "demo", "--source", "github:octo/repo", "--connection-arn", Arn + "\n"], "--connection-arn" },
        { ["teardown", "--name", "demo", "--approval-topic-name", "x\n", "--yes"], "--approval-topic-name" },
        { ["bootstrap", "--name", "demo", "--source", "github:../.."], "'..' is not a repository or owner name" },
        { ["bootstrap", "--name", "demo", "--source", "github:-/-"], "do not start with '-'" },
        { ["bootstrap", "--name", "demo", "--source", "gitlab:group/repo.git"], ".git" },
        { ["bootstrap", "--name", "demo", "--source", "gitlab:" + string.Join('/', Enumerable.Repeat(new string('g', 99), 12)) + "/r"], "at most 1000 characters" },
        { ["bootstrap", "--name", "demo", "--source", "github:octo/repo", "--connection-arn", Arn.Replace("arn:aws:", "arn:aws-cn:", StringComparison.Ordinal)], "partition aws-cn" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_value_of_a_newer_kind_exits_2_naming_it_and_sends_nothing(string[] args, string named)
    {
        using var trap = new RequestTrap();

        var run = await Run(trap, args);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Theory]
    [InlineData("source:\n  repository: \"github:octo/repo\\n\"\n", "github:octo/repo\\n")]
    [InlineData("source:\n  repository: \"gitlab:group/repo\\n\"\n", "gitlab:group/repo\\n")]
    [InlineData("source:\n  repository: github:octo/repo\n  connectionArn: \"" + Arn + "\\n\"\n", "connection/")]
    public async Task The_stack_file_forms_refuse_a_trailing_newline_too(string source, string named)
    {
        using var folder = new TempFolder();
        var file = folder.Write("pipectl.yaml", "name: nlx\nregion: us-east-1\n" + source);
        using var trap = new RequestTrap();

        var run = await Run(trap, ["bootstrap", "-f", file]);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Theory]
    [InlineData("\"unit\\n\"", "unit\\n")]
    [InlineData("\"\"", "report names")]
    public async Task A_report_name_with_a_newline_or_empty_is_refused_not_created_or_dropped(string key, string named)
    {
        using var folder = new TempFolder();
        var tests = folder.Write("tests.yml", $"version: 0.2\nphases:\n  build:\n    commands: [make test]\nreports:\n  {key}:\n    files: [junit.xml]\n");
        using var trap = new RequestTrap();

        var run = await Run(trap, ["bootstrap", "--name", "rnl", "--test-buildspec", tests]);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    private static Task<CliRun> Run(RequestTrap trap, string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", trap.Endpoint, .. args.Contains("-f") ? Array.Empty<string>() : ["--region", "us-east-1"]]).WaitAsync(HangGuard);
}
