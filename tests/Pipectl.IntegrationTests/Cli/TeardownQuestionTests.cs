using Amazon.S3.Model;
using Pipectl.Aws.Operations;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Stacks;
using Pipectl.Core.Engine;
using Pipectl.Core.Provisioning;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Teardown's question on a terminal says what will be lost (the repository's branches, each bucket's
/// objects) and how to keep it; "no" exits 1 with nothing deleted; Ctrl-C at the question exits 130.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class TeardownQuestionTests(MotoServer moto)
{
    private static string UniqueStack() => "tq" + Guid.NewGuid().ToString("N")[..8];

    private string[] Args(params string[] args) => [.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1"];

    [Fact]
    public async Task Answering_no_counts_what_would_be_lost_exits_1_and_deletes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-buckets", "--name", stack))).ExitCode);
        using var session = TestSessions.For(moto);
        var site = $"{stack}-site-123456789012-us-east-1";
        foreach (var key in new[] { "index.html", "error.html", "app.js" })
        {
            await session.S3.PutObjectAsync(new PutObjectRequest { BucketName = site, Key = key, ContentBody = "x" });
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var terminal = new CliConsole(stdout, stderr, IsTerminal: false, UseColor: false, StdinIsTerminal: true, new StringReader("no\n"));
        var exit = await CliApp.RunAsync(Args("teardown", "--name", stack), terminal, CancellationToken.None);

        Assert.Equal(1, exit);
        var said = stderr.ToString();
        Assert.Contains($"bucket {site}: 3 objects will be deleted", said);
        Assert.Contains($"bucket {stack}-artifacts-123456789012-us-east-1: 0 objects will be deleted", said);
        Assert.Contains("--keep-buckets keeps both buckets and their objects", said);
        Assert.Contains("Type 'yes' to continue", said);
        Assert.EndsWith("pipectl: not confirmed: nothing was deleted.", said.TrimEnd());
        Assert.Equal(3, (await session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = site })).KeyCount);
        Assert.Equal(0, (await CliRun.RunAsync(Args("teardown", "--name", stack, "--yes"))).ExitCode);
    }

    [Fact]
    public async Task Ctrl_c_at_the_question_exits_130_and_deletes_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await CliRun.RunAsync(Args("create-buckets", "--name", stack))).ExitCode);
        using var interrupt = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new SignallingWriter("Type 'yes'", interrupt.Cancel);
        var terminal = new CliConsole(stdout, stderr, IsTerminal: false, UseColor: false, StdinIsTerminal: true, new WaitingReader());

        var exit = await CliApp.RunAsync(Args("teardown", "--name", stack), terminal, interrupt.Token).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(130, exit);
        Assert.Contains("cancelled", stderr.ToString());
        using var session = TestSessions.For(moto);
        await session.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = $"{stack}-site-123456789012-us-east-1" });
        Assert.Equal(0, (await CliRun.RunAsync(Args("teardown", "--name", stack, "--yes"))).ExitCode);
    }

    [Fact]
    public async Task The_question_counts_the_repository_branches_and_names_keep_repo()
    {
        var doomed = new List<ResourceOutcome>
        {
            new(ResourceTypes.Repository, "demo", null, ResourceAction.WouldDelete),
            new(ResourceTypes.Bucket, "demo-site", null, ResourceAction.WouldDelete),
        };

        var lines = await TeardownLosses.DescribeAsync(new CountedContents(branches: 2, objects: 12_000), doomed, _ => null, CancellationToken.None);

        Assert.Equal(
            [
                "repository demo: 2 branches and all their history will be lost",
                "bucket demo-site: more than 10000 objects will be deleted",
                "--keep-repo keeps the repository; --keep-buckets keeps both buckets and their objects.",
            ],
            lines);
    }

    /// <summary>Contents with fixed counts (the real counts are read by ListBranches and ListObjectsV2: wire-tested).</summary>
    private sealed class CountedContents(int branches, int objects) : StackContents(null!, null!)
    {
        public override Task<int> CountBranchesAsync(string repositoryName, CancellationToken cancellationToken) => Task.FromResult(branches);

        public override Task<(int Count, bool More)> CountObjectsAsync(string bucket, CancellationToken cancellationToken) =>
            Task.FromResult(objects > ObjectCountLimit ? (ObjectCountLimit, true) : (objects, false));
    }

    /// <summary>A terminal nobody types into: a read waits until the run is cancelled.</summary>
    private sealed class WaitingReader : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    /// <summary>Calls <paramref name="signal"/> once <paramref name="text"/> has been written (Ctrl-C when the question shows).</summary>
    /// <summary>Signals when the question is written, whether it arrives by Write or WriteAsync (the output sanitizer writes synchronously).</summary>
    private sealed class SignallingWriter(string text, Action signal) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value?.Contains(text, StringComparison.Ordinal) == true)
            {
                signal();
            }
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }
    }
}
