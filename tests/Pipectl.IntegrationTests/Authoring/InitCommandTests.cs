namespace Pipectl.IntegrationTests.Authoring;

public sealed class InitCommandTests
{
    [Theory]
    [InlineData("static-site", "buildspecs/static-site.yml")]
    [InlineData("node", "buildspecs/node.yml")]
    [InlineData("docker-ecs", "buildspecs/docker-ecs.yml")]
    public async Task Init_writes_a_stack_file_and_the_ready_made_buildspec_that_both_validate(string template, string readyMade)
    {
        using var folder = new TempFolder();

        var init = await AuthoringRun.InAsync(folder.Path, "init", "--template", template, "--name", "demo");
        var validate = await AuthoringRun.InAsync(folder.Path, "validate");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(["wrote pipectl.yaml (" + template + ")", "wrote buildspec.yml (" + template + ")"], init.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(File.ReadAllText(RepositoryRoot.Of(readyMade)), folder.Read("buildspec.yml"));
        Assert.Contains("name: demo\n", folder.Read("pipectl.yaml"), StringComparison.Ordinal);
        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(["pipectl.yaml: ok", "buildspec.yml: ok"], validate.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_docker_ecs_template_deploys_to_ECS_and_leaves_out_environments()
    {
        using var folder = new TempFolder();

        var init = await AuthoringRun.InAsync(folder.Path, "init", "--template", "docker-ecs", "--name", "demo");

        Assert.Equal(0, init.ExitCode);
        var stackFile = folder.Read("pipectl.yaml");
        Assert.Contains("deploy:\n  target: ecs\n  cluster: my-cluster\n  service: my-service\n  containerName: app\n", stackFile, StringComparison.Ordinal);
        Assert.DoesNotContain("environments", stackFile, StringComparison.Ordinal);
        Assert.Contains("imagedefinitions.json", folder.Read("buildspec.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_defaults_to_the_static_site_template_and_the_folders_name()
    {
        using var parent = new TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(parent.Path, "My_Web Site")).FullName;

        var run = await AuthoringRun.InAsync(folder, "init");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("name: my-web-site\n", File.ReadAllText(Path.Combine(folder, "pipectl.yaml")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(RepositoryRoot.Of("buildspecs/static-site.yml")), File.ReadAllText(Path.Combine(folder, "buildspec.yml")));
    }

    [Fact]
    public async Task Init_ends_with_how_to_get_the_code_into_the_pipeline()
    {
        using var folder = new TempFolder();

        var run = await AuthoringRun.InAsync(folder.Path, "init", "--name", "web");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stderr.TrimEnd().Split('\n');
        Assert.Contains(lines, l => l.Contains("pipectl bootstrap --seed .", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("git remote add origin <cloneUrlHttp that bootstrap prints> && git push -u origin main", StringComparison.Ordinal));
        Assert.StartsWith("Every push to the branch then starts the pipeline", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pipectl.yaml")]
    [InlineData("buildspec.yml")]
    public async Task Init_never_overwrites_without_force_and_names_the_file(string existing)
    {
        using var folder = new TempFolder();
        folder.Write(existing, "mine\n");

        var run = await AuthoringRun.InAsync(folder.Path, "init");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{existing} already exists", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("mine\n", folder.Read(existing));
        Assert.Equal(existing == "pipectl.yaml", folder.Exists("pipectl.yaml"));
        Assert.Equal(existing == "buildspec.yml", folder.Exists("buildspec.yml"));
    }

    [Fact]
    public async Task Init_with_force_overwrites()
    {
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "mine\n");
        folder.Write("buildspec.yml", "mine\n");

        var run = await AuthoringRun.InAsync(folder.Path, "init", "--force", "--template", "node");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(RepositoryRoot.Of("buildspecs/node.yml")), folder.Read("buildspec.yml"));
        Assert.StartsWith("# pipectl.yaml", folder.Read("pipectl.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pipectl.yaml")]
    [InlineData("buildspec.yml")]
    public async Task Init_with_force_never_writes_through_a_symbolic_link(string linked)
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var target = outside.Write("precious.txt", "outside\n");
        File.CreateSymbolicLink(Path.Combine(folder.Path, linked), target);

        var run = await AuthoringRun.InAsync(folder.Path, "init", "--force");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{linked} in {folder.Path} is a symbolic link", line, StringComparison.Ordinal);
        Assert.Equal("outside\n", File.ReadAllText(target));
        Assert.Equal(linked == "pipectl.yaml", folder.Exists("pipectl.yaml"));
        Assert.Equal(linked == "buildspec.yml", folder.Exists("buildspec.yml"));
    }

    [Fact]
    public async Task Init_rejects_an_unknown_template()
    {
        using var folder = new TempFolder();

        var run = await AuthoringRun.InAsync(folder.Path, "init", "--template", "rails");

        Assert.Equal(2, run.ExitCode);
        Assert.False(folder.Exists("pipectl.yaml"));
    }

    [Fact]
    public async Task Init_rejects_an_invalid_stack_name()
    {
        using var folder = new TempFolder();

        var run = await AuthoringRun.InAsync(folder.Path, "init", "--name", "Bad_Name");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Bad_Name", run.Stderr, StringComparison.Ordinal);
        Assert.False(folder.Exists("pipectl.yaml"));
    }

    [Fact]
    public async Task Init_and_validate_are_registered_on_the_real_command_line()
    {
        var help = await Cli.CliRun.RunAsync("--help");

        Assert.Matches(@"(?m)^\s+validate\s", help.Stdout);
        Assert.Matches(@"(?m)^\s+init\s", help.Stdout);
    }
}
