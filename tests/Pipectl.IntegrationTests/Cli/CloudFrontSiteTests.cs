using System.Text.Json;
using Amazon.S3.Model;
using Pipectl.Aws.Runtime;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// <c>--site cloudfront</c> end to end against moto: a private bucket readable only by the stack's distribution,
/// the Invalidate stage, the https URL, a rerun that changes nothing, and a teardown that --no-wait leaves to
/// the next one.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CloudFrontSiteTests(MotoServer moto)
{
    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    [Fact]
    public async Task Bootstrap_serves_a_private_bucket_through_the_distribution_and_teardown_removes_it_in_two_runs_with_no_wait()
    {
        var stack = "cf" + Guid.NewGuid().ToString("N")[..8];
        var site = $"{stack}-site-123456789012-us-east-1";
        var function = $"{stack}-site-index-us-east-1";

        var first = await Pipectl("bootstrap", "--name", stack, "--site", "cloudfront");

        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var created = Actions(first);
        Assert.Equal(13, created.Count);
        Assert.Equal("created", created[$"AWS::CloudFront::Distribution {site}"]);
        Assert.Equal("created", created[$"AWS::CodeBuild::Project {stack}-build-invalidate"]);
        var url = first.Json.GetProperty("outputs").GetProperty("websiteUrl").GetString()!;
        Assert.Matches("^https://[a-z0-9]+\\.cloudfront\\.net$", url);

        using (var session = TestSessions.For(moto))
        {
            var block = (await session.S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = site })).PublicAccessBlockConfiguration;
            Assert.True(block.BlockPublicAcls == true && block.IgnorePublicAcls == true && block.BlockPublicPolicy == true && block.RestrictPublicBuckets == true);
            Assert.Null(await WebsiteIndexAsync(session, site));
            var distribution = (await session.CloudFront.ListDistributionsAsync(null, CancellationToken.None)).Child("Items")!.Elements()
                .Single(d => d.Descendants().Any(e => e.Name.LocalName == "DomainName" && e.Value == $"{site}.s3.us-east-1.amazonaws.com"));
            Assert.Equal(url, "https://" + distribution.ChildText("DomainName"));
            using var policy = JsonDocument.Parse((await session.S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = site })).Policy);
            var read = policy.RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Effect").GetString() == "Allow");
            Assert.Equal("cloudfront.amazonaws.com", read.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal(distribution.ChildText("ARN"), read.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceArn").GetString());
            var stages = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Select(s => s.Name).ToList();
            Assert.Equal("Invalidate", stages[^1]);

            // /about/ is served from about/index.html: the default behaviour runs the published index function on viewer requests.
            var (config, _) = await session.CloudFront.GetDistributionConfigAsync(distribution.ChildText("Id")!, CancellationToken.None);
            var association = config.Child("DefaultCacheBehavior").Child("FunctionAssociations").Child("Items")!.Elements().Single();
            Assert.Equal($"arn:aws:cloudfront::123456789012:function/{function}", association.ChildText("FunctionARN"));
            Assert.Equal("viewer-request", association.ChildText("EventType"));
            var live = System.Text.Encoding.UTF8.GetString(await session.CloudFront.GetFunctionCodeAsync(function, "LIVE", CancellationToken.None));
            Assert.Equal(global::Pipectl.Core.Resources.DistributionSpec.IndexFunctionCode, live);
            var (summary, _) = await session.CloudFront.DescribeFunctionAsync(function, "LIVE", CancellationToken.None);
            Assert.Equal("cloudfront-js-2.0", summary.Child("FunctionConfig").ChildText("Runtime"));
        }

        var again = await Pipectl("bootstrap", "--name", stack, "--site", "cloudfront");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.All(Actions(again), a => Assert.True(a.Value == "unchanged", $"{a.Key}: {a.Value}"));
        Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        // Given only the name, teardown finds the site's distribution and Invalidate project from the pipeline's stages.
        var noWait = await Pipectl("teardown", "--name", stack, "--yes", "--no-wait");
        Assert.True(noWait.ExitCode == 0, noWait.Stderr + noWait.Stdout);
        var kept = noWait.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "AWS::CloudFront::Distribution");
        Assert.Equal("kept", kept.GetProperty("action").GetString());
        Assert.Contains("run teardown again later with --site cloudfront", kept.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("deleted", Actions(noWait)[$"AWS::CodeBuild::Project {stack}-build-invalidate"]);

        var finish = await Pipectl("teardown", "--name", stack, "--site", "cloudfront", "--yes");
        Assert.True(finish.ExitCode == 0, finish.Stderr);
        Assert.Equal("deleted", Actions(finish)[$"AWS::CloudFront::Distribution {site}"]);
        Assert.All(Actions(finish).Where(a => !a.Key.StartsWith("AWS::CloudFront", StringComparison.Ordinal)), a => Assert.Equal("not-found", a.Value));
        using var after = TestSessions.For(moto);
        await Assert.ThrowsAsync<global::Pipectl.Aws.Errors.AwsResourceNotFoundException>(() => after.CloudFront.DescribeFunctionAsync(function, "DEVELOPMENT", CancellationToken.None));
    }

    /// <summary>The bucket's website index document, or null when it has no website configuration.</summary>
    private static async Task<string?> WebsiteIndexAsync(Pipectl.Aws.Session.AwsSession session, string bucket)
    {
        try
        {
            return (await session.S3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = bucket })).WebsiteConfiguration?.IndexDocumentSuffix;
        }
        catch (Amazon.S3.AmazonS3Exception e) when (e.ErrorCode == "NoSuchWebsiteConfiguration")
        {
            return null;
        }
    }
}
