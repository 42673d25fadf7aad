using System.Diagnostics;
using Pipectl.Cli.Commands;
using Pipectl.Cli.Hosting;

namespace Pipectl.IntegrationTests.Cli;

/// <summary><c>pipectl completion SHELL</c>: a script generated from the command tree that completes verbs, options and values.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("sta", "start status")]
    [InlineData("boot", "bootstrap")]
    [InlineData("status --out", "--output")]
    [InlineData("status --output ", "json text")]
    [InlineData("init --template ", "docker-ecs node static-site")]
    [InlineData("completion ", "bash fish pwsh zsh --help")]
    [InlineData("bootstrap --site ", "cloudfront s3-website")]
    [InlineData("plan --deploy ", "ecs s3")]
    [InlineData("bootstrap --pipeline-type ", "V1 V2")]
    [InlineData("create-build --source-type ", "CODECOMMIT CODEPIPELINE")]
    [InlineData("bootstrap --test-input ", "build source")]
    [InlineData("bootstrap --compute-type BUILD_LAMBDA_1", "BUILD_LAMBDA_10GB BUILD_LAMBDA_1GB")]
    [InlineData("status --region eu-central-", "eu-central-1 eu-central-2")]
    public async Task The_bash_script_completes_verbs_options_and_values(string line, string expected)
    {
        var script = (await CliRun.RunAsync("completion", "bash")).Stdout;

        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), await BashCompleteAsync(script, line));
    }

    [Fact]
    public async Task Bash_offers_a_verb_only_its_own_options()
    {
        var script = (await CliRun.RunAsync("completion", "bash")).Stdout;

        var validate = await BashCompleteAsync(script, "validate --");
        var logs = await BashCompleteAsync(script, "logs --");

        Assert.DoesNotContain("--region", validate);
        Assert.Contains("--output", validate);
        Assert.Contains("--follow", logs);
        Assert.Contains("--execution", logs);
        Assert.DoesNotContain("--poll-interval", logs);
    }

    [Theory]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public async Task Every_script_names_every_verb_and_its_options_from_the_command_tree(string shell)
    {
        var run = await CliRun.RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        var tree = CompletionTree.From(CliApp.BuildRoot(new GlobalOptions(), CliConsole.Captured(TextWriter.Null, TextWriter.Null)));
        Assert.True(tree.Verbs.Count >= 17);
        foreach (var verb in tree.Verbs)
        {
            Assert.Contains(verb.Name, run.Stdout);
            Assert.All(verb.Options, option => Assert.Contains(shell == "fish" ? "-l " + option.Name.TrimStart('-') : option.Name, run.Stdout));
        }

        Assert.Equal(["json", "text"], tree.Values["--output"].Order(StringComparer.Ordinal));
        Assert.DoesNotContain("--dry-run", tree.Values.Keys);
        Assert.Contains("static-site", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_shell_is_bad_input()
    {
        var run = await CliRun.RunAsync("completion", "tcsh");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tcsh", run.Stderr);
    }

    /// <summary>Sources the script in bash and asks it to complete <paramref name="line"/> (the cursor at its end).</summary>
    private static async Task<IReadOnlyList<string>> BashCompleteAsync(string script, string line)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, script);
        var words = ("pipectl " + line).Split(' ');
        var program = $"source '{file}'; COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; _pipectl; printf '%s\\n' \"${{COMPREPLY[@]}}\"";
        var start = new ProcessStartInfo("bash", ["-c", program]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(file);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }
}
