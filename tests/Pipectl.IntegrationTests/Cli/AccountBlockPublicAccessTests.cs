using System.Net.Http.Headers;
using System.Text;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// An account whose S3 Block Public Access blocks public policies: bootstrap says so in one line naming the
/// setting and --private-site, before anything is created, and a private site still works.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AccountBlockPublicAccessTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    [Fact]
    public async Task A_public_site_in_an_account_that_blocks_public_policies_is_refused_before_anything_is_created()
    {
        var stack = "bp" + Guid.NewGuid().ToString("N")[..8];
        await SetAccountBlockAsync(blockPublicPolicy: true);
        try
        {
            var refused = await Pipectl("bootstrap", "--name", stack);
            var dryRun = await Pipectl("bootstrap", "--name", stack, "--dry-run");
            var privateSite = await Pipectl("bootstrap", "--name", stack, "--private-site");

            Assert.Equal(1, refused.ExitCode);
            var line = Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Block Public Access", StringComparison.Ordinal));
            Assert.Contains("BlockPublicPolicy", line, StringComparison.Ordinal);
            Assert.Contains("--private-site", line, StringComparison.Ordinal);
            Assert.DoesNotContain("run it again", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, refused.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
            Assert.Equal(1, dryRun.ExitCode);
            Assert.True(privateSite.ExitCode == 0, privateSite.Stderr);
        }
        finally
        {
            await SetAccountBlockAsync(blockPublicPolicy: false);
            await Pipectl("teardown", "--name", stack, "--yes");
        }
    }

    /// <summary>S3 Control PutPublicAccessBlock / DeletePublicAccessBlock for the account, straight to moto.</summary>
    private async Task SetAccountBlockAsync(bool blockPublicPolicy)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(blockPublicPolicy ? HttpMethod.Put : HttpMethod.Delete, $"{moto.Endpoint}/v20180820/configuration/publicAccessBlock");
        request.Headers.Add("x-amz-account-id", Account);
        request.Headers.Authorization = new AuthenticationHeaderValue("AWS4-HMAC-SHA256", "Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0");
        if (blockPublicPolicy)
        {
            request.Content = new StringContent(
                """<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>""",
                Encoding.UTF8,
                "application/xml");
        }

        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
