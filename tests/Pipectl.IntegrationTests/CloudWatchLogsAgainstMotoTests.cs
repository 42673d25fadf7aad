using System.Net.Http.Headers;
using System.Text;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Logs;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>The CloudWatch Logs client against moto_server: a build's log written by the test, read back by pipectl.</summary>
[Collection(MotoCollection.Name)]
public sealed class CloudWatchLogsAgainstMotoTests(MotoServer moto)
{
    [Fact]
    public async Task GetLogEvents_reads_a_stream_forward_and_its_tail()
    {
        var group = $"/aws/codebuild/itest-{Guid.NewGuid():N}"[..40];
        const string Stream = "0b7bd3e8-1111-2222-3333-444455556666";
        await LogsCallAsync("CreateLogGroup", $$"""{"logGroupName":"{{group}}"}""");
        await LogsCallAsync("CreateLogStream", $$"""{"logGroupName":"{{group}}","logStreamName":"{{Stream}}"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = string.Join(",", Enumerable.Range(1, 5).Select(i => $$"""{"timestamp":{{now + i}},"message":"line {{i}}"}"""));
        await LogsCallAsync("PutLogEvents", $$"""{"logGroupName":"{{group}}","logStreamName":"{{Stream}}","logEvents":[{{events}}]}""");
        using var session = TestSessions.For(moto);

        var all = await session.Logs.GetLogEventsAsync(new GetLogEventsRequest(group, Stream, StartFromHead: true));
        var tail = await session.Logs.GetLogEventsAsync(new GetLogEventsRequest(group, Stream, StartFromHead: false, Limit: 2));

        Assert.Equal(["line 1", "line 2", "line 3", "line 4", "line 5"], all.Events!.Select(e => e.Message));
        Assert.Equal(now + 1, all.Events![0].Timestamp);
        Assert.False(string.IsNullOrEmpty(all.NextForwardToken));
        Assert.Equal(["line 4", "line 5"], tail.Events!.Select(e => e.Message));
    }

    [Fact]
    public async Task A_missing_log_group_is_a_typed_not_found()
    {
        using var session = TestSessions.For(moto);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Logs.GetLogEventsAsync(new GetLogEventsRequest("/aws/codebuild/none", "none")));

        Assert.Equal("CloudWatch Logs", e.Request!.Service);
        Assert.Equal("log group /aws/codebuild/none", e.Request.Resource);
    }

    /// <summary>Writes test data straight to moto (pipectl itself only reads logs).</summary>
    private async Task LogsCallAsync(string operation, string body)
    {
        using var http = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint + "/") { Content = content };
        request.Headers.Add("X-Amz-Target", "Logs_20140328." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=0");
        using var reply = await http.SendAsync(request);
        Assert.True(reply.IsSuccessStatusCode, $"{operation}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
    }
}
