using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// What teardown reads of a bucket, a role and a rule (issue 17): the tags that decide ownership and nothing
/// teardown never looks at, one request (two for a rule, whose tags need its ARN) instead of the full read.
/// </summary>
public sealed class TeardownReadWireTests
{
    private static readonly DesiredStack Demo = DesiredStack.From(StackSpec.FromStackName("demo", "eu-west-2", "123456789012"));

    private const string Tagging = """
        <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>
        <Tag><Key>pipectl:stack</Key><Value>demo</Value></Tag><Tag><Key>pipectl:region</Key><Value>eu-west-2</Value></Tag>
        </TagSet></Tagging>
        """;

    private static WireReply S3Error(int status, string code) =>
        new(status, $"""<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{code}</Message><RequestId>R</RequestId></Error>""", "application/xml");

    [Fact]
    public async Task A_bucket_is_read_for_teardown_with_one_GetBucketTagging()
    {
        using var server = new WireServer().Reply(new WireReply(200, Tagging, "application/xml"));
        using var session = WireSession.For(server);
        var spec = Demo.ArtifactBucket;

        var state = await ((IResourceDriver<BucketSpec, BucketState>)new BucketDriver(session.S3)).ReadToDeleteAsync(spec, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", $"/{spec.Name}/?tagging"), (request.Method, request.Path));
        Assert.NotNull(state);
        Assert.True(StackOwnership.IsOwnedBy(state, "demo", "eu-west-2"));
        Assert.Equal($"arn:aws:s3:::{spec.Name}", state.Arn);
    }

    [Theory]
    [InlineData(404, "NoSuchBucket", "missing")]
    [InlineData(404, "NoSuchTagSet", "not the stack's")]
    [InlineData(403, "AccessDenied", "refused")]
    public async Task A_missing_bucket_is_null_an_untagged_one_is_not_the_stacks_and_another_accounts_is_refused(int status, string code, string expected)
    {
        using var server = new WireServer().Reply(S3Error(status, code));
        using var session = WireSession.For(server);
        IResourceDriver<BucketSpec, BucketState> driver = new BucketDriver(session.S3);

        if (expected == "refused")
        {
            var refusal = await Assert.ThrowsAsync<ProvisioningException>(() => driver.ReadToDeleteAsync(Demo.SiteBucket, CancellationToken.None));
            Assert.Contains("taken by another AWS account", refusal.Message, StringComparison.Ordinal);
            return;
        }

        var state = await driver.ReadToDeleteAsync(Demo.SiteBucket, CancellationToken.None);
        Assert.Single(server.Requests);
        if (expected == "missing")
        {
            Assert.Null(state);
        }
        else
        {
            Assert.NotNull(state);
            Assert.False(StackOwnership.IsOwnedBy(state, "demo", "eu-west-2"));
        }
    }

    [Fact]
    public async Task A_role_is_read_for_teardown_with_GetRole_alone()
    {
        const string role = """
            <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>
              <Path>/</Path><RoleName>demo-codebuild-role</RoleName><RoleId>AROA1</RoleId>
              <Arn>arn:aws:iam::123456789012:role/demo-codebuild-role</Arn>
              <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
              <Tags><member><Key>pipectl:stack</Key><Value>demo</Value></member><member><Key>pipectl:region</Key><Value>eu-west-2</Value></member></Tags>
            </Role></GetRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetRoleResponse>
            """;
        using var server = new WireServer().Reply(WireReply.Xml(role));
        using var session = WireSession.For(server);

        var state = await ((IResourceDriver<RoleSpec, RoleState>)new RoleDriver(session.Iam)).ReadToDeleteAsync(Demo.BuildRole, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GetRole", request.Form["Action"]);
        Assert.NotNull(state);
        Assert.True(StackOwnership.IsOwnedBy(state, "demo", "eu-west-2"));
        Assert.Equal("arn:aws:iam::123456789012:role/demo-codebuild-role", state.Arn);
    }

    [Fact]
    public async Task A_missing_role_is_null_after_one_request()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(404, "NoSuchEntity", "The role with name demo-codebuild-role cannot be found."));
        using var session = WireSession.For(server);

        Assert.Null(await ((IResourceDriver<RoleSpec, RoleState>)new RoleDriver(session.Iam)).ReadToDeleteAsync(Demo.BuildRole, CancellationToken.None));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_rule_is_read_for_teardown_without_listing_its_targets()
    {
        const string arn = "arn:aws:events:eu-west-2:123456789012:rule/demo-trigger";
        using var server = new WireServer
        {
            Responder = r => r.Target == "AWSEvents.DescribeRule"
                ? WireReply.Json($$"""{"Name":"demo-trigger","Arn":"{{arn}}","EventPattern":"{}","State":"ENABLED"}""")
                : WireReply.Json("""{"Tags":[{"Key":"pipectl:stack","Value":"demo"},{"Key":"pipectl:region","Value":"eu-west-2"}]}"""),
        };
        using var session = WireSession.For(server);

        var state = await ((IResourceDriver<RuleSpec, RuleState>)new RuleDriver(session.EventBridge)).ReadToDeleteAsync(Demo.Rule, CancellationToken.None);

        Assert.Equal(["AWSEvents.DescribeRule", "AWSEvents.ListTagsForResource"], server.Requests.Select(r => r.Target));
        ModelAssert.JsonRequestConforms("events", "ListTagsForResource", server.LastRequest);
        Assert.NotNull(state);
        Assert.True(StackOwnership.IsOwnedBy(state, "demo", "eu-west-2"));
        Assert.Equal(arn, state.Arn);
    }
}
