using System.Text;
using System.Text.Json;
using Pipectl.Aws.CodeCommit;
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

    [Fact]
    public async Task GetBranch_conforms_and_reads_the_head_commit()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"branch":{"branchName":"main","commitId":"317f8570EXAMPLE"}}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodeCommit.GetBranchAsync("demo", "main");

        Assert.Equal("main", reply.Branch!.BranchName);
        Assert.Equal("317f8570EXAMPLE", reply.Branch.CommitId);
        ModelAssert.JsonRequestConforms("codecommit", "GetBranch", server.LastRequest);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        Assert.Equal("demo", body.RootElement.GetProperty("repositoryName").GetString());
        Assert.Equal("main", body.RootElement.GetProperty("branchName").GetString());
    }

    [Fact]
    public async Task Missing_branch_is_a_typed_not_found()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "BranchDoesNotExistException", "Branch 'main' does not exist in repository 'demo'."));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetBranchAsync("demo", "main"));

        Assert.Equal("BranchDoesNotExistException", e.Code);
    }

    [Fact]
    public async Task CreateCommit_sends_file_content_as_base64_and_reads_the_commit()
    {
        const string Reply = """
            {"commitId":"4df8b524-EXAMPLE","treeId":"55b57003-EXAMPLE",
             "filesAdded":[{"absolutePath":"buildspec.yml","blobId":"0a4d55a8-EXAMPLE","fileMode":"NORMAL"},{"absolutePath":"site/index.html","blobId":"1a4d55a8-EXAMPLE","fileMode":"NORMAL"}],
             "filesDeleted":[],"filesUpdated":[]}
            """;
        using var server = new WireServer().Reply(WireReply.Json(Reply));
        using var session = WireSession.For(server);
        var buildspec = "version: 0.2\nphases:\n  build:\n    commands: [\"echo hi\"]\n"u8.ToArray();
        var page = Encoding.UTF8.GetBytes("<h1>héllo</h1>");

        var reply = await session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(
            "demo", "main", [new PutFileEntry("buildspec.yml", buildspec), new PutFileEntry("site/index.html", page, "NORMAL")],
            ParentCommitId: "317f8570EXAMPLE", AuthorName: "pipectl", Email: "pipectl@example.com", CommitMessage: "Initial commit by pipectl"));

        Assert.Equal("4df8b524-EXAMPLE", reply.CommitId);
        Assert.Equal("55b57003-EXAMPLE", reply.TreeId);
        Assert.Equal(["buildspec.yml", "site/index.html"], reply.FilesAdded!.Select(f => f.AbsolutePath));
        Assert.Empty(reply.FilesUpdated!);
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codecommit", "CreateCommit", request);
        ModelAssert.SignedFor(request, "codecommit", "eu-west-2");
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("317f8570EXAMPLE", root.GetProperty("parentCommitId").GetString());
        Assert.Equal("pipectl", root.GetProperty("authorName").GetString());
        Assert.Equal("pipectl@example.com", root.GetProperty("email").GetString());
        Assert.Equal("Initial commit by pipectl", root.GetProperty("commitMessage").GetString());
        var files = root.GetProperty("putFiles");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal("buildspec.yml", files[0].GetProperty("filePath").GetString());
        Assert.Equal(Convert.ToBase64String(buildspec), files[0].GetProperty("fileContent").GetString());
        Assert.Equal(page, Convert.FromBase64String(files[1].GetProperty("fileContent").GetString()!));
        Assert.False(files[0].TryGetProperty("fileMode", out _));
        Assert.Equal("NORMAL", files[1].GetProperty("fileMode").GetString());
    }

    [Fact]
    public async Task First_commit_omits_the_parent()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"commitId":"c1","treeId":"t1","filesAdded":[{"absolutePath":"README.md","blobId":"b1","fileMode":"NORMAL"}]}"""));
        using var session = WireSession.For(server);

        await session.CodeCommit.CreateCommitAsync(new("demo", "main", [new PutFileEntry("README.md", "# demo"u8.ToArray())]));

        ModelAssert.JsonRequestConforms("codecommit", "CreateCommit", server.LastRequest);
        Assert.DoesNotContain("parentCommitId", server.LastRequest.BodyText);
        Assert.DoesNotContain("null", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task TagResource_sends_a_tag_map()
    {
        using var server = new WireServer().Reply(WireReply.Json(""));
        using var session = WireSession.For(server);

        await session.CodeCommit.TagResourceAsync("arn:aws:codecommit:eu-west-2:123456789012:demo", new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["team"] = "web" });

        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codecommit", "TagResource", request);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("arn:aws:codecommit:eu-west-2:123456789012:demo", body.RootElement.GetProperty("resourceArn").GetString());
        Assert.Equal("web", body.RootElement.GetProperty("tags").GetProperty("team").GetString());
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task ListTagsForResource_follows_next_token_across_pages()
    {
        using var server = new WireServer().Reply(
            WireReply.Json("""{"tags":{"pipectl:stack":"demo"},"nextToken":"page-2"}"""),
            WireReply.Json("""{"tags":{"team":"web"}}"""));
        using var session = WireSession.For(server);

        var tags = await session.CodeCommit.ListAllTagsForResourceAsync("arn:aws:codecommit:eu-west-2:123456789012:demo");

        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["team"] = "web" }, tags);
        Assert.Equal(2, server.Requests.Count);
        ModelAssert.JsonRequestConforms("codecommit", "ListTagsForResource", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codecommit", "ListTagsForResource", server.Requests[1]);
        Assert.DoesNotContain("nextToken", server.Requests[0].BodyText);
        using var second = JsonDocument.Parse(server.Requests[1].Body);
        Assert.Equal("page-2", second.RootElement.GetProperty("nextToken").GetString());
    }

    [Theory]
    [InlineData("""{"repositoryName":"demo","branchName":"main","putFiles":[{"filePath":"a","fileContent":"not base64!"}]}""", "not valid base64")]
    [InlineData("""{"repositoryName":"demo","putFiles":[{"filePath":"a","fileContent":"YQ=="}]}""", "branchName: required")]
    [InlineData("""{"repositoryName":"demo","branchName":"main","putFiles":[{"FilePath":"a"}]}""", "not a member")]
    public void Model_check_rejects_a_wrong_CreateCommit_body(string body, string expected)
    {
        var errors = BotocoreModels.Load("codecommit").ValidateJson("CreateCommit", body);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
