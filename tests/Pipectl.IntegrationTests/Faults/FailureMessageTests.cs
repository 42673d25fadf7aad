using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// What a person sees when a run cannot start or cannot go on: the documented exit code and one line
/// (`pipectl: ...`) saying what is wrong; when the stack was partly handled, one more line saying how to finish.
/// Never a stack trace.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class FailureMessageTests(MotoServer moto)
{
    private static string UniqueStack() => "fm" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Bad_input_exits_2_with_one_line_and_sends_nothing()
    {
        using var proxy = new FaultProxy(moto.Endpoint);

        var run = await CliRun.RunAsync("bootstrap", "--name", "Bad_Stack!", "--endpoint-url", proxy.Endpoint, "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(FaultRuns.StderrLines(run));
        Assert.StartsWith("pipectl: ", line);
        Assert.Contains("Bad_Stack!", line);
        Assert.Equal(0, proxy.Requests);
    }

    [Fact]
    public async Task Missing_credentials_exit_2_with_one_line_and_send_nothing()
    {
        using var proxy = new FaultProxy(moto.Endpoint);

        var run = await CliProcess.RunAsync(new Dictionary<string, string?>(), "bootstrap", "--name", UniqueStack(), "--endpoint-url", proxy.Endpoint, "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(FaultRuns.StderrLines(run));
        Assert.StartsWith("pipectl: No AWS credentials were found", line);
        Assert.Contains("AWS_ACCESS_KEY_ID", line);
        Assert.Equal(0, proxy.Requests);
    }

    [Fact]
    public async Task Expired_credentials_exit_1_with_one_line_naming_the_error()
    {
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Operation == "sts:GetCallerIdentity"
            ? InjectedFault.Reply("ExpiredToken", HttpStatusCode.BadRequest, "The security token included in the request is expired")
            : null);
        var stack = UniqueStack();

        var run = await CliRun.RunAsync("bootstrap", "--name", stack, "--endpoint-url", proxy.Endpoint, "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(FaultRuns.StderrLines(run));
        Assert.Matches(@"^pipectl: STS GetCallerIdentity failed: ExpiredToken \(HTTP 400, request id [0-9a-f-]{36}\): The security token included in the request is expired\. Hint: the credentials are invalid or expired", line);
        Assert.Equal(string.Empty, run.Stdout);

        // Not retried (retrying cannot help), and the run stopped before touching the stack: the reads that need only a
        // name go out alongside GetCallerIdentity (issue 17's early reads), but nothing that writes.
        Assert.Single(proxy.Log, e => e.Operation == "sts:GetCallerIdentity");
        Assert.All(proxy.Log, e => Assert.Matches(@"^(sts:GetCallerIdentity|[a-z0-9-]+:(Get|List|Describe|BatchGet)[A-Za-z]*|s3:(GET|HEAD) .*)$", e.Operation));
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
    }

    [Fact]
    public async Task Unreachable_endpoint_exits_1_with_one_line_and_no_stack_trace()
    {
        var watch = Stopwatch.StartNew();

        var run = await CliRun.RunAsync("bootstrap", "--name", UniqueStack(), "--endpoint-url", $"http://127.0.0.1:{ClosedPort()}", "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(FaultRuns.StderrLines(run));
        Assert.StartsWith("pipectl: ", line);
        Assert.Contains("Connection refused", line);
        Assert.DoesNotContain("   at ", run.Stderr + run.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Access_denied_exits_1_with_the_denial_and_how_to_finish()
    {
        // The caller may not touch IAM: every IAM call is refused the way IAM refuses it.
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Service == "iam"
            ? InjectedFault.Reply("AccessDenied", HttpStatusCode.Forbidden, "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:GetRole")
            : null);
        var stack = UniqueStack();

        var run = await CliRun.RunAsync("bootstrap", "--name", stack, "--endpoint-url", proxy.Endpoint, "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var lines = FaultRuns.StderrLines(run);
        Assert.Equal(2, lines.Length);
        Assert.Matches($@"^pipectl: IAM GetRole on role {stack}-[a-z]+-role failed: AccessDenied \(HTTP 403, request id [0-9a-f-]{{36}}\): User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:GetRole\. Hint: allow iam:GetRole for the caller; docs/permissions\.md lists every action pipectl needs\.$", lines[0]);
        Assert.Equal("pipectl: bootstrap stopped before changing anything.", lines[1]);
        Assert.DoesNotContain("   at ", run.Stderr + run.Stdout);

        // Refusals are not retried: one GetRole for each of the 4 roles. Every resource is read before the
        // first write, so a refused read stops the run before anything is made.
        Assert.Equal(["iam:GetRole", "iam:GetRole", "iam:GetRole", "iam:GetRole"], proxy.Log.Where(e => e.Operation.StartsWith("iam:", StringComparison.Ordinal)).Select(e => e.Operation));
        Assert.DoesNotContain(proxy.Log, e => e.Operation.Contains(":Create", StringComparison.Ordinal) || e.Operation.StartsWith("s3:PUT", StringComparison.Ordinal));
        Assert.DoesNotContain("created", run.Stdout);

        // Nothing was made, so a teardown finds no stack of that name (exit 1) and deletes nothing.
        var teardown = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));
        Assert.True(teardown.ExitCode == 1, teardown.Stderr);
        Assert.Contains($"no stack named {stack} was found in us-east-1", teardown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_past_its_timeout_exits_1_with_one_line_and_a_rerun_finishes()
    {
        // CreatePipeline never answers; --timeout bounds the whole command.
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Operation == "codepipeline:CreatePipeline" ? new InjectedFault(FaultKind.Stall, FaultTiming.Before) : null);
        var stack = UniqueStack();
        var watch = Stopwatch.StartNew();

        var run = await CliRun.RunAsync("bootstrap", "--name", stack, "--timeout", "3s", "--endpoint-url", proxy.Endpoint, "--region", "us-east-1");

        Assert.True(watch.Elapsed < FaultProxy.StallTime / 2, $"took {watch.Elapsed}");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(FaultRuns.ErrorLines(run));
        Assert.Equal($"pipectl: timed out after 3 s (--timeout). A re-run (`pipectl bootstrap --name {stack} --region us-east-1`) finishes what was started; `pipectl teardown --name {stack} --region us-east-1` removes it.", line);

        var rerun = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack));
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(StackInventory.Complete(withTopic: false), await StackInventory.ReadAsync(moto, stack));
        Assert.Equal(0, (await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"))).ExitCode);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
