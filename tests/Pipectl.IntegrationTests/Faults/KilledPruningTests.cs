using System.Text.RegularExpressions;
using Pipectl.Aws.Errors;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Lifecycle;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// A bootstrap that removes parts the stack no longer has (docs/stack-record.md), killed (SIGKILL) at placed moments:
/// right after the record naming old and new settings is written, once the new parts are in place and before the
/// first deletion, between two deletions, right after a CloudFront distribution was disabled, and just before the final
/// record write. Four changes: a Test stage dropped, production dropped from a stack file, CodeCommit to GitHub,
/// CloudFront back to a website. A re-run of the same command then
/// ends in the state the uninterrupted run leaves (every resource of the stack across services, each pipeline's
/// stages, the record), a second re-run sends nothing that writes, and <c>teardown --name</c> leaves nothing.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed partial class KilledPruningTests(MotoServer moto, ITestOutputHelper output)
{
    private static readonly string SampleTests = RepositoryRoot.Of("samples/node-app/buildspec-test.yml");
    private static readonly Dictionary<string, IReadOnlyList<string>> Uninterrupted = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim UninterruptedGate = new(1, 1);

    /// <summary>A lifecycle change: the commands that make the stack as it was, then the one that changes it.</summary>
    private sealed record Change(string[][] Setup, string[] Apply);

    public static TheoryData<string, string> Kills => new()
    {
        { "no-test-stage", "first-record-write" },
        { "no-test-stage", "first-deletion" },
        { "no-test-stage", "second-deletion" },
        { "no-test-stage", "final-record-write" },
        { "drop-production", "first-deletion" },
        { "drop-production", "second-deletion" },
        { "drop-production", "final-record-write" },
        { "codecommit-to-github", "first-deletion" },
        { "codecommit-to-github", "second-deletion" },
        { "codecommit-to-github", "final-record-write" },
        { "cloudfront-to-website", "first-deletion" },
        { "cloudfront-to-website", "second-deletion" },
        { "cloudfront-to-website", "distribution-disabled" },
        { "cloudfront-to-website", "final-record-write" },
    };

    [Theory]
    [MemberData(nameof(Kills))]
    public async Task A_pruning_bootstrap_killed_then_run_again_ends_as_the_uninterrupted_run_and_teardown_leaves_nothing(string change, string moment)
    {
        var expected = await UninterruptedStateAsync(change);
        var stack = "kp" + Guid.NewGuid().ToString("N")[..8];
        var (setup, apply) = ChangeOf(change, stack);
        foreach (var command in setup)
        {
            Succeeded(await Pipectl(command));
        }

        var (at, timing) = Moment(moment);
        var killed = await KilledRun.RunAsync(moto.Endpoint, apply, at, timing, output);
        Assert.True(killed.Child.Killed, $"{change}: the run ended before the {moment}: {killed.Run.Stderr}");
        output.WriteLine($"{change}: killed at {moment} ({killed.Operation}, {timing})");

        var rerun = await Pipectl(apply);
        Succeeded(rerun);
        var again = await Pipectl(apply);
        Succeeded(again);
        Assert.Equal(0, StackRunJson.Mutating(again));
        Assert.All(StackRunJson.Actions(again).Values, a => Assert.Equal("unchanged", a));
        Assert.Equal(expected, await StateAsync(stack));

        Succeeded(await Pipectl("teardown", "--name", stack, "--yes"));
        Assert.Empty(await StackLeftovers.ReadAsync(moto, stack));
    }

    /// <summary>Where the kill strikes and whether the request it strikes took effect.</summary>
    private static (Func<ProxiedRequest, bool> At, FaultTiming Timing) Moment(string moment) => moment switch
    {
        // The record names old and new settings; nothing else was written.
        "first-record-write" => (KilledRun.Nth(1, r => r.Operation == "ssm:PutParameter"), FaultTiming.After),

        // The new parts are in place; the first deletion never reached AWS.
        "first-deletion" => (KilledRun.Nth(1, IsDeletion), FaultTiming.Before),

        // One deletion done, the second took effect with its reply lost.
        "second-deletion" => (KilledRun.Nth(2, IsDeletion), FaultTiming.After),

        // The distribution's disabling took effect with its reply lost (CloudFront deletes only a disabled distribution).
        "distribution-disabled" => (KilledRun.Nth(1, r => r.Operation.StartsWith("cloudfront:PUT /2020-05-31/distribution/", StringComparison.Ordinal)), FaultTiming.After),

        // Everything removed; the record still names the old settings as pending.
        "final-record-write" => (KilledRun.Nth(2, r => r.Operation == "ssm:PutParameter"), FaultTiming.Before),
        _ => throw new ArgumentOutOfRangeException(nameof(moment), moment, null),
    };

    private static bool IsDeletion(ProxiedRequest request) =>
        request.Operation.Contains(":Delete", StringComparison.Ordinal) || request.Operation.StartsWith("s3:DELETE ", StringComparison.Ordinal);

    private Change ChangeOf(string change, string stack)
    {
        switch (change)
        {
            case "no-test-stage":
                return new([["bootstrap", "--name", stack, "--test-buildspec", SampleTests]], ["bootstrap", "--name", stack, "--no-test-stage", "--allow-delete"]);
            case "codecommit-to-github":
                return new([["bootstrap", "--name", stack]], ["bootstrap", "--name", stack, "--source", "github:octo/shop", "--allow-delete"]);
            case "cloudfront-to-website":
                return new([["bootstrap", "--name", stack], ["bootstrap", "--name", stack, "--site", "cloudfront"]], ["bootstrap", "--name", stack, "--site", "s3-website", "--allow-delete"]);
            case "drop-production":
                var folder = Directory.CreateTempSubdirectory("pipectl-killed-pruning-").FullName;
                const string Staging = "  staging:\n    branch: develop\n";
                const string Production = "  production:\n    branch: main\n    approval:\n      enabled: true\n      email: releases@example.com\n";
                var both = Path.Combine(folder, "both.yaml");
                var staging = Path.Combine(folder, "staging.yaml");
                File.WriteAllText(both, $"name: {stack}\nregion: us-east-1\nenvironments:\n{Staging}{Production}");
                File.WriteAllText(staging, $"name: {stack}\nregion: us-east-1\nenvironments:\n{Staging}");
                return new([["bootstrap", "-f", both]], ["bootstrap", "-f", staging, "--allow-delete"]);
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    /// <summary>The state the change leaves when nothing interrupts it (made once per change, then torn down).</summary>
    private async Task<IReadOnlyList<string>> UninterruptedStateAsync(string change)
    {
        await UninterruptedGate.WaitAsync();
        try
        {
            if (!Uninterrupted.TryGetValue(change, out var state))
            {
                var stack = "ku" + Guid.NewGuid().ToString("N")[..8];
                var (setup, apply) = ChangeOf(change, stack);
                foreach (var command in setup.Append(apply))
                {
                    Succeeded(await Pipectl(command));
                }

                Uninterrupted[change] = state = await StateAsync(stack);
                Assert.NotEmpty(state);
                Succeeded(await Pipectl("teardown", "--name", stack, "--yes"));
            }

            return state;
        }
        finally
        {
            UninterruptedGate.Release();
        }
    }

    /// <summary>
    /// What the account holds of <paramref name="stack"/>, with its name written STACK (and generated ids ID): every
    /// resource across services, each pipeline's stages and action providers, and the record.
    /// </summary>
    private async Task<IReadOnlyList<string>> StateAsync(string stack)
    {
        var lines = (await StackLeftovers.ReadAsync(moto, stack)).ToList();
        using var session = TestSessions.For(moto);
        foreach (var pipeline in lines.Where(l => l.StartsWith("codepipeline ", StringComparison.Ordinal)).Select(l => l["codepipeline ".Length..]).ToList())
        {
            var stages = (await session.CodePipeline.GetPipelineAsync(pipeline)).Pipeline!.Stages!;
            lines.Add($"stages {pipeline}: {string.Join(", ", stages.Select(s => $"{s.Name}({string.Join("+", s.Actions.Select(a => a.ActionTypeId.Provider))})"))}");
        }

        try
        {
            lines.Add("record " + (await session.Ssm.GetParameterAsync($"/pipectl/stacks/{stack}")).Parameter!.Value);
        }
        catch (AwsResourceNotFoundException)
        {
            lines.Add("no record");
        }

        return [.. lines.Select(l => GeneratedId().Replace(l.Replace(stack, "STACK", StringComparison.Ordinal), "ID")).Order(StringComparer.Ordinal)];
    }

    private Task<CliRun> Pipectl(params string[] args) => CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, args));

    private static void Succeeded(CliRun run) => Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GeneratedId();
}
