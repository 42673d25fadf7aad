using Pipectl.Aws.Errors;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

public sealed class CodeCommitWireTests
{
    private const string Repository = """{"repositoryMetadata":{"repositoryName":"demo","Arn":"arn:aws:codecommit:eu-west-2:123456789012:demo","cloneUrlHttp":"https://git-codecommit.eu-west-2.amazonaws.com/v1/repos/demo","creationDate":1.7e9}}""";

    [Fact]
    public async Task CreateRepository_sends_a_model_conforming_body_signed_for_codecommit()
    {
        using var server = new WireServer().Reply(WireReply.Json(Repository));
        using var session = WireSession.For(server);

        var reply = await session.CodeCommit.CreateRepositoryAsync(new("demo", "the demo", new Dictionary<string, string> { ["pipectl:stack"] = "demo" }));

        Assert.Equal("arn:aws:codecommit:eu-west-2:123456789012:demo", reply.RepositoryMetadata!.Arn);
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codecommit", "CreateRepository", request);
        ModelAssert.SignedFor(request, "codecommit", "eu-west-2");
        Assert.Contains("\"repositoryDescription\":\"the demo\"", request.BodyText);
    }

    [Fact]
    public async Task GetRepository_and_DeleteRepository_conform()
    {
        using var server = new WireServer().Reply(WireReply.Json(Repository), WireReply.Json("""{"repositoryId":"abc"}"""));
        using var session = WireSession.For(server);

        await session.CodeCommit.GetRepositoryAsync("demo");
        await session.CodeCommit.DeleteRepositoryAsync("demo");

        ModelAssert.JsonRequestConforms("codecommit", "GetRepository", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codecommit", "DeleteRepository", server.Requests[1]);
    }

    [Fact]
    public async Task Not_found_reply_becomes_a_typed_exception_with_code_message_and_request_id()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "RepositoryDoesNotExistException", "demo does not exist"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync("demo"));

        Assert.Equal("RepositoryDoesNotExistException", e.Code);
        Assert.Equal("demo does not exist", e.Message);
        Assert.Equal(WireReply.RequestId, e.RequestId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_and_every_attempt_is_counted()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ThrottlingException", "slow down"), WireReply.Json(Repository));
        using var session = WireSession.For(server);

        await session.CodeCommit.GetRepositoryAsync("demo");

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, session.Counter.Total);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(500, "InternalFailure", "oops"), WireReply.JsonError(503, "ServiceUnavailable", "busy"), WireReply.Json(Repository));
        using var session = WireSession.For(server);

        await session.CodeCommit.GetRepositoryAsync("demo");

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "InvalidRepositoryNameException", "bad name"));
        using var session = WireSession.For(server);

        await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeCommit.CreateRepositoryAsync(new("bad name")));

        Assert.Single(server.Requests);
        Assert.Equal(1, session.Counter.Mutating);
    }
}
