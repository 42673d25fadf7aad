using System.Text.Json;
using Pipectl.Aws.Ssm;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests.Ssm;

/// <summary>
/// The stack record's writes on the wire (SSM JSON 1.1, botocore ssm 2014-11-06): a new record is created with its tags
/// and without Overwrite; when a concurrent run created it first (ParameterAlreadyExists), it is read again and
/// overwritten (no tags: AWS refuses tags with Overwrite) with this run's settings current and the other's pending.
/// </summary>
public sealed class StackRecordStoreWireTests
{
    private static StackRecord Record(string buildImage) => StackRecord.Next(
        null,
        "shop",
        "eu-west-2",
        new Dictionary<string, RecordedSpec> { [StackRecord.SingleStack] = RecordedSpec.Of(StackSpec.FromStackName("shop", "eu-west-2", "123456789012") with { BuildImage = buildImage }) },
        wholeStack: true);

    /// <summary>A server where another run created the record first: ParameterAlreadyExists, its record, then the overwrite succeeds.</summary>
    private static WireServer CreatedFirstBy(StackRecord theirs) => new WireServer().Reply(
        WireReply.JsonError(400, "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."),
        WireReply.Json(JsonSerializer.Serialize(new { Parameter = new { Name = "/pipectl/stacks/shop", Type = "String", Value = theirs.ToJson(), Version = 1 } })),
        WireReply.Json("""{"Version":2,"Tier":"Standard"}"""));

    [Fact]
    public async Task A_new_record_is_created_with_the_stack_tags_and_without_overwrite()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"Version":1,"Tier":"Standard"}"""));
        using var session = WireSession.For(server);
        var mine = Record("aws/codebuild/standard:7.0");

        var written = await new StackRecordStore(session.Ssm).WriteAsync(mine, exists: false, CancellationToken.None);

        Assert.Same(mine, written);
        var put = Assert.Single(server.Requests);
        ModelAssert.JsonRequestConforms("ssm", "PutParameter", put);
        using var body = JsonDocument.Parse(put.Body);
        Assert.False(body.RootElement.GetProperty("Overwrite").GetBoolean());
        Assert.Contains(body.RootElement.GetProperty("Tags").EnumerateArray(), t => t.GetProperty("Key").GetString() == "pipectl:stack" && t.GetProperty("Value").GetString() == "shop");
    }

    [Fact]
    public async Task A_record_another_run_created_first_is_read_again_and_overwritten_keeping_its_settings_pending()
    {
        var theirs = Record("aws/codebuild/standard:6.0");
        var mine = Record("aws/codebuild/standard:7.0");
        using var server = CreatedFirstBy(theirs);
        using var session = WireSession.For(server);

        var written = await new StackRecordStore(session.Ssm).WriteAsync(mine, exists: false, CancellationToken.None);

        var requests = server.Requests;
        Assert.Equal(["AmazonSSM.PutParameter", "AmazonSSM.GetParameter", "AmazonSSM.PutParameter"], requests.Select(r => r.Target));
        ModelAssert.JsonRequestConforms("ssm", "GetParameter", requests[1]);
        ModelAssert.JsonRequestConforms("ssm", "PutParameter", requests[2]);
        using var overwrite = JsonDocument.Parse(requests[2].Body);
        Assert.True(overwrite.RootElement.GetProperty("Overwrite").GetBoolean());
        Assert.False(overwrite.RootElement.TryGetProperty("Tags", out _));
        var sent = StackRecord.Parse(overwrite.RootElement.GetProperty("Value").GetString()!)!;
        Assert.Equal("aws/codebuild/standard:7.0", sent.Environments[StackRecord.SingleStack].BuildImage);
        Assert.Equal("aws/codebuild/standard:6.0", Assert.Single(sent.Pending).Settings.BuildImage);
        Assert.True(sent.SameAs(written));

        // Once this run removed what it planned to, the other run's settings stay pending: nothing is forgotten.
        Assert.Equal("aws/codebuild/standard:6.0", Assert.Single(mine.SettledAfter(written).Pending).Settings.BuildImage);
    }

    [Fact]
    public async Task The_same_settings_written_by_both_runs_leave_nothing_pending()
    {
        var mine = Record("aws/codebuild/standard:7.0");
        using var server = CreatedFirstBy(Record("aws/codebuild/standard:7.0"));
        using var session = WireSession.For(server);

        var written = await new StackRecordStore(session.Ssm).WriteAsync(mine, exists: false, CancellationToken.None);

        Assert.Empty(written.Pending);
        Assert.True(written.SameAs(mine));
        Assert.Equal(3, server.Requests.Count);
    }
}
