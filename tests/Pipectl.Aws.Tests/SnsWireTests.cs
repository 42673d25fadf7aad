using Pipectl.Aws.Errors;
using Pipectl.Aws.Sns;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

public sealed class SnsWireTests
{
    private const string Ns = "http://sns.amazonaws.com/doc/2010-03-31/";
    private const string TopicArn = "arn:aws:sns:ap-southeast-2:123456789012:demo-approvals";

    private static readonly string CreatedTopic = $"""
        <CreateTopicResponse xmlns="{Ns}">
          <CreateTopicResult>
            <TopicArn>{TopicArn}</TopicArn>
          </CreateTopicResult>
          <ResponseMetadata>
            <RequestId>a8dec8b3-33a4-11df-8963-01868b7c937a</RequestId>
          </ResponseMetadata>
        </CreateTopicResponse>
        """;

    /// <summary>An SNS error document, in SNS's own namespace.</summary>
    private static WireReply SnsError(int status, string code, string message) => new(status,
        $"""<ErrorResponse xmlns="{Ns}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{WireReply.RequestId}</RequestId></ErrorResponse>""",
        "text/xml");

    [Fact]
    public async Task CreateTopic_sends_attributes_as_entries_and_tags_as_members_signed_for_sns_in_the_region()
    {
        using var server = new WireServer().Reply(WireReply.Xml(CreatedTopic));
        using var session = WireSession.For(server, region: "ap-southeast-2");

        var arn = await session.Sns.CreateTopicAsync(
            "demo-approvals",
            new Dictionary<string, string> { ["DisplayName"] = "Demo approvals" },
            new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["team"] = "web" });

