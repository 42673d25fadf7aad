using System.Net;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Faults;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Errors;

/// <summary>
/// A failure says what failed: the service, the operation, the resource, the HTTP status and the request id,
/// with a hint where one is known; --verbose adds the stack trace; a partial run lists what it made.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ActionableErrorTests(MotoServer moto)
{
    private static string UniqueStack() => "ae" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(string endpoint, params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", endpoint, "--region", "us-east-1"]);

    private FaultProxy WithoutGetBranch() =>
        new(moto.Endpoint, r => r.Operation == "codecommit:GetBranch" ? new InjectedFault(FaultKind.Unimplemented, FaultTiming.Before) : null);

    [Fact]
    public async Task An_endpoint_without_the_operation_is_named_with_a_hint_and_the_created_repository_is_listed()
    {
        // An endpoint without CodeCommit GetBranch (as moto 5.2.1 was before the launcher answered it): seeding a
        // new repository fails after it was created.
        var stack = UniqueStack();
        var seed = Directory.CreateTempSubdirectory("pipectl-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "index.html"), "<h1>hello</h1>");
        using var proxy = WithoutGetBranch();

        var run = await Pipectl(proxy.Endpoint, "create-repo", "--name", stack, "--seed", seed);

        Assert.Equal(1, run.ExitCode);
        var error = FaultRuns.ErrorLines(run)[0];
        Assert.StartsWith($"pipectl: CodeCommit GetBranch on repository {stack} failed: Http500 (HTTP 500, request id ", error);
        Assert.Contains("Hint: the endpoint does not seem to implement CodeCommit GetBranch", error);
        Assert.DoesNotContain("   at ", run.Stderr);

        // The repository was made before the failure: the summary counts and names it.
        Assert.Contains("1 created", run.Stdout);
        Assert.Contains($"made before it stopped: AWS::CodeCommit::Repository {stack}", run.Stdout);
        Assert.Equal(0, (await Pipectl(moto.Endpoint, "teardown", "--name", stack, "--yes")).ExitCode);
    }

    [Fact]
    public async Task A_partial_run_in_json_lists_the_created_repository_and_the_error_with_its_status()
    {
        var stack = UniqueStack();
        var seed = Directory.CreateTempSubdirectory("pipectl-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "index.html"), "<h1>hello</h1>");

        using var proxy = WithoutGetBranch();

        var run = await Pipectl(proxy.Endpoint, "create-repo", "--name", stack, "--seed", seed, "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var resources = run.Json.GetProperty("resources").EnumerateArray().ToList();
        var repository = Assert.Single(resources, r => r.GetProperty("type").GetString() == "AWS::CodeCommit::Repository");
        Assert.Equal(stack, repository.GetProperty("name").GetString());
        Assert.Equal("created", repository.GetProperty("action").GetString());
        var error = run.Json.GetProperty("error");
        Assert.Equal(500, error.GetProperty("httpStatus").GetInt32());
        Assert.Equal("CodeCommit", error.GetProperty("service").GetString());
        Assert.Equal("GetBranch", error.GetProperty("operation").GetString());
        Assert.Equal($"repository {stack}", error.GetProperty("resource").GetString());
        Assert.Equal(0, (await Pipectl(moto.Endpoint, "teardown", "--name", stack, "--yes")).ExitCode);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_to_the_same_line()
    {
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Operation == "codecommit:GetRepository"
            ? InjectedFault.Reply("AccessDeniedException", HttpStatusCode.BadRequest, "User is not authorized to perform: codecommit:GetRepository")
            : null);

        var quiet = await Pipectl(proxy.Endpoint, "create-repo", "--name", UniqueStack());
        var verbose = await Pipectl(proxy.Endpoint, "create-repo", "--name", UniqueStack(), "--verbose");

        Assert.Equal(1, quiet.ExitCode);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("CodeCommit GetRepository on repository ae", FaultRuns.StderrLines(quiet)[0]);
        Assert.Contains("Hint: allow codecommit:GetRepository for the caller", FaultRuns.StderrLines(quiet)[0]);
        Assert.DoesNotContain("   at ", quiet.Stderr);
        Assert.Contains("   at ", verbose.Stderr);
    }

    [Fact]
    public async Task CodeCommit_closed_to_new_accounts_says_so()
    {
        var stack = UniqueStack();
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Operation == "codecommit:CreateRepository"
            ? InjectedFault.Reply("OperationNotAllowedException", HttpStatusCode.BadRequest, "CreateRepository request is not allowed because there is no existing repository in this AWS account or AWS Organization")
            : null);

        var run = await Pipectl(proxy.Endpoint, "create-repo", "--name", stack);

        Assert.Equal(1, run.ExitCode);
        var line = FaultRuns.ErrorLines(run)[0];
        Assert.StartsWith($"pipectl: CodeCommit CreateRepository on repository {stack} failed: OperationNotAllowedException (HTTP 400, request id ", line);
        Assert.Contains("Hint: CodeCommit was closed to accounts without a repository", line);
    }

    [Fact]
    public async Task A_dropped_connection_names_the_request_that_got_no_reply()
    {
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Operation == "codecommit:GetRepository" ? new InjectedFault(FaultKind.Drop, FaultTiming.Before) : null);

        var run = await Pipectl(proxy.Endpoint, "create-repo", "--name", UniqueStack());

        Assert.Equal(1, run.ExitCode);
        var line = FaultRuns.StderrLines(run)[0];
        Assert.StartsWith("pipectl: CodeCommit GetRepository on repository ae", line);
        Assert.Contains("no reply", line);
        Assert.Contains("no HTTP status, no request id", line);
    }
}
