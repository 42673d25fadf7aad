using System.Text.Json;
using Pipectl.Aws.CodeConnections;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Tests;

/// <summary>
/// CodeConnections on the wire: JSON 1.0, signed "codeconnections", each body valid against both botocore models
/// (codeconnections 2023-12-01 and the older codestar-connections 2019-12-01, whose shapes pipectl's requests also fit).
/// </summary>
public sealed class CodeConnectionsWireTests
{
    private const string Arn = "arn:aws:codeconnections:eu-west-2:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11";
    private static readonly Dictionary<string, string> Tags = new() { ["pipectl:stack"] = "demo", ["pipectl:region"] = "eu-west-2" };

    private static void Conforms(string operation, RecordedRequest request)
    {
        ModelAssert.JsonRequestConforms("codeconnections", operation, request);
        ModelAssert.SignedFor(request, "codeconnections", "eu-west-2");
        var older = BotocoreModels.Load("codestar-connections").ValidateJson(operation, request.BodyText);
        Assert.True(older.Count == 0, $"codestar-connections.{operation}: {string.Join("; ", older)}");
    }

    private static WireReply Json10(string body) => new(200, body, "application/x-amz-json-1.0");

    private static string ConnectionJson(string status, string name = "demo-github") =>
        $$"""{"ConnectionName":"{{name}}","ConnectionArn":"{{Arn}}","ProviderType":"GitHub","OwnerAccountId":"123456789012","ConnectionStatus":"{{status}}"}""";

