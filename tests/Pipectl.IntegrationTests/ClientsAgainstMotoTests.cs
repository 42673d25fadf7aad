using Pipectl.Aws.Errors;
using Pipectl.Aws.Session;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

[Collection(MotoCollection.Name)]
public sealed class ClientsAgainstMotoTests(MotoServer moto)
{
    private AwsSession Session() => TestSessions.For(moto);

    [Fact]
    public async Task CodeCommit_repository_is_created_read_and_deleted()
    {
        using var session = Session();
        var created = await session.CodeCommit.CreateRepositoryAsync(new("itest-repo-1", "made by a test", new Dictionary<string, string> { ["pipectl:stack"] = "itest" }));
        Assert.Equal("itest-repo-1", created.RepositoryMetadata!.RepositoryName);
        Assert.Equal("arn:aws:codecommit:us-east-1:123456789012:itest-repo-1", created.RepositoryMetadata.Arn);

        var read = await session.CodeCommit.GetRepositoryAsync("itest-repo-1");
        Assert.Equal("made by a test", read.RepositoryMetadata!.RepositoryDescription);
        Assert.StartsWith("https://", read.RepositoryMetadata.CloneUrlHttp);

        await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.CodeCommit.CreateRepositoryAsync(new("itest-repo-1")));
        await session.CodeCommit.DeleteRepositoryAsync("itest-repo-1");
        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync("itest-repo-1"));
        Assert.Equal("RepositoryDoesNotExistException", missing.Code);
        Assert.True(session.Counter.Total >= 5);
    }

    [Fact]
    public async Task Iam_missing_role_is_a_typed_not_found()
    {
        using var session = Session();
        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync("itest-no-such-role"));
        Assert.Equal("NoSuchEntity", e.Code);
    }
}
