using System.Diagnostics;
using System.Net;
using Amazon.S3.Model;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Session;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// The session's limits on one request: an attempt that gets no answer is abandoned after the request timeout
/// and retried; throttling, 5xx and dropped connections are retried <see cref="AwsSession.DefaultMaxErrorRetry"/> times, in pipectl's
/// own clients and in the SDK's alike.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RequestBoundsTests(MotoServer moto)
{
    [Fact]
    public void Default_request_timeout_is_30_seconds_and_four_retries()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), AwsSession.DefaultRequestTimeout);
        Assert.Equal(4, AwsSession.DefaultMaxErrorRetry);
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_is_abandoned_after_the_timeout_and_retried()
    {
        var stalled = 0;
        using var proxy = new FaultProxy(moto.Endpoint, r => r.Operation == "iam:GetRole" && Interlocked.Increment(ref stalled) == 1
            ? new InjectedFault(FaultKind.Stall, FaultTiming.Before)
            : null);
        using var session = AwsSession.Create(new AwsSessionOptions("us-east-1", null, proxy.Endpoint, RequestTimeout: TimeSpan.FromSeconds(1)), _ => null);
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync("no-such-role-" + Guid.NewGuid().ToString("N")[..6]));

        Assert.True(watch.Elapsed < FaultProxy.StallTime / 2, $"took {watch.Elapsed}");
        Assert.Equal(2, Volatile.Read(ref stalled));
    }

    [Fact]
    public async Task Server_errors_are_retried_four_times_by_pipectls_clients_and_the_sdks()
    {
        var attempts = new Dictionary<string, int>();
        using var proxy = new FaultProxy(moto.Endpoint, r =>
        {
            lock (attempts)
            {
                attempts[r.Service] = attempts.GetValueOrDefault(r.Service) + 1;
                return attempts[r.Service] <= AwsSession.DefaultMaxErrorRetry ? new InjectedFault(FaultKind.ServerError, FaultTiming.Before) : null;
            }
        });
        using var session = TestSessions.ForEndpoint(proxy.Endpoint);

        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync("no-such-role"));
        await session.S3.ListBucketsAsync(new ListBucketsRequest());

        Assert.Equal(5, attempts["iam"]);
        Assert.Equal(5, attempts["s3"]);
        Assert.Equal(10, session.Counter.Total);
    }

    [Fact]
    public async Task Five_server_errors_in_a_row_fail_the_call()
    {
        using var proxy = new FaultProxy(moto.Endpoint, _ => new InjectedFault(FaultKind.ServerError, FaultTiming.Before));
        using var session = TestSessions.ForEndpoint(proxy.Endpoint);

        var e = await Assert.ThrowsAsync<AwsApiException>(() => session.Iam.GetRoleAsync("any"));

        Assert.Equal("InternalFailure", e.Code);
        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal(5, proxy.Requests);
    }
}
