using Amazon.S3.Model;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Issue 29: a bucket name given with the account in it is compared with every resolved bucket name of every
/// environment (defaults included) once the account is known: the site bucket cannot be the artifact bucket, and
/// staging's site bucket cannot be production's artifact bucket. Exit 2, nothing written.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class BucketClashAgainstMotoTests(MotoServer moto)
{
    private static string UniqueStack() => "bc" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_site_bucket_named_like_the_stacks_artifact_bucket_is_refused_before_the_first_write()
    {
        var stack = UniqueStack();
        var artifacts = $"{stack}-artifacts-123456789012-us-east-1";

        var run = await CliRun.RunAsync("bootstrap", "--name", stack, "--site-bucket", artifacts, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json");

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains($"--site-bucket \"{artifacts}\"", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("would be one S3 bucket", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        await AssertNoBucketAsync(artifacts);
    }

    [Fact]
    public async Task Staging_cannot_deploy_into_productions_artifact_bucket()
    {
        var stack = UniqueStack();
        var production = $"{stack}-production-artifacts-123456789012-us-east-1";
        using var folder = new TempFolder();
        var file = folder.Write("pipectl.yaml", $"name: {stack}\nregion: us-east-1\nenvironments:\n  staging:\n    branch: develop\n    siteBucket: {production}\n  production:\n    branch: main\n");

        var run = await CliRun.RunAsync("bootstrap", "-f", file, "--endpoint-url", moto.Endpoint, "--output", "json");

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains(production, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        await AssertNoBucketAsync(production);
    }

    private async Task AssertNoBucketAsync(string name)
    {
        using var session = TestSessions.For(moto);
        var buckets = await session.S3.ListBucketsAsync(new ListBucketsRequest());
        Assert.DoesNotContain(buckets.Buckets ?? [], b => b.BucketName == name);
    }
}
