namespace Pipectl.IntegrationTests.Cli;

/// <summary>Typos get "did you mean", help shows only what a verb uses and two examples, a bare pipectl prints help.</summary>
public sealed class HelpAndTypoTests
{
    private static readonly string[] VerbNames =
        ["bootstrap", "create-repo", "create-buckets", "create-build", "create-pipeline", "teardown", "wire-trigger", "doctor", "validate", "init", "status", "start", "approve", "reject", "logs", "list", "completion"];

    [Fact]
    public async Task A_mistyped_verb_gets_did_you_mean_and_exit_2()
    {
        var run = await CliRun.RunAsync("bootsrap", "--name", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("pipectl: unknown command \"bootsrap\"; did you mean bootstrap?", run.Stderr.TrimEnd());
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task A_mistyped_option_gets_did_you_mean_in_one_line()
    {
        var run = await CliRun.RunAsync("bootstrap", "--nmae", "demo");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("pipectl: unknown option --nmae for pipectl bootstrap; did you mean --name?", lines[0]);
        Assert.Equal("Run 'pipectl bootstrap --help' for usage.", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task An_unknown_output_format_names_the_allowed_values_not_the_type()
    {
        var run = await CliRun.RunAsync("status", "--name", "demo", "--output", "yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output \"yaml\": expected one of text, json", run.Stderr);
        Assert.DoesNotContain("OutputFormat", run.Stderr);
    }

    [Fact]
    public async Task A_bare_pipectl_prints_the_help_with_every_verb()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.All(VerbNames, verb => Assert.Contains($"  {verb}", run.Stdout));
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Create_repo_help_lists_every_stack_option_as_every_stack_verb_takes_them()
    {
        // Issue 28: the options a stack was made with can be passed to every stack verb (those it does not need are ignored).
        var help = Options((await CliRun.RunAsync("create-repo", "--help")).Stdout);

        Assert.Contains("--repository-name", help);
        Assert.Contains("--seed", help);
        Assert.Contains("--region", help);
        foreach (var other in new[] { "--rule-name", "--build-project-name", "--pipeline-role-name", "--site-bucket", "--approval-topic-name", "--image" })
        {
            Assert.Contains(other, help);
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("init")]
    public async Task Local_verbs_show_no_aws_options(string verb)
    {
        var help = Options((await CliRun.RunAsync(verb, "--help")).Stdout);

        Assert.Contains("--output", help);
        foreach (var aws in new[] { "--region", "--profile", "--endpoint-url", "--timeout", "--dry-run" })
        {
            Assert.DoesNotContain(aws, help);
        }
    }

    [Fact]
    public async Task Every_verb_help_ends_with_two_examples_of_that_verb()
    {
        foreach (var verb in VerbNames)
        {
            var run = await CliRun.RunAsync(verb, "--help");

            var lines = run.Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
            Assert.True(lines.Count >= 3, verb);
            Assert.Equal("Examples:", lines[^3]);
            Assert.All(lines[^2..], line => Assert.Contains(verb == "completion" ? "pipectl completion" : $"pipectl {verb}", line));
        }
    }

    [Fact]
    public async Task A_mistyped_region_fails_locally_with_the_closest_region_and_sends_nothing()
    {
        var run = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" },
            "status", "--name", "demo", "--region", "us-esat-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("pipectl: region \"us-esat-1\": not a region of any AWS partition; did you mean us-east-1? (nothing was sent)", run.Stderr.Trim());
    }

    [Fact]
    public async Task Regions_of_other_partitions_are_known()
    {
        var run = await CliProcess.RunAsync(new Dictionary<string, string?>(), "status", "--name", "demo", "--region", "cn-north-1");

        // Past the region check: it stops at the missing credentials (exit 2 for that reason, not the region).
        Assert.Contains("No AWS credentials", run.Stderr);
    }

    [Fact]
    public async Task An_emulator_endpoint_accepts_any_well_formed_region()
    {
        using var trap = new RequestTrap();

        var run = await CliRun.RunAsync("list", "--region", "xx-local-1", "--endpoint-url", trap.Endpoint);

        Assert.DoesNotContain("not a region", run.Stderr);
        Assert.True(trap.Connections > 0);
    }

    /// <summary>The option names of a help page's Options section.</summary>
    private static string Options(string help) => help[help.IndexOf("Options:", StringComparison.Ordinal)..];
}
