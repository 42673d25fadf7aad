using Pipectl.Aws.Runtime;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Faults;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Issue 27: before the first write, bootstrap simulates the caller's identity policies on the plan's requests. A
/// caller denied codepipeline:CreatePipeline is told so, with the pipeline's ARN, and nothing is created; a caller
/// IAM cannot simulate (the emulator's default identity) is warned about and the run goes on.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PermissionCheckTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private const string AllButCreatePipeline = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"*","Resource":"*"},
          {"Effect":"Deny","Action":"codepipeline:CreatePipeline","Resource":"*"}]}
        """;

    private static string Stack(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_user_denied_CreatePipeline_gets_the_denied_action_and_resource_and_nothing_is_created()
    {
        var stack = Stack("pc");
        using var principals = new MotoIamPrincipals(moto);
        var user = MotoIamPrincipals.Unique("pc-user");
        await principals.UserAsync(user, AllButCreatePipeline);
        var (id, secret) = await principals.AccessKeyAsync(user);
        using var proxy = new FaultProxy(moto.Endpoint);
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = id, ["AWS_SECRET_ACCESS_KEY"] = secret };

        var run = await CliProcess.RunAsync(environment, "bootstrap", "--name", stack, "--endpoint-url", proxy.Endpoint, "--region", "us-east-1", "--output", "json").WaitAsync(TimeSpan.FromMinutes(3));
        var skipped = await CliProcess.RunAsync(environment, "bootstrap", "--name", stack, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json", "--skip-permission-check", "--dry-run").WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 1, run.Stderr);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("codepipeline:CreatePipeline", StringComparison.Ordinal));
        Assert.Contains($"codepipeline:CreatePipeline on arn:aws:codepipeline:us-east-1:{Account}:{stack}-pipeline", line, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:iam::{Account}:user/{user}", line, StringComparison.Ordinal);
        Assert.Contains("is not allowed 1 of the requests", line, StringComparison.Ordinal);
        Assert.Contains("stopped before changing anything", run.Stderr, StringComparison.Ordinal);
        var error = run.Json.GetProperty("error");
        Assert.Equal("PermissionsDenied", error.GetProperty("code").GetString());
        var calls = run.Json.GetProperty("apiCalls");
        Assert.Equal(0, calls.GetProperty("mutating").GetInt32());
        Assert.Equal(1, calls.GetProperty("operations").GetProperty("SimulatePrincipalPolicy").GetInt32());
        Assert.Contains(proxy.Log, e => e.Operation.EndsWith("SimulatePrincipalPolicy", StringComparison.Ordinal));
        Assert.DoesNotContain(proxy.Log, e => Mutates(e.Operation));
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
        Assert.True(skipped.ExitCode == 0, skipped.Stderr);
    }

    [Fact]
    public async Task A_user_allowed_everything_is_checked_with_one_request_and_a_no_op_rerun_with_none()
    {
        var stack = Stack("pa");
        using var principals = new MotoIamPrincipals(moto);
        var user = MotoIamPrincipals.Unique("pa-user");
        await principals.UserAsync(user, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        var (id, secret) = await principals.AccessKeyAsync(user);
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = id, ["AWS_SECRET_ACCESS_KEY"] = secret };
        string[] args = ["bootstrap", "--name", stack, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"];
        try
        {
            var first = await CliProcess.RunAsync(environment, args).WaitAsync(TimeSpan.FromMinutes(3));
            var again = await CliProcess.RunAsync(environment, args).WaitAsync(TimeSpan.FromMinutes(3));

            Assert.True(first.ExitCode == 0, first.Stderr);
            Assert.True(again.ExitCode == 0, again.Stderr);
            Assert.DoesNotContain("warning", first.Stderr, StringComparison.Ordinal);
            Assert.Equal(1, first.Json.GetProperty("apiCalls").GetProperty("operations").GetProperty("SimulatePrincipalPolicy").GetInt32());
            Assert.False(again.Json.GetProperty("apiCalls").GetProperty("operations").TryGetProperty("SimulatePrincipalPolicy", out _));
            Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        }
        finally
        {
            await CliProcess.RunAsync(environment, "teardown", "--name", stack, "--yes", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");
        }
    }

    [Fact]
    public async Task The_emulators_default_identity_cannot_be_simulated_a_warning_says_so_and_bootstrap_proceeds()
    {
        var stack = Stack("pw");
        try
        {
            var run = await CliRun.RunAsync("bootstrap", "--name", stack, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json");

            Assert.True(run.ExitCode == 0, run.Stderr);
            var warning = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("pipectl: warning:", StringComparison.Ordinal) && l.Contains("not checked", StringComparison.Ordinal));
            Assert.Contains($"arn:aws:sts::{Account}:user/moto", warning, StringComparison.Ordinal);
            Assert.False(run.Json.GetProperty("apiCalls").GetProperty("operations").TryGetProperty("SimulatePrincipalPolicy", out _));
            Assert.True(run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32() > 0);
        }
        finally
        {
            await CliRun.RunAsync("teardown", "--name", stack, "--yes", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");
        }
    }

    [Fact]
    public async Task Doctor_reports_what_a_default_stacks_bootstrap_would_be_denied_as_a_failed_check()
    {
        using var principals = new MotoIamPrincipals(moto);
        var user = MotoIamPrincipals.Unique("pd-user");
        await principals.UserAsync(user, AllButCreatePipeline);
        var (id, secret) = await principals.AccessKeyAsync(user);
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = id, ["AWS_SECRET_ACCESS_KEY"] = secret };

        var json = await CliProcess.RunAsync(environment, "doctor", "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json").WaitAsync(TimeSpan.FromMinutes(3));
        var text = await CliProcess.RunAsync(environment, "doctor", "--endpoint-url", moto.Endpoint, "--region", "us-east-1").WaitAsync(TimeSpan.FromMinutes(3));
        var fallback = await CliRun.RunAsync("doctor", "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json");

        Assert.Equal((1, 1), (json.ExitCode, text.ExitCode));
        var permissions = json.Json.GetProperty("permissions");
        Assert.True(permissions.GetProperty("checked").GetBoolean());
        var denied = Assert.Single(permissions.GetProperty("denied").EnumerateArray());
        Assert.Equal("codepipeline:CreatePipeline", denied.GetProperty("action").GetString());
        Assert.Equal($"arn:aws:codepipeline:us-east-1:{Account}:pipectl-doctor-pipeline", denied.GetProperty("resource").GetString());
        Assert.Equal("PermissionsDenied", json.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.All(json.Json.GetProperty("services").EnumerateArray(), s => Assert.True(s.GetProperty("ok").GetBoolean()));
        Assert.Contains(text.Stdout.Split('\n'), l => l.StartsWith("permissions ", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal) && l.Contains("codepipeline:CreatePipeline on", StringComparison.Ordinal));
        Assert.True(fallback.ExitCode == 0, fallback.Stderr);
        Assert.False(fallback.Json.GetProperty("permissions").GetProperty("checked").GetBoolean());
    }

    [Fact]
    public async Task An_assumed_role_session_is_simulated_on_its_role()
    {
        var stack = Stack("pr");
        using var principals = new MotoIamPrincipals(moto);
        using var session = TestSessions.For(moto);
        var role = MotoIamPrincipals.Unique("pr-role");
        await session.Iam.CreateRoleAsync(new Pipectl.Aws.Iam.CreateRoleRequest(role, $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}""", Path: "/deployers/"));
        await session.Iam.PutRolePolicyAsync(role, "inline", AllButCreatePipeline);
        using var folder = new TempFolder();
        var config = folder.Write("config", $"[profile deployer]\nrole_arn = arn:aws:iam::{Account}:role/deployers/{role}\nsource_profile = base\nregion = us-east-1\n");
        var credentials = folder.Write("credentials", "[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n");

        var run = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["AWS_CONFIG_FILE"] = config, ["AWS_SHARED_CREDENTIALS_FILE"] = credentials },
            "bootstrap", "--name", stack, "--profile", "deployer", "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json").WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains($"arn:aws:iam::{Account}:role/deployers/{role} is not allowed 1 of the requests", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"codepipeline:CreatePipeline on arn:aws:codepipeline:us-east-1:{Account}:{stack}-pipeline", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    /// <summary>A request of the proxy's log that changes something: a mutating operation, or an S3 PUT, POST or DELETE.</summary>
    private static bool Mutates(string operation)
    {
        var name = operation[(operation.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return name.StartsWith("PUT ", StringComparison.Ordinal) || name.StartsWith("POST ", StringComparison.Ordinal) || name.StartsWith("DELETE ", StringComparison.Ordinal) || ApiCallCounter.IsMutating(name);
    }
}
