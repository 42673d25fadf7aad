using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Authoring;

/// <summary><c>validate</c> of a stack file with a Test stage: the test buildspec is checked like the build's, offline.</summary>
public sealed class TestStageValidateTests
{
    private const string StackFile = "name: shop\ntest:\n  buildspec: tests.yml\n";

    [Fact]
    public async Task A_test_buildspec_that_names_a_report_group_by_arn_fails_validate_with_exit_2()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pipectl.yaml", StackFile);
        folder.Write("tests.yml", "version: 0.2\nphases:\n  build:\n    commands: [npm test]\nreports:\n  arn:aws:codebuild:us-east-1:123456789012:report-group/theirs:\n    files: [junit.xml]\n");

        var run = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pipectl.yaml:3:14: test.buildspec \"arn:aws:codebuild:us-east-1:123456789012:report-group/theirs\": the test buildspec names a report group by ARN", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 0.2\nphases:\n  build:\n    commands: {npm: test}\n", "phases.build.commands must be a list")]
    [InlineData("version: 0.2\nphases:\n  build:\n    commands: [npm test]\nreports:\n  arn:aws:codebuild:us-east-1:123456789012:report-group/x:\n    files: [a.xml]\n", "by ARN")]
    public async Task Bootstrap_with_a_test_buildspec_it_cannot_use_exits_2_and_sends_nothing(string buildspec, string rule)
    {
        using var folder = new TempFolder();
        var tests = folder.Write("tests.yml", buildspec);
        using var trap = new RequestTrap();

        var run = await CliRun.RunAsync("bootstrap", "--name", "shop", "--test-buildspec", tests, "--region", "us-east-1", "--endpoint-url", trap.Endpoint);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--test-buildspec", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(rule, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task A_broken_test_buildspec_is_reported_under_its_own_path_and_a_warning_in_a_clean_one_is_shown()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pipectl.yaml", StackFile);
        var tests = folder.Write("tests.yml", "version: 0.2\nphases:\n  build:\n    commands: {npm: test}\n");

        var broken = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, broken.ExitCode);
        Assert.Contains($"{tests}:4:", broken.Stdout, StringComparison.Ordinal);

        folder.Write("tests.yml", "version: 0.2\nphases:\n  build:\n    commands: [npm test]\nreports:\n  unit:\n");
        var warned = await CliRun.RunAsync("validate", path);

        Assert.Equal(0, warned.ExitCode);
        Assert.Contains($"{tests}:6:3: warning: reports.unit is empty", warned.Stdout, StringComparison.Ordinal);
    }
}
