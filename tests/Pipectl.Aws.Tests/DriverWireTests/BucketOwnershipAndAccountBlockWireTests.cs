using System.Xml.Linq;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// S3 CreateBucket carries the stack's tags in its CreateBucketConfiguration, checked against botocore's s3
/// model; a public policy refused by account-level Block Public Access ends in one line with no re-run advice;
/// S3 Control GetPublicAccessBlock as the s3control model binds it.
/// </summary>
public sealed class BucketOwnershipAndAccountBlockWireTests
{
    private const string Account = "123456789012";

    private static BucketSpec SiteBucket(string region) =>
        DesiredStack.From(StackSpec.FromStackName("demo", region, Account)).SiteBucket;

    [Theory]
    [InlineData("eu-west-2")]
    [InlineData("eu-west-1")]
    [InlineData("us-east-1")]
    public async Task CreateBucket_carries_the_stack_tags_in_its_configuration_and_no_tagging_call_follows(string region)
    {
        using var server = new WireServer { Responder = _ => new WireReply(200, string.Empty, "application/xml") };
        using var session = WireSession.For(server, region);
        var spec = SiteBucket(region);

        await new BucketDriver(session.S3).CreateAsync(spec, CancellationToken.None);

        var create = server.Requests[0];
        Assert.Equal(("PUT", $"/{spec.Name}/"), (create.Method, create.Path));
        Assert.Empty(BotocoreModels.Load("s3").ValidateXmlPayload("CreateBucket", create.BodyText));
        var configuration = XDocument.Parse(create.BodyText).Root!;
        var tags = configuration.Descendants().Where(e => e.Name.LocalName == "Tag")
            .ToDictionary(t => t.Elements().Single(e => e.Name.LocalName == "Key").Value, t => t.Elements().Single(e => e.Name.LocalName == "Value").Value);
        Assert.Equal(StackOwnership.TagsFor("demo", region), tags);
        var location = configuration.Elements().SingleOrDefault(e => e.Name.LocalName == "LocationConstraint")?.Value;
        Assert.Equal(region == "us-east-1" ? null : region, location);
        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT" && r.Path.EndsWith("?tagging", StringComparison.Ordinal));
    }

    [Fact]
    public void The_XML_payload_check_rejects_an_element_the_model_does_not_have()
    {
        const string wrong = """<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></CreateBucketConfiguration>""";

        Assert.Contains(BotocoreModels.Load("s3").ValidateXmlPayload("CreateBucket", wrong), e => e.Contains("unknown element <TagSet>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_policy_refused_by_account_Block_Public_Access_names_it_and_private_site_without_rerun_advice()
    {
        const string refusal = """<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/dev is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::demo-site" because public policies are blocked by the BlockPublicPolicy block public access setting.</Message><RequestId>R</RequestId></Error>""";
        using var server = new WireServer
        {
            Responder = r => r.Method == "PUT" && r.Path.EndsWith("?policy", StringComparison.Ordinal)
                ? new WireReply(403, refusal, "application/xml")
                : new WireReply(200, string.Empty, "application/xml"),
        };
        using var session = WireSession.For(server);
        var spec = SiteBucket("eu-west-2");

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => new BucketDriver(session.S3).CreateAsync(spec, CancellationToken.None));

        Assert.Contains("Block Public Access (BlockPublicPolicy)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("--private-site", failure.Message, StringComparison.Ordinal);
        Assert.Contains(spec.Name, failure.Message, StringComparison.Ordinal);
        Assert.False(failure.RerunHelps);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task GetPublicAccessBlock_is_bound_as_the_s3control_model_says_and_read_back()
    {
        const string reply = """<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>""";
        using var server = new WireServer().Reply(new WireReply(200, reply, "application/xml"));
        using var session = WireSession.For(server);

        var block = await new AccountPublicAccessReader(session.S3Control, Account).ReadAsync(CancellationToken.None);

        Assert.Equal(new PublicAccessBlock(true, true, true, false), block);
        var request = Assert.Single(server.Requests);
        var binding = BotocoreModels.Load("s3control").RestBinding("GetPublicAccessBlock");
        Assert.Equal((binding.Method, binding.RequestUri), (request.Method, request.Path));
        Assert.Equal(Account, request.Header(binding.Headers["AccountId"]));
        ModelAssert.SignedFor(request, "s3", "eu-west-2");
        Assert.Equal($"127.0.0.1:{server.Port}", request.Header("Host"));
        Assert.NotNull(request.Header("x-amz-content-sha256"));
        Assert.Equal(0, session.Counter.Mutating);
        Assert.Equal(
            "the account's S3 Block Public Access (BlockPublicPolicy) does not allow a public website in bucket demo-site-123456789012-eu-west-2",
            PublicSitePreflight.Refusal(block, StackSpec.FromStackName("demo", "eu-west-2", Account))!.Message.Split(':')[0]);
        Assert.Null(PublicSitePreflight.Refusal(block, StackSpec.FromStackName("demo", "eu-west-2", Account) with { PrivateSite = true }));
    }

    [Theory]
    [InlineData(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")]
    [InlineData(403, "AccessDenied", "Access Denied")]
    public async Task An_account_without_settings_or_a_caller_who_may_not_read_them_reads_as_none(int status, string code, string message)
    {
        using var server = new WireServer().Reply(new WireReply(status, $"""<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Code>{code}</Code><Message>{message}</Message></Error><RequestId>R</RequestId></ErrorResponse>""", "application/xml"));
        using var session = WireSession.For(server);

        Assert.Null(await new AccountPublicAccessReader(session.S3Control, Account).ReadAsync(CancellationToken.None));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Without_an_endpoint_override_the_request_goes_to_the_account_s3_control_host()
    {
        // No network: the SDK's HTTP client is replaced by one that records the URI and answers itself.
        var seen = new List<Uri>();
        var config = new Pipectl.Aws.Runtime.PipectlClientConfig<Pipectl.Aws.Runtime.S3ControlFacts>
        {
            RegionEndpoint = Amazon.RegionEndpoint.EUWest2,
            HttpClientFactory = new AnsweringHttpClientFactory(seen, "<PublicAccessBlockConfiguration><BlockPublicAcls>false</BlockPublicAcls></PublicAccessBlockConfiguration>"),
        };
        using var client = new Pipectl.Aws.S3Control.S3ControlClient(new Amazon.Runtime.BasicAWSCredentials("AKIDWIRETEST", "secret"), config);

        var block = await client.GetPublicAccessBlockAsync(Account);

        Assert.Equal(new PublicAccessBlock(false, false, false, false), block);
        var uri = Assert.Single(seen);
        var binding = BotocoreModels.Load("s3control").RestBinding("GetPublicAccessBlock");
        Assert.Equal($"https://{Account}.s3-control.eu-west-2.amazonaws.com{binding.RequestUri}", uri.ToString());
    }
}
