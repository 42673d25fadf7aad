using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Naming;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// The CloudFront calls of a CloudFront site, checked against botocore's cloudfront model (REST binding, XML
/// payload) and CloudFront's rules: the global endpoint signed "cloudfront" for us-east-1, tags in the create
/// call, If-Match with the ETag just read on every change, and a delete only once the disabled distribution deployed.
/// </summary>
public sealed class DistributionDriverWireTests
{
    private const string Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private const string Arn = "arn:aws:cloudfront::123456789012:distribution/E1";

    private static readonly DistributionSpec Desired = DesiredStack.From(StackSpec.FromStackName("demo", "eu-west-2", "123456789012") with { Site = SiteTypes.CloudFront })
        .Desired<DistributionSpec, DistributionState>(ResourceKeys.Distribution);

    private static readonly ServiceModel Model = BotocoreModels.Load("cloudfront");

    private static readonly string FunctionPath = $"/2020-05-31/function/{Desired.FunctionName}";

    private static readonly string FunctionArn = $"arn:aws:cloudfront::123456789012:function/{Desired.FunctionName}";

    [Fact]
    public async Task Create_makes_the_access_control_then_the_distribution_with_its_tags_in_one_call()
    {
        using var server = new WireServer { Responder = new FakeCloudFront(enabled: true, deployAfter: 0) { HasAccessControl = false, HasFunction = false }.Answer };
        using var session = WireSession.For(server);

        var state = await new DistributionDriver(session.CloudFront, SilentProgress.Instance).CreateAsync(Desired, CancellationToken.None);

        Assert.Equal(("E1", Arn, "https://d1.cloudfront.net"), (state.Id, state.Arn, state.Url));
        Assert.Empty(Desired.DifferencesFrom(state));
        var accessControl = Conforms(server.Requests.Single(r => r.Method == "POST" && r.Path.StartsWith("/2020-05-31/origin-access-control", StringComparison.Ordinal)), "CreateOriginAccessControl");
        Assert.Contains("<SigningProtocol>sigv4</SigningProtocol><SigningBehavior>always</SigningBehavior><OriginAccessControlOriginType>s3</OriginAccessControlOriginType>", accessControl.BodyText, StringComparison.Ordinal);
        var create = Conforms(server.Requests.Single(r => r.Method == "POST" && r.Path.StartsWith("/2020-05-31/distribution", StringComparison.Ordinal)), "CreateDistributionWithTags");
        foreach (var expected in new[]
        {
            "<Tag><Key>pipectl:stack</Key><Value>demo</Value></Tag>", "<Tag><Key>pipectl:region</Key><Value>eu-west-2</Value></Tag>",
            "<DomainName>demo-site-123456789012-eu-west-2.s3.eu-west-2.amazonaws.com</DomainName>", "<OriginAccessControlId>OAC1</OriginAccessControlId>",
            "<ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>", "<CachePolicyId>658327ea-f89d-4fab-a63d-7e88639e58f6</CachePolicyId>",
            "<DefaultRootObject>index.html</DefaultRootObject>", "<ErrorCode>403</ErrorCode><ResponsePagePath>/error.html</ResponsePagePath>",
        })
        {
            Assert.Contains(expected, create.BodyText, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("Operation=Tag", StringComparison.Ordinal));
        Assert.All(server.Requests, r => ModelAssert.SignedFor(r, "cloudfront", "us-east-1"));
    }

    [Fact]
    public async Task Create_makes_publishes_and_associates_the_viewer_request_index_function_before_the_distribution()
    {
        using var server = new WireServer { Responder = new FakeCloudFront(enabled: true, deployAfter: 0) { HasFunction = false }.Answer };
        using var session = WireSession.For(server);

        var state = await new DistributionDriver(session.CloudFront, SilentProgress.Instance).CreateAsync(Desired, CancellationToken.None);

        var paths = server.Requests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToList();
        var create = server.Requests.Single(r => r.Method == "POST" && r.Path == "/2020-05-31/function");
        var publish = server.Requests.Single(r => r.Method == "POST" && r.Path == FunctionPath + "/publish");
        Assert.True(paths.IndexOf($"POST {FunctionPath}/publish") < paths.IndexOf("POST /2020-05-31/distribution"), string.Join("\n", paths));
        Assert.Equal(Model.RestBinding("CreateFunction").RequestUri, create.Path);
        var errors = Model.ValidateXmlPayload("CreateFunction", create.BodyText);
        Assert.True(errors.Count == 0, string.Join("; ", errors) + "\n" + create.BodyText);
        Assert.Contains($"<Name>{Desired.FunctionName}</Name><FunctionConfig><Comment>{Desired.FunctionComment}</Comment><Runtime>cloudfront-js-2.0</Runtime></FunctionConfig>", create.BodyText, StringComparison.Ordinal);
        Assert.Contains($"<FunctionCode>{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(DistributionSpec.IndexFunctionCode))}</FunctionCode>", create.BodyText, StringComparison.Ordinal);
        Assert.Contains("<Tag><Key>pipectl:stack</Key><Value>demo</Value></Tag>", create.BodyText, StringComparison.Ordinal);
        Assert.Equal("ETAG-FN-NEW", publish.Header(Model.RestBinding("PublishFunction").Headers["IfMatch"]));
        var distribution = server.Requests.Single(r => r.Method == "POST" && r.Path.StartsWith("/2020-05-31/distribution", StringComparison.Ordinal));
        Assert.Contains($"<Compress>true</Compress><FunctionAssociations><Quantity>1</Quantity><Items><FunctionAssociation><FunctionARN>{FunctionArn}</FunctionARN><EventType>viewer-request</EventType></FunctionAssociation></Items></FunctionAssociations><CachePolicyId>", distribution.BodyText, StringComparison.Ordinal);
        Assert.Equal(Desired.FunctionName, state.ViewerRequestFunction);
        Assert.Empty(Desired.DifferencesFrom(state));
    }

    [Fact]
    public async Task A_function_of_that_name_with_another_comment_is_not_pipectls_and_stops_the_create()
    {
        using var server = new WireServer { Responder = new FakeCloudFront(enabled: true, deployAfter: 0) { FunctionComment = "someone else's" }.Answer };
        using var session = WireSession.For(server);

        var refused = await Assert.ThrowsAsync<ProvisioningException>(() => new DistributionDriver(session.CloudFront, SilentProgress.Instance).CreateAsync(Desired, CancellationToken.None));

        Assert.Contains($"CloudFront Function {Desired.FunctionName} exists and is not this stack's", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Counter.Mutating - (server.Requests.Any(r => r.Path == "/2020-05-31/origin-access-control" && r.Method == "POST") ? 1 : 0));
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith("/2020-05-31/distribution", StringComparison.Ordinal) && r.Method == "POST");
    }

