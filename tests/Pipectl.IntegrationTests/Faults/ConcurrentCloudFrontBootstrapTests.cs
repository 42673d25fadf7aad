using Pipectl.Aws.Errors;
using Pipectl.Aws.Runtime;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// Two pipectl processes bootstrap one stack with a CloudFront site and a GitHub source at the same time. The proxy
/// holds each process's create of the origin access control, the index function, the distribution and the connection
/// until the other process sent the same create (or 20 s passed), so both have read "none" before either create takes
/// effect: every race is run, not hoped for. Afterwards there is one of each, and one teardown given only the name
/// leaves none.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ConcurrentCloudFrontBootstrapTests(MotoServer moto, ITestOutputHelper output)
{
    private static readonly TimeSpan Barrier = TimeSpan.FromSeconds(20);

    /// <summary>The creates whose names AWS makes unique (OAC, function), whose caller reference is (distribution), or that are not (connection).</summary>
    private static readonly (string Label, Func<ProxiedRequest, bool> Is)[] Races =
    [
        ("CreateOriginAccessControl", r => r.Method == "POST" && r.PathAndQuery.StartsWith("/2020-05-31/origin-access-control", StringComparison.Ordinal)),
        ("CreateFunction", r => r.Method == "POST" && r.PathAndQuery == "/2020-05-31/function"),
        ("CreateDistributionWithTags", r => r.Method == "POST" && r.PathAndQuery.StartsWith("/2020-05-31/distribution?WithTags", StringComparison.Ordinal)),
        ("CreateConnection", r => r.Target?.EndsWith(".CreateConnection", StringComparison.Ordinal) == true),
    ];

    [Fact]
    public async Task Two_processes_bootstrapping_one_CloudFront_stack_at_once_leave_one_of_each_and_one_teardown_removes_all()
    {
        var stack = "ccf" + Guid.NewGuid().ToString("N")[..8];
        var site = $"{stack}-site-123456789012-{FaultRuns.Region}";
        var function = $"{stack}-site-index-{FaultRuns.Region}";
        var barriers = Races.ToDictionary(r => r.Label, _ => new CountdownEvent(2));
        using var proxy = new FaultProxy(moto.Endpoint)
        {
            Faults = request =>
            {
                foreach (var (label, isRace) in Races)
                {
                    if (isRace(request) && barriers[label] is { IsSet: false } barrier && TrySignal(barrier))
                    {
                        barrier.Wait(Barrier);
                    }
                }

                return null;
            },
        };

        string[] args = ["bootstrap", "--name", stack, "--site", "cloudfront", "--source", "github:octo/site", "--endpoint-url", proxy.Endpoint, "--region", FaultRuns.Region, "--output", "json"];
        using var first = CliChild.Start(args);
        using var second = CliChild.Start(args);
        var runs = await Task.WhenAll(first.WaitAsync(TimeSpan.FromMinutes(3)), second.WaitAsync(TimeSpan.FromMinutes(3)));
        output.WriteLine(proxy.Describe());

        // Each create was sent by both processes: the races happened.
        foreach (var (label, _) in Races)
        {
            Assert.True(barriers[label].IsSet, $"only one process sent {label}");
        }

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));

        using var session = TestSessions.For(moto);
        Assert.Equal(1, await DistributionsOfAsync(session, site));
        Assert.Equal(1, await AccessControlsNamedAsync(session, site));
        var (summary, _) = await session.CloudFront.DescribeFunctionAsync(function, "DEVELOPMENT", CancellationToken.None);
        Assert.Equal($"pipectl: index.html for s3://{site}", summary.Child("FunctionConfig").ChildText("Comment"));
        var connections = await session.CodeConnections.FindConnectionsAsync($"{stack}-github", "GitHub");
        var connection = Assert.Single(connections);

        // A re-run converges on the one connection that is left (the pipeline names it) and then changes nothing.
        var rerun = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack));
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        var pipeline = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!;
        Assert.Equal(connection.ConnectionArn, pipeline.Stages[0].Actions[0].Configuration!["ConnectionArn"]);
        var again = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack));
        Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        var teardown = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal(0, await DistributionsOfAsync(session, site));
        Assert.Equal(0, await AccessControlsNamedAsync(session, site));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CloudFront.DescribeFunctionAsync(function, "DEVELOPMENT", CancellationToken.None));
        Assert.Empty(await session.CodeConnections.FindConnectionsAsync($"{stack}-github", "GitHub"));
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
    }

    /// <summary>Counts this arrival; false when both arrived already (a third one, a retry, is not held).</summary>
    private static bool TrySignal(CountdownEvent barrier)
    {
        try
        {
            barrier.Signal();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>How many distributions read the site bucket as their origin.</summary>
    internal static async Task<int> DistributionsOfAsync(Pipectl.Aws.Session.AwsSession session, string site)
    {
        var list = await session.CloudFront.ListDistributionsAsync(null, CancellationToken.None);
        return list.Child("Items")?.Elements().Count(d => d.Descendants().Any(e => e.Name.LocalName == "DomainName" && e.Value == $"{site}.s3.{FaultRuns.Region}.amazonaws.com")) ?? 0;
    }

    /// <summary>How many origin access controls have the site bucket's name.</summary>
    internal static async Task<int> AccessControlsNamedAsync(Pipectl.Aws.Session.AwsSession session, string site) =>
        (await session.CloudFront.ListOriginAccessControlsAsync(null, CancellationToken.None)).Descendants().Count(e => e.Name.LocalName == "Name" && e.Value == site);
}
