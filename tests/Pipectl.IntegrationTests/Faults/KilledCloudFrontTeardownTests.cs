using Pipectl.Aws.Errors;
using Pipectl.Aws.Ssm;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// A CloudFront stack's teardown, as a separate process, killed (SIGKILL) between the named requests of its
/// CloudFront part: right after DeleteDistribution took effect, right after DeleteOriginAccessControl took effect,
/// and as DeleteFunction is sent (before it reaches moto). By then the pipeline and the Invalidate project are gone.
/// The next teardown, given only <c>--name</c>, leaves nothing of the stack: no distribution, access control, index
/// function, record, role or bucket.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KilledCloudFrontTeardownTests(MotoServer moto, ITestOutputHelper output)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(150);

    public static TheoryData<string, string, FaultTiming> KillPoints => new()
    {
        { "DeleteDistribution", "/2020-05-31/distribution/", FaultTiming.After },
        { "DeleteOriginAccessControl", "/2020-05-31/origin-access-control/", FaultTiming.After },
        { "DeleteFunction", "/2020-05-31/function/", FaultTiming.Before },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_teardown_killed_at_a_CloudFront_delete_is_finished_by_the_next_teardown_given_only_the_name(string request, string path, FaultTiming timing)
    {
        var stack = "kct" + Guid.NewGuid().ToString("N")[..8];
        var site = $"{stack}-site-123456789012-{FaultRuns.Region}";
        var function = $"{stack}-site-index-{FaultRuns.Region}";
        var made = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack, "--site", "cloudfront"));
        Assert.True(made.ExitCode == 0, made.Stderr);

        await KillTeardownAsync(request, path, timing, "--name", stack);

        using var session = TestSessions.For(moto);
        Assert.NotNull(await new StackRecordStore(session.Ssm).ReadAsync(stack, CancellationToken.None));

        var finish = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));

        Assert.True(finish.ExitCode == 0, $"teardown after a kill at {request} failed: {finish.Stderr}");
        Assert.Equal("deleted", FaultRuns.Actions(finish)[$"AWS::CloudFront::Distribution {site}"]);
        Assert.Equal(0, await ConcurrentCloudFrontBootstrapTests.DistributionsOfAsync(session, site));
        Assert.Equal(0, await ConcurrentCloudFrontBootstrapTests.AccessControlsNamedAsync(session, site));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CloudFront.DescribeFunctionAsync(function, "DEVELOPMENT", CancellationToken.None));
        Assert.Null(await new StackRecordStore(session.Ssm).ReadAsync(stack, CancellationToken.None));
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
        output.WriteLine($"SIGKILL at {request}: the next teardown sent {finish.Json.GetProperty("apiCalls").GetProperty("total").GetInt32()} requests");
    }

    [Fact]
    public async Task A_teardown_killed_after_DeleteDistribution_is_finished_by_a_teardown_of_a_stack_file_that_no_longer_says_cloudfront()
    {
        var stack = "kcf" + Guid.NewGuid().ToString("N")[..8];
        var site = $"{stack}-site-123456789012-{FaultRuns.Region}";
        var folder = Directory.CreateTempSubdirectory("pipectl-kcf-").FullName;
        var file = Path.Combine(folder, "pipectl.yaml");
        try
        {
            await File.WriteAllTextAsync(file, $"name: {stack}\nsite: cloudfront\n");
            var made = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "-f", file));
            Assert.True(made.ExitCode == 0, made.Stderr);
            await KillTeardownAsync("DeleteDistribution", "/2020-05-31/distribution/", FaultTiming.After, "-f", file);

            // The file no longer has the site: the record still says the stack had one.
            await File.WriteAllTextAsync(file, $"name: {stack}\n");
            var finish = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "-f", file, "--yes"));

            Assert.True(finish.ExitCode == 0, finish.Stderr);
            using var session = TestSessions.For(moto);
            Assert.Equal(0, await ConcurrentCloudFrontBootstrapTests.AccessControlsNamedAsync(session, site));
            await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CloudFront.DescribeFunctionAsync($"{stack}-site-index-{FaultRuns.Region}", "DEVELOPMENT", CancellationToken.None));
            Assert.Null(await new StackRecordStore(session.Ssm).ReadAsync(stack, CancellationToken.None));
            Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs <c>teardown</c> with <paramref name="target"/> as a child process and kills it at the first DELETE of <paramref name="path"/>.</summary>
    private async Task KillTeardownAsync(string request, string path, FaultTiming timing, params string[] target)
    {
        CliChild? child = null;
        var fired = 0;
        using var proxy = new FaultProxy(moto.Endpoint)
        {
            Faults = r =>
            {
                if (r.Method != "DELETE" || !r.PathAndQuery.StartsWith(path, StringComparison.Ordinal) || Interlocked.Exchange(ref fired, 1) == 1)
                {
                    return null;
                }

                // Killed with this request in flight: after it took effect (its reply lost), or before moto saw it.
                Volatile.Read(ref child)!.Kill();
                return new InjectedFault(FaultKind.Drop, timing);
            },
        };
        string[] args = ["teardown", .. target, "--yes", "--endpoint-url", proxy.Endpoint, "--region", FaultRuns.Region, "--output", "json"];
        using (child = CliChild.Start(args))
        {
            var killed = await child.WaitAsync(ChildTimeout);
            output.WriteLine(proxy.Describe());
            Assert.True(child.Killed, $"teardown never sent {request}: {killed.Stderr}");
        }
    }
}
