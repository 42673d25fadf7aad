using Pipectl.Aws.CodeConnections;
using Pipectl.Aws.Errors;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// moto has no CodeConnections: moto_launcher.py answers it in memory, as the CodeConnections API Reference
/// describes. This shows the responder does what the product relies on, through pipectl's own client.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ConnectionsResponderTests(MotoServer moto)
{
    [Fact]
    public async Task A_connection_is_created_pending_listed_by_provider_tagged_and_deleted()
    {
        using var session = TestSessions.For(moto);
        var client = session.CodeConnections;
        var name = "cr-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.CreateConnectionAsync(new CreateConnectionRequest(name, "GitLab", [new ConnectionTag("pipectl:stack", "cr")]));
        var read = (await client.GetConnectionAsync(created.ConnectionArn)).Connection!;
        var found = await client.FindConnectionAsync(name, "GitLab");
        var notGitHub = await client.FindConnectionAsync(name, "GitHub");
        await client.TagResourceAsync(created.ConnectionArn, [new ConnectionTag("team", "web")]);
        var tags = (await client.ListTagsForResourceAsync(created.ConnectionArn)).Tags!;
        await client.DeleteConnectionAsync(created.ConnectionArn);

        Assert.Matches(@"^arn:aws:codeconnections:us-east-1:123456789012:connection/[0-9a-f-]{36}$", created.ConnectionArn);
        Assert.Equal((name, "GitLab", "PENDING"), (read.ConnectionName, read.ProviderType, read.ConnectionStatus));
        Assert.Equal(created.ConnectionArn, found!.ConnectionArn);
        Assert.Null(notGitHub);
        Assert.Equal(["pipectl:stack=cr", "team=web"], tags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => client.GetConnectionAsync(created.ConnectionArn));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => client.DeleteConnectionAsync(created.ConnectionArn));
    }

    [Fact]
    public async Task Names_longer_than_32_characters_and_unknown_providers_are_refused()
    {
        using var session = TestSessions.For(moto);

        var tooLong = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeConnections.CreateConnectionAsync(new CreateConnectionRequest(new string('c', 33), "GitHub")));
        var provider = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeConnections.CreateConnectionAsync(new CreateConnectionRequest("cr-provider", "SourceForge")));

        Assert.Contains("32", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("SourceForge", provider.Message, StringComparison.Ordinal);
    }
}
