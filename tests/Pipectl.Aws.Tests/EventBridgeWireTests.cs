using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Aws.EventBridge;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

public sealed class EventBridgeWireTests
{
    private const string RuleArn = "arn:aws:events:eu-west-2:123456789012:rule/demo-trigger";
    private const string PipelineArn = "arn:aws:codepipeline:eu-west-2:123456789012:demo-pipeline";
    private const string EventsRoleArn = "arn:aws:iam::123456789012:role/demo-events-role";
    private const string Pattern = """{"source":["aws.codecommit"],"detail-type":["CodeCommit Repository State Change"],"resources":["arn:aws:codecommit:eu-west-2:123456789012:demo"],"detail":{"event":["referenceCreated","referenceUpdated"],"referenceType":["branch"],"referenceName":["main"]}}""";

    [Fact]
    public async Task PutRule_sends_pascal_case_members_signed_for_events()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"RuleArn":"{{RuleArn}}"}"""));
        using var session = WireSession.For(server);

        var reply = await session.EventBridge.PutRuleAsync(new PutRuleRequest("demo-trigger", Pattern, "ENABLED", "Starts demo-pipeline on a push to main",
            Tags: [new EventBridgeTag("pipectl:stack", "demo")]));

        Assert.Equal(RuleArn, reply.RuleArn);
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("events", "PutRule", request);
        ModelAssert.SignedFor(request, "events", "eu-west-2");
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("demo-trigger", root.GetProperty("Name").GetString());
        Assert.Equal(Pattern, root.GetProperty("EventPattern").GetString());
        Assert.Equal("ENABLED", root.GetProperty("State").GetString());
        Assert.Equal("pipectl:stack", root.GetProperty("Tags")[0].GetProperty("Key").GetString());
        Assert.Equal("demo", root.GetProperty("Tags")[0].GetProperty("Value").GetString());
        Assert.False(root.TryGetProperty("RoleArn", out _));
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task DescribeRule_reads_the_rule()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""
            {"Name":"demo-trigger","Arn":"{{RuleArn}}","EventPattern":{{JsonSerializer.Serialize(Pattern)}},"State":"ENABLED",
             "Description":"Starts demo-pipeline on a push to main","EventBusName":"default","CreatedBy":"123456789012"}
            """));
        using var session = WireSession.For(server);

        var rule = await session.EventBridge.DescribeRuleAsync("demo-trigger");

        Assert.Equal(("demo-trigger", RuleArn, "ENABLED", "default"), (rule.Name, rule.Arn, rule.State, rule.EventBusName));
        Assert.Equal(Pattern, rule.EventPattern);
        Assert.Equal("Starts demo-pipeline on a push to main", rule.Description);
        Assert.Null(rule.RoleArn);
        ModelAssert.JsonRequestConforms("events", "DescribeRule", server.LastRequest);
        Assert.Equal("""{"Name":"demo-trigger"}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task PutTargets_sends_the_target_role_and_reads_failed_entries()
    {
        using var server = new WireServer().Reply(WireReply.Json("""
            {"FailedEntryCount":1,"FailedEntries":[{"TargetId":"bad","ErrorCode":"ValidationException","ErrorMessage":"Parameter(s) RoleArn not valid for target bad."}]}
            """));
        using var session = WireSession.For(server);

        var reply = await session.EventBridge.PutTargetsAsync("demo-trigger", [new RuleTarget("codepipeline", PipelineArn, EventsRoleArn), new RuleTarget("bad", PipelineArn, "x")]);

        Assert.Equal(1, reply.FailedEntryCount);
        Assert.Equal(new FailedTargetEntry("bad", "ValidationException", "Parameter(s) RoleArn not valid for target bad."), reply.FailedEntries!.Single());
        ModelAssert.JsonRequestConforms("events", "PutTargets", server.LastRequest);
        Assert.Equal(
            $$"""{"Rule":"demo-trigger","Targets":[{"Id":"codepipeline","Arn":"{{PipelineArn}}","RoleArn":"{{EventsRoleArn}}"},{"Id":"bad","Arn":"{{PipelineArn}}","RoleArn":"x"}]}""",
            server.LastRequest.BodyText);
    }

    [Fact]
    public async Task ListTargetsByRule_follows_next_token()
    {
        using var server = new WireServer().Reply(
            WireReply.Json($$"""{"Targets":[{"Id":"codepipeline","Arn":"{{PipelineArn}}","RoleArn":"{{EventsRoleArn}}"}],"NextToken":"page-2"}"""),
            WireReply.Json("""{"Targets":[{"Id":"second","Arn":"arn:aws:sns:eu-west-2:123456789012:topic"}]}"""));
        using var session = WireSession.For(server);

        var targets = await session.EventBridge.ListAllTargetsByRuleAsync("demo-trigger");

        Assert.Equal([new RuleTarget("codepipeline", PipelineArn, EventsRoleArn), new RuleTarget("second", "arn:aws:sns:eu-west-2:123456789012:topic")], targets);
        ModelAssert.JsonRequestConforms("events", "ListTargetsByRule", server.Requests[0]);
        ModelAssert.JsonRequestConforms("events", "ListTargetsByRule", server.Requests[1]);
        Assert.Equal("""{"Rule":"demo-trigger"}""", server.Requests[0].BodyText);
        Assert.Equal("""{"Rule":"demo-trigger","NextToken":"page-2"}""", server.Requests[1].BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task RemoveTargets_sends_the_ids_and_reads_the_result()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"FailedEntryCount":0,"FailedEntries":[]}"""));
        using var session = WireSession.For(server);

        var reply = await session.EventBridge.RemoveTargetsAsync("demo-trigger", ["codepipeline"]);

        Assert.Equal(0, reply.FailedEntryCount);
        Assert.Empty(reply.FailedEntries!);
        ModelAssert.JsonRequestConforms("events", "RemoveTargets", server.LastRequest);
        Assert.Equal("""{"Rule":"demo-trigger","Ids":["codepipeline"]}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task DeleteRule_conforms_and_accepts_an_empty_reply()
    {
        using var server = new WireServer().Reply(WireReply.Json(""));
        using var session = WireSession.For(server);

        await session.EventBridge.DeleteRuleAsync("demo-trigger");

        ModelAssert.JsonRequestConforms("events", "DeleteRule", server.LastRequest);
        Assert.Equal("""{"Name":"demo-trigger"}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task Deleting_a_rule_with_targets_is_a_delete_conflict()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ValidationException", "Rule can't be deleted since it has targets."));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsDeleteConflictException>(() => session.EventBridge.DeleteRuleAsync("demo-trigger"));

        Assert.Equal("ValidationException", e.Code);
        Assert.Equal("Rule can't be deleted since it has targets.", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Missing_rule_is_a_typed_not_found()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ResourceNotFoundException", "Rule demo-trigger does not exist on EventBus default."));
        using var session = WireSession.For(server);

        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.EventBridge.DescribeRuleAsync("demo-trigger"));
    }

    [Fact]
    public async Task TagResource_and_ListTagsForResource_use_ResourceARN()
    {
        using var server = new WireServer().Reply(WireReply.Json("{}"), WireReply.Json("""{"Tags":[{"Key":"pipectl:stack","Value":"demo"}]}"""));
        using var session = WireSession.For(server);

        await session.EventBridge.TagResourceAsync(RuleArn, [new EventBridgeTag("pipectl:stack", "demo")]);
        var tags = await session.EventBridge.ListTagsForResourceAsync(RuleArn);

        Assert.Equal(new EventBridgeTag("pipectl:stack", "demo"), tags.Tags!.Single());
        ModelAssert.JsonRequestConforms("events", "TagResource", server.Requests[0]);
        Assert.Equal($$"""{"ResourceARN":"{{RuleArn}}","Tags":[{"Key":"pipectl:stack","Value":"demo"}]}""", server.Requests[0].BodyText);
        ModelAssert.JsonRequestConforms("events", "ListTagsForResource", server.Requests[1]);
        Assert.Equal($$"""{"ResourceARN":"{{RuleArn}}"}""", server.Requests[1].BodyText);
    }

    [Theory]
    [InlineData("""{"name":"demo-trigger","State":"ENABLED"}""", "not a member")]
    [InlineData("""{"Name":"demo-trigger","State":"ON"}""", "is not one of")]
    [InlineData("""{"Name":"demo-trigger","EventPattern":{"source":["aws.codecommit"]}}""", "expected a string")]
    [InlineData("""{"State":"ENABLED"}""", "Name: required")]
    public void Model_check_rejects_a_wrong_PutRule_body(string body, string expected)
    {
        var errors = BotocoreModels.Load("events").ValidateJson("PutRule", body);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Model_check_rejects_a_camel_case_tag_request()
    {
        var errors = BotocoreModels.Load("events").ValidateJson("TagResource", $$"""{"ResourceArn":"{{RuleArn}}","Tags":[{"Key":"a","Value":"b"}]}""");
        Assert.NotEmpty(errors);
    }
}