        Assert.Equal(TopicArn, arn);
        var request = server.LastRequest;
        ModelAssert.QueryRequestConforms("sns", "CreateTopic", request);
        ModelAssert.SignedFor(request, "sns", "ap-southeast-2");
        var form = request.Form;
        Assert.Equal("demo-approvals", form["Name"]);
        Assert.Equal("DisplayName", form["Attributes.entry.1.key"]);
        Assert.Equal("Demo approvals", form["Attributes.entry.1.value"]);
        Assert.Equal("pipectl:stack", form["Tags.member.1.Key"]);
        Assert.Equal("demo", form["Tags.member.1.Value"]);
        Assert.Equal("team", form["Tags.member.2.Key"]);
        Assert.Equal("web", form["Tags.member.2.Value"]);
    }

    [Fact]
    public async Task CreateTopic_with_only_a_name_sends_only_the_name()
    {
        using var server = new WireServer().Reply(WireReply.Xml(CreatedTopic));
        using var session = WireSession.For(server);

        await session.Sns.CreateTopicAsync("demo-approvals");

        ModelAssert.QueryRequestConforms("sns", "CreateTopic", server.LastRequest);
        Assert.Equal(["Action", "Name", "Version"], server.LastRequest.Form.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wrong_form_fails_the_model_check()
    {
        using var server = new WireServer().Reply(
            WireReply.Xml(CreatedTopic),
            WireReply.Xml($"""<SubscribeResponse xmlns="{Ns}"><SubscribeResult><SubscriptionArn>pending confirmation</SubscriptionArn></SubscribeResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SubscribeResponse>"""));
        using var session = WireSession.For(server);
        await session.Sns.CreateTopicAsync("t", new Dictionary<string, string> { ["DisplayName"] = "d" }, new Dictionary<string, string> { ["k"] = "v" });
        await session.Sns.SubscribeAsync(TopicArn, "email", "ops@example.com");
        var createTopic = server.Requests[0];
        var subscribe = server.Requests[1];
        ModelAssert.QueryRequestConforms("sns", "CreateTopic", createTopic);
        ModelAssert.QueryRequestConforms("sns", "Subscribe", subscribe);

        var flatTags = createTopic.WithBody(createTopic.BodyText.Replace("Tags.member.1.", "Tags.1.", StringComparison.Ordinal));
        Assert.Contains("must be sent as", Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("sns", "CreateTopic", flatTags)).Message);

        // A map sent as a member list is not a map.
        var attributesAsList = createTopic.WithBody(createTopic.BodyText.Replace("Attributes.entry.1.key", "Attributes.member.1.key", StringComparison.Ordinal));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("sns", "CreateTopic", attributesAsList));

        var noProtocol = subscribe.WithBody(string.Join('&', subscribe.BodyText.Split('&').Where(p => !p.StartsWith("Protocol=", StringComparison.Ordinal))));
        Assert.Contains("Protocol: required", Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("sns", "Subscribe", noProtocol)).Message);

        var iamVersion = subscribe.WithBody(subscribe.BodyText.Replace("Version=2010-03-31", "Version=2010-05-08", StringComparison.Ordinal));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("sns", "Subscribe", iamVersion));
    }

    [Fact]
    public async Task Subscribe_email_returns_pending_confirmation()
    {
        using var server = new WireServer().Reply(WireReply.Xml($"""
            <SubscribeResponse xmlns="{Ns}">
              <SubscribeResult>
                <SubscriptionArn>pending confirmation</SubscriptionArn>
              </SubscribeResult>
              <ResponseMetadata>
                <RequestId>c4407779-24a4-56fa-982c-3d927f93a775</RequestId>
              </ResponseMetadata>
            </SubscribeResponse>
            """));
        using var session = WireSession.For(server, region: "eu-west-1");

        var arn = await session.Sns.SubscribeAsync(TopicArn, "email", "ops@example.com");

        Assert.Equal("pending confirmation", arn);
        Assert.True(SnsSubscription.IsPending(arn));
        var request = server.LastRequest;
        ModelAssert.QueryRequestConforms("sns", "Subscribe", request);
        ModelAssert.SignedFor(request, "sns", "eu-west-1");
        Assert.Equal(TopicArn, request.Form["TopicArn"]);
        Assert.Equal("email", request.Form["Protocol"]);
        Assert.Equal("ops@example.com", request.Form["Endpoint"]);
        Assert.False(request.Form.ContainsKey("ReturnSubscriptionArn"));
    }

    [Fact]
    public async Task Subscribe_with_ReturnSubscriptionArn_gets_the_arn()
    {
        const string SubscriptionArn = TopicArn + ":80289ba6-0fd4-4079-afb4-ce8c8260f0ca";
        using var server = new WireServer().Reply(WireReply.Xml($"""
            <SubscribeResponse xmlns="{Ns}">
              <SubscribeResult><SubscriptionArn>{SubscriptionArn}</SubscriptionArn></SubscribeResult>
              <ResponseMetadata><RequestId>c4407779-24a4-56fa-982c-3d927f93a776</RequestId></ResponseMetadata>
            </SubscribeResponse>
            """));
        using var session = WireSession.For(server);

        var arn = await session.Sns.SubscribeAsync(TopicArn, "email", "ops@example.com", returnSubscriptionArn: true);

        Assert.Equal(SubscriptionArn, arn);
        Assert.False(SnsSubscription.IsPending(arn));
        ModelAssert.QueryRequestConforms("sns", "Subscribe", server.LastRequest);
        Assert.Equal("true", server.LastRequest.Form["ReturnSubscriptionArn"]);
    }

    [Fact]
    public async Task Subscribe_to_a_missing_topic_is_not_found_and_not_retried()
    {
        using var server = new WireServer().Reply(SnsError(404, "NotFound", "Topic does not exist"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Sns.SubscribeAsync(TopicArn, "email", "ops@example.com"));

        Assert.Equal("NotFound", e.Code);
        Assert.Equal("Topic does not exist", e.Message);
        Assert.Equal(WireReply.RequestId, e.RequestId);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("AuthorizationError", "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: SNS:CreateTopic")]
    [InlineData("AccessDenied", "Access to the resource is denied")]
    public async Task Access_denied_is_typed_and_not_retried(string code, string message)
    {
        using var server = new WireServer().Reply(SnsError(403, code, message));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsAccessDeniedException>(() => session.Sns.CreateTopicAsync("demo-approvals"));

        Assert.Equal(code, e.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ListSubscriptionsByTopic_follows_NextToken_and_reads_pending_subscriptions()
    {
        using var server = new WireServer().Reply(
            WireReply.Xml($"""
                <ListSubscriptionsByTopicResponse xmlns="{Ns}">
                  <ListSubscriptionsByTopicResult>
                    <Subscriptions>
                      <member>
                        <TopicArn>{TopicArn}</TopicArn>
                        <Protocol>email</Protocol>
                        <SubscriptionArn>{TopicArn}:80289ba6-0fd4-4079-afb4-ce8c8260f0ca</SubscriptionArn>
                        <Owner>123456789012</Owner>
                        <Endpoint>example@amazon.com</Endpoint>
                      </member>
                    </Subscriptions>
                    <NextToken>QUFBQUFBQUFBQUFBQUFBQQ==</NextToken>
                  </ListSubscriptionsByTopicResult>
                  <ResponseMetadata><RequestId>b9275252-3774-11df-9540-99d0768312d3</RequestId></ResponseMetadata>
                </ListSubscriptionsByTopicResponse>
                """),
            WireReply.Xml($"""
                <ListSubscriptionsByTopicResponse xmlns="{Ns}">
                  <ListSubscriptionsByTopicResult>
                    <Subscriptions>
                      <member>
                        <TopicArn>{TopicArn}</TopicArn>
                        <Protocol>email</Protocol>
                        <SubscriptionArn>PendingConfirmation</SubscriptionArn>
                        <Owner>123456789012</Owner>
                        <Endpoint>ops@example.com</Endpoint>
                      </member>
                    </Subscriptions>
                  </ListSubscriptionsByTopicResult>
                  <ResponseMetadata><RequestId>b9275252-3774-11df-9540-99d0768312d4</RequestId></ResponseMetadata>
                </ListSubscriptionsByTopicResponse>
                """));
        using var session = WireSession.For(server, region: "ap-southeast-2");

        var subscriptions = await session.Sns.ListSubscriptionsByTopicAsync(TopicArn);

        Assert.Equal(
            [
                new SnsSubscription($"{TopicArn}:80289ba6-0fd4-4079-afb4-ce8c8260f0ca", "123456789012", "email", "example@amazon.com", TopicArn),
                new SnsSubscription("PendingConfirmation", "123456789012", "email", "ops@example.com", TopicArn),
            ],
            subscriptions);
        Assert.False(subscriptions[0].IsPendingConfirmation);
        Assert.True(subscriptions[1].IsPendingConfirmation);
        Assert.Equal(2, server.Requests.Count);
        Assert.False(server.Requests[0].Form.ContainsKey("NextToken"));
        Assert.Equal("QUFBQUFBQUFBQUFBQUFBQQ==", server.Requests[1].Form["NextToken"]);
        Assert.All(server.Requests, r => ModelAssert.QueryRequestConforms("sns", "ListSubscriptionsByTopic", r));
        Assert.All(server.Requests, r => ModelAssert.SignedFor(r, "sns", "ap-southeast-2"));
    }

    [Fact]
    public async Task DeleteTopic_conforms()
    {
        using var server = new WireServer().Reply(WireReply.Xml($"""
            <DeleteTopicResponse xmlns="{Ns}">
              <ResponseMetadata><RequestId>f3aa9ac9-3c3d-11df-8235-9dab105e9c32</RequestId></ResponseMetadata>
            </DeleteTopicResponse>
            """));
        using var session = WireSession.For(server, region: "us-west-2");

        await session.Sns.DeleteTopicAsync(TopicArn);

        ModelAssert.QueryRequestConforms("sns", "DeleteTopic", server.LastRequest);
        ModelAssert.SignedFor(server.LastRequest, "sns", "us-west-2");
        Assert.Equal(TopicArn, server.LastRequest.Form["TopicArn"]);
    }

    [Fact]
    public async Task ListTagsForResource_reads_the_tags()
    {
        using var server = new WireServer().Reply(WireReply.Xml($"""
            <ListTagsForResourceResponse xmlns="{Ns}">
              <ListTagsForResourceResult>
                <Tags>
                  <member><Key>pipectl:stack</Key><Value>demo</Value></member>
                  <member><Key>team</Key><Value>web</Value></member>
                </Tags>
              </ListTagsForResourceResult>
              <ResponseMetadata><RequestId>97fa763f-861b-5223-a946-20251f2a42e2</RequestId></ResponseMetadata>
            </ListTagsForResourceResponse>
            """));
        using var session = WireSession.For(server);

        var tags = await session.Sns.ListTagsForResourceAsync(TopicArn);

        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["team"] = "web" }, tags);
        ModelAssert.QueryRequestConforms("sns", "ListTagsForResource", server.LastRequest);
        ModelAssert.SignedFor(server.LastRequest, "sns", "eu-west-2");
        Assert.Equal(TopicArn, server.LastRequest.Form["ResourceArn"]);
    }

    [Fact]
    public async Task ListTagsForResource_of_a_missing_topic_is_not_found()
    {
        using var server = new WireServer().Reply(SnsError(404, "ResourceNotFound", "Resource does not exist"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Sns.ListTagsForResourceAsync(TopicArn));

        Assert.Equal("ResourceNotFound", e.Code);
        Assert.Single(server.Requests);
    }
}
