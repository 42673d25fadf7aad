namespace Pipectl.IntegrationTests.Authoring;

/// <summary>
/// What CodeBuild runs anyway but is probably a mistake is a warning: printed, exit 0; <c>--strict</c> makes it
/// fail for CI. Errors stay exit 2 either way.
/// </summary>
public sealed class ValidateWarningsTests
{
    private const string WithUnknownKey = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n    timeout: 5\n";

    [Fact]
    public async Task A_warning_is_printed_with_its_position_and_the_run_exits_0()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", WithUnknownKey);

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "buildspec.yml");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("buildspec.yml:6:5: warning: unknown key 'timeout' in phases.build", run.Stdout.Trim(), StringComparison.Ordinal);
        Assert.Contains("1 file checked: 1 warning.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_turns_a_warning_into_exit_2()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", WithUnknownKey);

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "--strict", "buildspec.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("warning: unknown key 'timeout'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(--strict: warnings fail)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_leaves_a_clean_file_at_exit_0()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "--strict", "buildspec.yml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("buildspec.yml: ok", run.Stdout.Trim());
    }

    [Fact]
    public async Task Errors_and_warnings_are_counted_apart_and_errors_fail_without_strict()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", "version: 0.3\nphases:\n  build:\n    commands:\n      - make\n    timeout: 5\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "buildspec.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("1 file checked: 1 problem, 1 warning.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Json_output_gives_each_diagnostic_its_severity_and_ok_follows_strict(bool strict, bool ok)
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", WithUnknownKey);
        string[] args = strict ? ["validate", "--strict", "buildspec.yml", "--output", "json"] : ["validate", "buildspec.yml", "--output", "json"];

        var run = await AuthoringRun.InAsync(folder.Path, args);

        Assert.Equal(ok ? 0 : 2, run.ExitCode);
        Assert.Equal(ok, run.Json.GetProperty("ok").GetBoolean());
        var diagnostic = Assert.Single(run.Json.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(6, diagnostic.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Broken_yaml_is_exit_2_with_a_position_never_an_unexpected_error()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands: [make, test\nartifacts:\n  files:\n    - x\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "buildspec.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("buildspec.yml:4:15: invalid YAML: the '[' opened here is not closed", run.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_warnings_of_the_buildspec_a_stack_file_names_are_shown_with_its_path()
    {
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "name: demo\nbuild:\n  buildspec: ci/buildspec.yml\n");
        folder.Write("ci/buildspec.yml", WithUnknownKey);

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "pipectl.yaml");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("pipectl.yaml: ok", lines[0]);
        Assert.StartsWith("ci/buildspec.yml:6:5: warning: unknown key 'timeout' in phases.build", lines[1], StringComparison.Ordinal);
    }
}
