using System.Text;
using System.Web;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Ssm;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// A teardown, as a separate process, killed (SIGKILL) around the stack record's delete. The record goes alongside
/// the deletions once every part left is one <c>teardown --name</c> finds without it: at once for a stack of default
/// settings; only after a role named by <c>--build-role-name</c> is gone otherwise. Either way the next teardown given
/// only <c>--name</c> succeeds and leaves nothing of the stack.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KilledTeardownTests(MotoServer moto, ITestOutputHelper output)
{
    [Fact]
    public async Task A_default_stacks_teardown_killed_once_its_record_is_gone_is_finished_by_a_teardown_given_only_the_name()
    {
        var stack = "ktd" + Guid.NewGuid().ToString("N")[..8];
        var made = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack));
        Assert.True(made.ExitCode == 0, made.Stderr);

        var killed = await KilledRun.RunAsync(moto.Endpoint, ["teardown", "--name", stack, "--yes"], r => r.Operation == "ssm:DeleteParameter", FaultTiming.After, output);

        Assert.True(killed.Child.Killed, $"teardown never deleted the record: {killed.Run.Stderr}");
        using var session = TestSessions.For(moto);
        Assert.Null(await new StackRecordStore(session.Ssm).ReadAsync(stack, CancellationToken.None));
        Assert.NotEqual(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));

        var finish = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));

        Assert.True(finish.ExitCode == 0, $"teardown after the kill failed: {finish.Stderr}");
        Assert.Equal("deleted", FaultRuns.Actions(finish)[$"AWS::IAM::Role {stack}-codebuild-role"]);
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
    }

    [Fact]
    public async Task A_teardown_killed_before_a_role_only_the_record_names_is_gone_keeps_the_record_and_the_next_teardown_finds_the_role()
    {
        var stack = "ktc" + Guid.NewGuid().ToString("N")[..8];
        var role = $"{stack}-own-build";
        var made = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack, "--build-role-name", role));
        Assert.True(made.ExitCode == 0, made.Stderr);

        var killed = await KilledRun.RunAsync(moto.Endpoint, ["teardown", "--name", stack, "--yes"], r => r.Operation == "iam:DeleteRole" && RoleNameOf(r) == role, FaultTiming.Before, output);

        Assert.True(killed.Child.Killed, $"teardown never deleted {role}: {killed.Run.Stderr}");
        using var session = TestSessions.For(moto);
        Assert.NotNull(await new StackRecordStore(session.Ssm).ReadAsync(stack, CancellationToken.None));
        Assert.NotNull(await session.Iam.GetRoleAsync(role));

        var finish = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));

        Assert.True(finish.ExitCode == 0, $"teardown after the kill failed: {finish.Stderr}");
        Assert.Equal("deleted", FaultRuns.Actions(finish)[$"AWS::IAM::Role {role}"]);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync(role));
        Assert.Null(await new StackRecordStore(session.Ssm).ReadAsync(stack, CancellationToken.None));
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
    }

    private static string? RoleNameOf(ProxiedRequest request) => HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body))["RoleName"];
}