    [Fact]
    public async Task The_driver_creates_a_tagged_connection_that_is_pending()
    {
        using var server = new WireServer().Reply(Json10($$"""{"ConnectionArn":"{{Arn}}"}"""));
        using var session = WireSession.For(server);

        var state = await new ConnectionDriver(session.CodeConnections).CreateAsync(new ConnectionSpec("demo-github", "GitHub", null, Tags), CancellationToken.None);

        Assert.Equal((Arn, "PENDING"), (state.Arn, state.Status));
        var request = server.Requests[0];
        Conforms("CreateConnection", request);

        // Then the name is listed again: no other run made a copy at the same time.
        Conforms("ListConnections", server.Requests[1]);
        Assert.Equal(2, server.Requests.Count);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("demo-github", body.RootElement.GetProperty("ConnectionName").GetString());
        Assert.Equal("GitHub", body.RootElement.GetProperty("ProviderType").GetString());
        Assert.Equal(Tags, body.RootElement.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!));
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task The_driver_finds_its_connection_by_name_across_pages_then_reads_its_tags()
    {
        using var server = new WireServer().Reply(
            Json10($$"""{"Connections":[{{ConnectionJson("AVAILABLE", "other")}}],"NextToken":"page-2"}"""),
            Json10($$"""{"Connections":[{{ConnectionJson("PENDING")}}]}"""),
            Json10("""{"Tags":[{"Key":"pipectl:stack","Value":"demo"}]}"""));
        using var session = WireSession.For(server);

        var state = await new ConnectionDriver(session.CodeConnections).ReadAsync(new ConnectionSpec("demo-github", "GitHub", null, Tags), CancellationToken.None);

        Assert.Equal(("demo-github", Arn, "GitHub", "PENDING"), (state!.Name, state.Arn, state.ProviderType, state.Status));
        Assert.Equal("demo", state.Tags["pipectl:stack"]);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Conforms("ListConnections", requests[0]);
        Conforms("ListConnections", requests[1]);
        Conforms("ListTagsForResource", requests[2]);
        Assert.Equal("""{"ProviderTypeFilter":"GitHub","MaxResults":100}""", requests[0].BodyText);
        Assert.Equal("""{"ProviderTypeFilter":"GitHub","MaxResults":100,"NextToken":"page-2"}""", requests[1].BodyText);
        Assert.Equal($$"""{"ResourceArn":"{{Arn}}"}""", requests[2].BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task A_given_connection_is_read_by_ARN_and_a_missing_one_reads_as_absent()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ResourceNotFoundException", $"Connection {Arn} not found"));
        using var session = WireSession.For(server);

        var state = await new ConnectionDriver(session.CodeConnections).ReadAsync(new ConnectionSpec(Arn, "GitHub", Arn, Tags), CancellationToken.None);

        Assert.Null(state);
        Conforms("GetConnection", server.LastRequest);
        Assert.Equal($$"""{"ConnectionArn":"{{Arn}}"}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task Update_adds_missing_tags_and_refuses_another_provider()
    {
        using var server = new WireServer().Reply(Json10("{}"));
        using var session = WireSession.For(server);
        var driver = new ConnectionDriver(session.CodeConnections);
        var actual = new ConnectionState("demo-github", Arn, "GitHub", "AVAILABLE", new Dictionary<string, string> { ["team"] = "web" });

        var updated = await driver.UpdateAsync(new ConnectionSpec("demo-github", "GitHub", null, Tags), actual, ["tag"], CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ProvisioningException>(() => driver.UpdateAsync(new ConnectionSpec("demo-github", "GitLab", null, Tags), actual, ["provider"], CancellationToken.None));

        Conforms("TagResource", server.LastRequest);
        Assert.Single(server.Requests);
        Assert.Equal(["pipectl:region", "pipectl:stack", "team"], updated.Tags.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("cannot change provider", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_sends_the_ARN_and_treats_a_connection_already_gone_as_deleted()
    {
        using var server = new WireServer().Reply(Json10("{}"), WireReply.JsonError(400, "ResourceNotFoundException", "gone"));
        using var session = WireSession.For(server);
        var driver = new ConnectionDriver(session.CodeConnections);
        var state = new ConnectionState("demo-github", Arn, "GitHub", "PENDING", Tags);

        await driver.DeleteAsync(state, CancellationToken.None);
        await driver.DeleteAsync(state, CancellationToken.None);

        Assert.All(server.Requests, r => Conforms("DeleteConnection", r));
        Assert.Equal(2, server.Requests.Count);
    }

    private const string LowerArn = "arn:aws:codeconnections:eu-west-2:123456789012:connection/0a000000-0000-4000-8000-000000000000";
    private const string HigherArn = "arn:aws:codeconnections:eu-west-2:123456789012:connection/ff000000-0000-4000-8000-000000000000";

    private static string Listed(params string[] arns) =>
        "{\"Connections\":[" + string.Join(",", arns.Select(a => $$"""{"ConnectionName":"demo-github","ConnectionArn":"{{a}}","ProviderType":"GitHub","OwnerAccountId":"123456789012","ConnectionStatus":"PENDING"}""")) + "]}";

    private static string Operation(RecordedRequest request) => request.Target!.Split('.')[^1];

    /// <summary>A server that answers like CodeConnections with the two copies two runs made, tagged as the stack's.</summary>
    private static WireServer TwoCopies(string made, string other, List<string> deleted) => new()
    {
        Responder = request => Operation(request) switch
        {
            "CreateConnection" => Json10($$"""{"ConnectionArn":"{{made}}"}"""),
            "ListConnections" => Json10(Listed([.. new[] { made, other }.Except(deleted)])),
            "ListTagsForResource" => Json10("""{"Tags":[{"Key":"pipectl:stack","Value":"demo"},{"Key":"pipectl:region","Value":"eu-west-2"}]}"""),
            "GetConnection" when JsonDocument.Parse(request.Body).RootElement.GetProperty("ConnectionArn").GetString() is { } arn && !deleted.Contains(arn) =>
                Json10($$$"""{"Connection":{"ConnectionName":"demo-github","ConnectionArn":"{{{arn}}}","ProviderType":"GitHub","OwnerAccountId":"123456789012","ConnectionStatus":"PENDING"}}"""),
            "DeleteConnection" => Delete(request, deleted),
            _ => WireReply.JsonError(400, "ResourceNotFoundException", "not found"),
        },
    };

    private static WireReply Delete(RecordedRequest request, List<string> deleted)
    {
        deleted.Add(JsonDocument.Parse(request.Body).RootElement.GetProperty("ConnectionArn").GetString()!);
        return Json10("{}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_create_that_meets_a_copy_the_other_run_made_keeps_the_lowest_ARN_and_deletes_the_other_pending_copy(bool madeIsLower)
    {
        var (made, other) = madeIsLower ? (LowerArn, HigherArn) : (HigherArn, LowerArn);
        var deleted = new List<string>();
        using var server = TwoCopies(made, other, deleted);
        using var session = WireSession.For(server);

        var state = await new ConnectionDriver(session.CodeConnections).CreateAsync(new ConnectionSpec("demo-github", "GitHub", null, Tags), CancellationToken.None);

        Assert.Equal(LowerArn, state.Arn);
        Assert.Equal([HigherArn], deleted);
        Assert.Empty(state.OwnedCopies);
        Assert.All(server.Requests, r => Conforms(Operation(r), r));
        Assert.Equal(["CreateConnection", "ListConnections", "ListTagsForResource", "GetConnection", "DeleteConnection"], server.Requests.Select(Operation));
    }

    [Fact]
    public async Task A_read_by_name_picks_the_copy_every_run_keeps_and_teardown_deletes_every_owned_copy()
    {
        var deleted = new List<string>();
        using var server = TwoCopies(HigherArn, LowerArn, deleted);
        using var session = WireSession.For(server);
        var driver = new ConnectionDriver(session.CodeConnections);

        var byName = await driver.ReadAsync(new ConnectionSpec("demo-github", "GitHub", null, Tags), CancellationToken.None);
        var byArn = await driver.ReadToDeleteAsync(new ConnectionSpec("demo-github", "GitHub", HigherArn, Tags), CancellationToken.None);
        await driver.DeleteAsync(byArn!, CancellationToken.None);

        Assert.Equal(LowerArn, byName!.Arn);
        Assert.Equal([HigherArn], byName.OwnedCopies);
        Assert.Equal(HigherArn, byArn!.Arn);
        Assert.Equal([LowerArn], byArn.OwnedCopies);
        Assert.Equal([HigherArn, LowerArn], deleted);
    }

    [Fact]
    public async Task A_connection_the_stack_does_not_own_is_read_for_teardown_with_no_look_for_copies()
    {
        using var server = new WireServer().Reply(
            Json10($$"""{"Connection":{{ConnectionJson("AVAILABLE")}}}"""),
            Json10("""{"Tags":[{"Key":"team","Value":"web"}]}"""));
        using var session = WireSession.For(server);

        var state = await new ConnectionDriver(session.CodeConnections).ReadToDeleteAsync(new ConnectionSpec(Arn, "GitHub", Arn, Tags), CancellationToken.None);

        Assert.Empty(state!.OwnedCopies);
        Assert.Equal(["GetConnection", "ListTagsForResource"], server.Requests.Select(Operation));
    }

    [Fact]
    public async Task Errors_name_the_service_and_arrive_typed()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ResourceNotFoundException", "Connection not found"));
        using var session = WireSession.For(server);

        var error = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeConnections.GetConnectionAsync(Arn));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task The_waiter_polls_until_the_connection_is_available_and_reports_each_state()
    {
        using var server = new WireServer().Reply(
            Json10($$"""{"Connection":{{ConnectionJson("PENDING")}}}"""),
            Json10($$"""{"Connection":{{ConnectionJson("PENDING")}}}"""),
            Json10($$"""{"Connection":{{ConnectionJson("AVAILABLE")}}}"""));
        using var session = WireSession.For(server);
        var seen = new List<string>();
        var waiter = new ConnectionWaiter(session.CodeConnections, TimeSpan.Zero);

        var settled = await waiter.WaitAsync(Arn, (status, _) => seen.Add(status), CancellationToken.None);

        Assert.Equal("AVAILABLE", settled);
        Assert.Equal(["PENDING", "PENDING", "AVAILABLE"], seen);
        Assert.All(server.Requests, r => Conforms("GetConnection", r));
        Assert.Equal(3, server.Requests.Count);
    }
}
