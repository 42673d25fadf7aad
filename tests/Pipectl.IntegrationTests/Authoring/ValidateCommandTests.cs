using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Authoring;

public sealed class ValidateCommandTests
{
    private const string GoodBuildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n";
    private const string BadBuildspec = "version: 0.2\nphases:\n  build:\n    commands: {make: all}\n";

    [Fact]
    public async Task Every_sample_and_ready_made_buildspec_and_the_multi_env_file_validate_clean()
    {
        string[] files =
        [
            RepositoryRoot.Of("samples/static-website/buildspec.yml"),
            RepositoryRoot.Of("samples/node-app/buildspec.yml"),
            RepositoryRoot.Of("samples/node-app/buildspec-test.yml"),
            RepositoryRoot.Of("samples/node-app/pipectl.yaml"),
            RepositoryRoot.Of("samples/multi-env/pipectl.yaml"),
            RepositoryRoot.Of("buildspecs/static-site.yml"),
            RepositoryRoot.Of("buildspecs/node.yml"),
            RepositoryRoot.Of("buildspecs/docker-ecs.yml"),
        ];

        var run = await CliRun.RunAsync(["validate", .. files]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(files.Length, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(": ok", StringComparison.Ordinal)));
        Assert.Contains("8 files checked: no problems.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_buildspec_prints_file_line_column_message_on_stdout_and_exits_2()
    {
        using var folder = new TempFolder();
        var path = folder.Write("buildspec.yml", BadBuildspec);

        var run = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{path}:4:15: phases.build.commands must be a list (lines starting with '- '), not a mapping", run.Stdout.Trim());
        Assert.Contains("1 problem", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_problems_in_different_places_are_reported_in_one_pass_each_at_its_own_line_and_column()
    {
        // Issue 28: a mistyped enum value (a parser check), a bad address and a missing ECS setting (rules of the stack
        // the file describes) used to come out one at a time, the stack's at 1:1 and only after the file parsed clean.
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "name: shop\nsite: cloudfrnt\napproval:\n  email: not-an-address\ndeploy:\n  target: ecs\n  service: web\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "pipectl.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "pipectl.yaml:2:7: site must be one of s3-website, cloudfront, not \"cloudfrnt\"; did you mean cloudfront?",
                "pipectl.yaml:4:10: approval.email \"not-an-address\" is not a mail address",
                "pipectl.yaml:5:1: deploy.cluster \"\": --deploy ecs needs the ECS cluster to deploy to (it must exist already)",
            ],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("3 problems", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_of_the_stack_is_reported_at_the_key_it_is_about()
    {
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "name: shop\ndeploy:\n  target: ecs\n  cluster: main\n  service: web\nbuild:\n  computeType: BUILD_LAMBDA_1GB\n  privileged: true\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "pipectl.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(":1:1:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("pipectl.yaml:8:15: build.privileged \"true\": Lambda compute cannot run Docker", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_every_file_is_printed()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", "version: 9\nphases:\n  build:\n    commands: {make: all}\n");
        folder.Write("pipectl.yaml", "name: demo\nbuild:\n  imagee: x\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "pipectl.yaml", "buildspec.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["pipectl.yaml:3:3: unknown key 'imagee' in build (did you mean 'image'?)", "buildspec.yml:1:10: version 9 is not a buildspec version: use 0.2 (or the older 0.1)", "buildspec.yml:4:15: phases.build.commands must be a list (lines starting with '- '), not a mapping"],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Json_output_lists_each_file_with_its_diagnostics()
    {
        using var folder = new TempFolder();
        folder.Write("buildspec.yml", BadBuildspec);
        folder.Write("buildspec-ok.yml", GoodBuildspec);

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "buildspec.yml", "buildspec-ok.yml", "--output", "json");

        Assert.Equal(2, run.ExitCode);
        var files = run.Json.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal("buildspec.yml", files[0].GetProperty("path").GetString());
        Assert.False(files[0].GetProperty("ok").GetBoolean());
        var diagnostic = Assert.Single(files[0].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(15, diagnostic.GetProperty("column").GetInt32());
        Assert.Contains("must be a list", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(files[1].GetProperty("ok").GetBoolean());
        Assert.Empty(files[1].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Without_files_it_checks_pipectl_yaml_and_the_buildspecs_of_the_current_folder()
    {
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "name: demo\n");
        folder.Write("buildspec.yml", GoodBuildspec);
        folder.Write("buildspec-release.yaml", BadBuildspec);
        folder.Write("docker-compose.yml", "services: {}\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["pipectl.yaml: ok", "buildspec-release.yaml:4:15: phases.build.commands must be a list (lines starting with '- '), not a mapping", "buildspec.yml: ok"],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Without_files_in_a_folder_with_nothing_to_check_it_exits_2()
    {
        using var folder = new TempFolder();

        var run = await AuthoringRun.InAsync(folder.Path, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no pipectl.yaml or buildspec*.yml", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_it()
    {
        using var folder = new TempFolder();

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "nope.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"nope.yml\": no such file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_file_is_checked_with_the_buildspec_file_it_names()
    {
        using var folder = new TempFolder();
        folder.Write("deploy/pipectl.yaml", "name: demo\nbuild:\n  buildspec: ci/buildspec.yml\n");
        folder.Write("deploy/ci/buildspec.yml", BadBuildspec);

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "deploy/pipectl.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["deploy/pipectl.yaml: ok", "deploy/ci/buildspec.yml:4:15: phases.build.commands must be a list (lines starting with '- '), not a mapping"],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_stack_file_naming_a_missing_buildspec_points_at_that_line()
    {
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "name: demo\nbuild:\n  buildspec: missing.yml\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("pipectl.yaml:3:14: build.buildspec: no such file missing.yml", run.Stdout.Trim());
    }

    [Fact]
    public async Task A_file_with_another_name_is_recognised_by_its_content()
    {
        using var folder = new TempFolder();
        folder.Write("ci.yml", BadBuildspec);
        folder.Write("stack.yml", "name: demo\nregion: nowhere\n");

        var run = await AuthoringRun.InAsync(folder.Path, "validate", "ci.yml", "stack.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ci.yml:4:15: phases.build.commands must be a list", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("stack.yml:2:9: region \"nowhere\" is not a region code", run.Stdout, StringComparison.Ordinal);
    }
}
