using System.Diagnostics;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>Dry runs against moto that go through: what is left out of a seed is named, secrets are never printed.</summary>
[Collection(MotoCollection.Name)]
public sealed class HostileInputAgainstMotoTests(MotoServer moto)
{
    [Fact]
    public async Task A_seed_names_what_it_leaves_out_and_commits_an_allowed_secret_only_when_told()
    {
        using var outside = new TempFolder();
        var credentials = outside.Write("credentials", "aws_secret_access_key = outside-secret");
        using var folder = new TempFolder();
        folder.Write("index.html", "<h1>hi</h1>");
        folder.Write(".env", "PGPASSWORD=hunter2\n");
        folder.Write(".git/config", "[core]");
        folder.Write(".gitignore", "*.log\n");
        folder.Write("debug.log", "noise");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "creds"), credentials);
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(folder.Path, "pipe")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await CliRun.RunAsync("create-repo", "--name", "seed-notes", "--seed", folder.Path, "--seed-allow-secret", ".env", "--dry-run", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("first commit on main: 3 files", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"left out link creds -> {credentials}: it points outside the seed folder", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("left out pipe: not a regular file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("left out .git", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("left out 1 git-ignored entry", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("outside-secret", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_looking_plaintext_build_variable_is_warned_about_and_no_value_is_printed()
    {
        using var folder = new TempFolder();
        var file = folder.Write("pipectl.yaml", "name: varwarn\nbuild:\n  environmentVariables:\n    DB_PASSWORD: hunter2\n    API_KEY: {type: SECRETS_MANAGER, value: prod/api}\n");

        var text = await CliRun.RunAsync("bootstrap", "-f", file, "--dry-run", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");
        var json = await CliRun.RunAsync("bootstrap", "-f", file, "--dry-run", "--output", "json", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("warning: build variable DB_PASSWORD is PLAINTEXT", text.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("API_KEY is PLAINTEXT", text.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text.Stdout + text.Stderr + json.Stdout + json.Stderr, StringComparison.Ordinal);
        // The reference is a secret's name, not the secret: the plan shows which secret the build role may read.
        Assert.Contains("secret:prod/api-??????", text.Stdout, StringComparison.Ordinal);
    }
}