    [Fact]
    public async Task Read_finds_the_distribution_by_its_origin_and_an_update_sends_the_etag_it_read()
    {
        var account = Account(enabled: true, deployed: true);
        using var server = new WireServer { Responder = account.Answer };
        using var session = WireSession.For(server);
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance);

        var actual = await driver.ReadAsync(Desired, CancellationToken.None);
        Assert.NotNull(actual);
        Assert.Empty(Desired.DifferencesFrom(actual));
        var drifted = actual with { ViewerProtocolPolicy = "allow-all" };
        await driver.UpdateAsync(Desired, drifted, Desired.DifferencesFrom(drifted), CancellationToken.None);

        Assert.Equal(1, session.Counter.Mutating);
        var update = Conforms(server.Requests.Single(r => r.Method == "PUT"), "UpdateDistribution");
        Assert.Equal("ETAG-CONFIG", update.Header(Model.RestBinding("UpdateDistribution").Headers["IfMatch"]));
        Assert.Contains("<CallerReference>ref-1</CallerReference>", update.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_whose_function_was_cut_at_64_characters_keeps_it_through_an_update()
    {
        // Made before long names were hashed: the distribution uses the long name cut at 64 characters.
        var longName = new string('s', 60) + "-staging";
        var desired = Desired with { FunctionName = StackNames.SiteIndexFunction(longName, "eu-west-2") };
        var cut = $"{longName}-site-index-eu-west-2"[..64];
        using var server = new WireServer { Responder = new FakeCloudFront(enabled: true, deployAfter: 0) { FunctionName = cut }.Answer };
        using var session = WireSession.For(server);
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance);

        var actual = await driver.ReadAsync(desired, CancellationToken.None);
        Assert.Equal(cut, actual!.ViewerRequestFunction);
        Assert.Empty(desired.DifferencesFrom(actual));
        var drifted = actual with { ViewerProtocolPolicy = "allow-all" };
        await driver.UpdateAsync(desired, drifted, desired.DifferencesFrom(drifted), CancellationToken.None);

        Assert.Equal(1, session.Counter.Mutating);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains(desired.FunctionName, StringComparison.Ordinal));
        Assert.Contains($"<FunctionARN>arn:aws:cloudfront::123456789012:function/{cut}</FunctionARN>", server.Requests.Single(r => r.Method == "PUT").BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_disables_waits_until_deployed_then_deletes_with_the_latest_etag_and_removes_the_access_control()
    {
        var account = Account(enabled: true, deployed: false);
        using var server = new WireServer { Responder = account.Answer };
        using var session = WireSession.For(server);
        var waits = new List<string>();
        var driver = new DistributionDriver(session.CloudFront, new OnWait(waits.Add)) { PollInterval = TimeSpan.FromMilliseconds(1) };
        var actual = (await driver.ReadAsync(Desired, CancellationToken.None))!;

        await driver.DeleteAsync(actual, CancellationToken.None);

        var disable = Conforms(server.Requests.Single(r => r.Method == "PUT"), "UpdateDistribution");
        Assert.Contains("<Enabled>false</Enabled>", disable.BodyText, StringComparison.Ordinal);
        Assert.Equal("ETAG-CONFIG", disable.Header("If-Match"));
        Assert.Equal(2, waits.Count);
        var deletes = server.Requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(["/2020-05-31/distribution/E1", "/2020-05-31/origin-access-control/OAC1", FunctionPath], deletes.Select(r => r.Path));
        Assert.Equal(["ETAG-DEPLOYED", "ETAG-OAC", "ETAG-FN"], deletes.Select(r => r.Header(Model.RestBinding("DeleteDistribution").Headers["IfMatch"])));
    }

    [Fact]
    public async Task With_no_wait_a_delete_leaves_the_distribution_disabled_and_says_how_to_finish()
    {
        var account = Account(enabled: true, deployed: false);
        using var server = new WireServer { Responder = account.Answer };
        using var session = WireSession.For(server);
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance) { NoWait = true };
        var actual = (await driver.ReadAsync(Desired, CancellationToken.None))!;

        var deferred = await Assert.ThrowsAsync<DeletionDeferredException>(() => driver.DeleteAsync(actual, CancellationToken.None));

        Assert.Contains("run teardown again", deferred.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Method == "PUT");
        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task An_already_disabled_distribution_is_not_updated_again_by_the_teardown_that_finishes_it()
    {
        var account = Account(enabled: false, deployed: true);
        using var server = new WireServer { Responder = account.Answer };
        using var session = WireSession.For(server);
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance);
        var actual = (await driver.ReadAsync(Desired, CancellationToken.None))!;

        await driver.DeleteAsync(actual, CancellationToken.None);

        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT");
        Assert.Equal(3, server.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task A_cancelled_wait_stops_before_the_delete()
    {
        var account = Account(enabled: true, deployed: false, deployAfter: int.MaxValue);
        using var server = new WireServer { Responder = account.Answer };
        using var session = WireSession.For(server);
        using var timeout = new CancellationTokenSource();
        var driver = new DistributionDriver(session.CloudFront, new OnWait(_ => timeout.Cancel())) { PollInterval = TimeSpan.FromMinutes(5) };
        var actual = (await driver.ReadAsync(Desired, CancellationToken.None))!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => driver.DeleteAsync(actual, timeout.Token));

        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Without_an_endpoint_override_calls_go_to_the_global_endpoint()
    {
        var seen = new List<Uri>();
        var config = new Pipectl.Aws.Runtime.PipectlClientConfig<Pipectl.Aws.Runtime.CloudFrontFacts>
        {
            RegionEndpoint = Amazon.RegionEndpoint.EUWest2,
            HttpClientFactory = new AnsweringHttpClientFactory(seen, $"<DistributionList xmlns=\"{Ns}\"><IsTruncated>false</IsTruncated></DistributionList>"),
        };
        using var client = new Pipectl.Aws.CloudFront.CloudFrontClient(new Amazon.Runtime.BasicAWSCredentials("AKIDWIRETEST", "secret"), config);

        await client.ListDistributionsAsync(null, CancellationToken.None);

        Assert.Equal($"https://cloudfront.amazonaws.com{Model.RestBinding("ListDistributions").RequestUri}", Assert.Single(seen).ToString());
    }

    private static RecordedRequest Conforms(RecordedRequest request, string operation)
    {
        var binding = Model.RestBinding(operation);
        Assert.Equal(binding.Method, request.Method);
        var expectedPath = binding.RequestUri.Replace("{Id}", request.Path.Split('/').ElementAtOrDefault(3) ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(expectedPath, request.Path);
        var errors = Model.ValidateXmlPayload(operation, request.BodyText);
        Assert.True(errors.Count == 0, $"{operation}: {string.Join("; ", errors)}\n{request.BodyText}");
        return request;
    }

    private static FakeCloudFront Account(bool enabled, bool deployed, int deployAfter = 2) => new(enabled, deployed ? 0 : deployAfter);

    /// <summary>One distribution E1 with access control OAC1, answering like CloudFront.</summary>
    private sealed class FakeCloudFront(bool enabled, int deployAfter)
    {
        private int _looks;

        public bool HasAccessControl { get; set; } = true;

        public bool HasFunction { get; set; } = true;

        public string FunctionComment { get; init; } = Desired.FunctionComment;

        /// <summary>The index function's name (the distribution associates it); the desired spec's by default.</summary>
        public string FunctionName { get; init; } = Desired.FunctionName;

        private string FunctionPath => $"/2020-05-31/function/{FunctionName}";

        private string FunctionArn => $"arn:aws:cloudfront::123456789012:function/{FunctionName}";

        public WireReply Answer(RecordedRequest r) => (r.Method, r.Path.Split('?')[0]) switch
        {
            ("GET", var p) when p == FunctionPath + "/describe" => HasFunction ? Xml(FunctionSummary(), "ETAG-FN") : NoSuchFunction(),
            ("GET", var p) when p == FunctionPath => HasFunction ? new WireReply(200, DistributionSpec.IndexFunctionCode, "application/octet-stream", new Dictionary<string, string> { ["ETag"] = "ETAG-FN" }) : NoSuchFunction(),
            ("POST", "/2020-05-31/function") => FunctionCreated(),
            ("POST", var p) when p == FunctionPath + "/publish" => Xml(FunctionSummary()),
            ("GET", "/2020-05-31/distribution") => Xml($"<DistributionList xmlns=\"{Ns}\"><IsTruncated>false</IsTruncated><Items>{Summary()}</Items></DistributionList>"),
            ("GET", "/2020-05-31/distribution/E1/config") => Xml(Config(enabled), "ETAG-CONFIG"),
            ("GET", "/2020-05-31/distribution/E1") => ++_looks > deployAfter ? Xml(Distribution("Deployed"), "ETAG-DEPLOYED") : Xml(Distribution("InProgress"), "ETAG-PROGRESS"),
            ("PUT", "/2020-05-31/distribution/E1/config") => Xml(Distribution("InProgress"), "ETAG-UPDATED"),
            ("POST", "/2020-05-31/distribution") => new WireReply(201, Distribution("InProgress"), "text/xml", new Dictionary<string, string> { ["ETag"] = "ETAG-NEW" }),
            ("GET", "/2020-05-31/tagging") => Xml($"<Tags xmlns=\"{Ns}\"><Items><Tag><Key>pipectl:stack</Key><Value>demo</Value></Tag><Tag><Key>pipectl:region</Key><Value>eu-west-2</Value></Tag></Items></Tags>"),
            ("GET", "/2020-05-31/origin-access-control") => Xml($"<OriginAccessControlList xmlns=\"{Ns}\"><IsTruncated>false</IsTruncated><Items>{(HasAccessControl ? $"<OriginAccessControlSummary><Id>OAC1</Id><Name>{Desired.Name}</Name><Description>{DistributionDriver.RecordOf(Desired.Name, Desired.Tags)}</Description></OriginAccessControlSummary>" : string.Empty)}</Items></OriginAccessControlList>"),
            ("POST", "/2020-05-31/origin-access-control") => Created(new WireReply(201, $"<OriginAccessControl xmlns=\"{Ns}\"><Id>OAC1</Id></OriginAccessControl>", "text/xml")),
            ("GET", "/2020-05-31/origin-access-control/OAC1") => Xml($"<OriginAccessControl xmlns=\"{Ns}\"><Id>OAC1</Id></OriginAccessControl>", "ETAG-OAC"),
            ("DELETE", _) => new WireReply(204, string.Empty, "text/xml"),
            _ => new WireReply(400, $"<ErrorResponse><Error><Code>Unexpected</Code><Message>{r.Method} {r.Path}</Message></Error></ErrorResponse>", "text/xml"),
        };

        private WireReply FunctionCreated()
        {
            HasFunction = true;
            return new WireReply(201, FunctionSummary(), "text/xml", new Dictionary<string, string> { ["ETag"] = "ETAG-FN-NEW" });
        }

        private string FunctionSummary() =>
            $"<FunctionSummary xmlns=\"{Ns}\"><Name>{FunctionName}</Name><Status>UNASSOCIATED</Status><FunctionConfig><Comment>{FunctionComment}</Comment><Runtime>cloudfront-js-2.0</Runtime></FunctionConfig><FunctionMetadata><FunctionARN>{FunctionArn}</FunctionARN><Stage>DEVELOPMENT</Stage></FunctionMetadata></FunctionSummary>";

        private static WireReply NoSuchFunction() =>
            new(404, $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>NoSuchFunctionExists</Code><Message>no such function</Message></Error></ErrorResponse>", "text/xml");

        private WireReply Created(WireReply reply)
        {
            HasAccessControl = true;
            return reply;
        }

        private static WireReply Xml(string body, string? etag = null) =>
            new(200, body, "text/xml", etag is null ? null : new Dictionary<string, string> { ["ETag"] = etag });

        private static string Summary() =>
            $"<DistributionSummary><Id>E1</Id><ARN>{Arn}</ARN><Status>Deployed</Status><DomainName>d1.cloudfront.net</DomainName><Origins><Quantity>1</Quantity><Items><Origin><Id>site-bucket</Id><DomainName>{Desired.OriginDomain}</DomainName></Origin></Items></Origins></DistributionSummary>";

        private string Distribution(string status) =>
            $"<Distribution xmlns=\"{Ns}\"><Id>E1</Id><ARN>{Arn}</ARN><Status>{status}</Status><DomainName>d1.cloudfront.net</DomainName>{ConfigElement(true)}</Distribution>";

        private string Config(bool enabled) => ConfigElement(enabled).Replace("<DistributionConfig>", $"<DistributionConfig xmlns=\"{Ns}\">", StringComparison.Ordinal);

        private string ConfigElement(bool enabled) =>
            "<DistributionConfig><CallerReference>ref-1</CallerReference><DefaultRootObject>index.html</DefaultRootObject>" +
            $"<Origins><Quantity>1</Quantity><Items><Origin><Id>site-bucket</Id><DomainName>{Desired.OriginDomain}</DomainName><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig><OriginAccessControlId>OAC1</OriginAccessControlId></Origin></Items></Origins>" +
            "<DefaultCacheBehavior><TargetOriginId>site-bucket</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>" +
            $"<FunctionAssociations><Quantity>1</Quantity><Items><FunctionAssociation><FunctionARN>{FunctionArn}</FunctionARN><EventType>viewer-request</EventType></FunctionAssociation></Items></FunctionAssociations>" +
            "<CachePolicyId>658327ea-f89d-4fab-a63d-7e88639e58f6</CachePolicyId></DefaultCacheBehavior>" +
            "<CustomErrorResponses><Quantity>2</Quantity><Items><CustomErrorResponse><ErrorCode>404</ErrorCode><ResponsePagePath>/error.html</ResponsePagePath><ResponseCode>404</ResponseCode></CustomErrorResponse><CustomErrorResponse><ErrorCode>403</ErrorCode><ResponsePagePath>/error.html</ResponsePagePath><ResponseCode>404</ResponseCode></CustomErrorResponse></Items></CustomErrorResponses>" +
            $"<Comment>c</Comment><Enabled>{(enabled ? "true" : "false")}</Enabled></DistributionConfig>";
    }

    /// <summary>Progress that hands each wait message to <paramref name="waiting"/> (a test cancels there as --timeout does).</summary>
    private sealed class OnWait(Action<string> waiting) : IStackProgress
    {
        public void Started(string type, string name)
        {
        }

        public void Settled(ResourceOutcome outcome)
        {
        }

        public void Waiting(string message) => waiting(message);
    }
}
