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
    internal static readonly DesiredStack Demo = DesiredStack.From(StackSpec.FromStackName("demo", "eu-west-2", "123456789012"));

    private const string Tagging = """
        <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>
        <Tag><Key>pipectl:stack</Key><Value>demo</Value></Tag><Tag><Key>pipectl:region</Key><Value>eu-west-2</Value></Tag>
        </TagSet></Tagging>
        """;

    internal static WireReply S3Error(int status, string code) =>
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

    private const string OwnedRole = """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>
          <Path>/</Path><RoleName>demo-codebuild-role</RoleName><RoleId>AROA1</RoleId>
          <Arn>arn:aws:iam::123456789012:role/demo-codebuild-role</Arn>
          <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
          <Tags><member><Key>pipectl:stack</Key><Value>demo</Value></member><member><Key>pipectl:region</Key><Value>eu-west-2</Value></member></Tags>
        </Role></GetRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetRoleResponse>
        """;

    private const string TwoPolicies = """
        <ListRolePoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolePoliciesResult>
          <PolicyNames><member>pipectl-build</member><member>added-by-hand</member></PolicyNames><IsTruncated>false</IsTruncated>
        </ListRolePoliciesResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></ListRolePoliciesResponse>
        """;

    [Fact]
    public async Task A_role_is_read_for_teardown_with_GetRole_and_the_names_of_its_inline_policies()
    {
        using var server = new WireServer { Responder = r => WireReply.Xml(r.Form["Action"] == "GetRole" ? OwnedRole : TwoPolicies) };
        using var session = WireSession.For(server);

        var state = await ((IResourceDriver<RoleSpec, RoleState>)new RoleDriver(session.Iam)).ReadToDeleteAsync(Demo.BuildRole, CancellationToken.None);

        Assert.Equal(["GetRole", "ListRolePolicies"], server.Requests.Select(r => r.Form["Action"]).Order(StringComparer.Ordinal));
        Assert.All(server.Requests, r => Assert.Equal(Demo.BuildRole.Name, r.Form["RoleName"]));
        Assert.NotNull(state);
        Assert.True(StackOwnership.IsOwnedBy(state, "demo", "eu-west-2"));
        Assert.Equal("arn:aws:iam::123456789012:role/demo-codebuild-role", state.Arn);
        Assert.Equal(["pipectl-build", "added-by-hand"], state.ListedPolicyNames);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("rule")]
    public async Task A_missing_role_or_rule_is_null_after_its_two_reads_by_name_and_the_refused_listing_is_no_failure(string kind)
    {
        using var server = new WireServer
        {
            Responder = _ => kind == "role"
                ? WireReply.XmlError(404, "NoSuchEntity", "The role with name demo-codebuild-role cannot be found.")
                : WireReply.JsonError(400, "ResourceNotFoundException", "Rule demo-trigger does not exist."),
        };
        using var session = WireSession.For(server);

        var state = kind == "role"
            ? (object?)await ((IResourceDriver<RoleSpec, RoleState>)new RoleDriver(session.Iam)).ReadToDeleteAsync(Demo.BuildRole, CancellationToken.None)
            : await ((IResourceDriver<RuleSpec, RuleState>)new RuleDriver(session.EventBridge)).ReadToDeleteAsync(Demo.Rule, CancellationToken.None);

        Assert.Null(state);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_role_read_for_teardown_is_deleted_with_the_policies_it_listed_without_listing_again()
    {
        using var server = new WireServer { Responder = r => WireReply.Xml(r.Form["Action"] == "GetRole" ? OwnedRole : TwoPolicies) };
        using var session = WireSession.For(server);
        IResourceDriver<RoleSpec, RoleState> driver = new RoleDriver(session.Iam);
        var state = await driver.ReadToDeleteAsync(Demo.BuildRole, CancellationToken.None);
        var read = server.Requests.Count;
        server.Responder = r => WireReply.Xml($"<{r.Form["Action"]}Response><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{r.Form["Action"]}Response>");

        await driver.DeleteAsync(state!, CancellationToken.None);

        var deletion = server.Requests.Skip(read).ToList();
        Assert.Equal(["added-by-hand", "pipectl-build"], deletion.Where(r => r.Form["Action"] == "DeleteRolePolicy").Select(r => r.Form["PolicyName"]).Order(StringComparer.Ordinal));
        Assert.Equal("DeleteRole", deletion[^1].Form["Action"]);
        Assert.DoesNotContain(deletion, r => r.Form["Action"] == "ListRolePolicies");
    }

    [Fact]
    public async Task A_policy_added_after_the_read_is_listed_and_deleted_when_IAM_refuses_the_role()
    {
        var refusedOnce = false;
        using var server = new WireServer
        {
            Responder = r => r.Form["Action"] switch
            {
                "DeleteRole" when !refusedOnce => Refuse(),
                "ListRolePolicies" => WireReply.Xml(TwoPolicies),
                var action => WireReply.Xml($"<{action}Response><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{action}Response>"),
            },
        };
        using var session = WireSession.For(server);
        var read = new RoleState("demo-codebuild-role", "arn:aws:iam::123456789012:role/demo-codebuild-role", "{}", new Dictionary<string, string>(), new Dictionary<string, string>())
        {
            ListedPolicyNames = ["pipectl-build"],
        };

        await ((IResourceDriver<RoleSpec, RoleState>)new RoleDriver(session.Iam)).DeleteAsync(read, CancellationToken.None);

        Assert.Equal(
            ["DeleteRolePolicy", "DeleteRole", "ListRolePolicies", "DeleteRolePolicy", "DeleteRolePolicy", "DeleteRole"],
            server.Requests.Select(r => r.Form["Action"]));
        WireReply Refuse()
        {
            refusedOnce = true;
            return WireReply.XmlError(409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
        }
    }

    [Fact]
    public async Task A_rule_is_read_for_teardown_with_its_targets_listed_by_name_alongside_DescribeRule()
    {
        const string arn = "arn:aws:events:eu-west-2:123456789012:rule/demo-trigger";
        using var server = new WireServer
        {
            Responder = r => r.Target switch
            {
                "AWSEvents.DescribeRule" => WireReply.Json($$"""{"Name":"demo-trigger","Arn":"{{arn}}","EventPattern":"{}","State":"ENABLED"}"""),
                "AWSEvents.ListTargetsByRule" => WireReply.Json("""{"Targets":[{"Id":"pipeline","Arn":"arn:aws:codepipeline:eu-west-2:123456789012:demo-pipeline"},{"Id":"other","Arn":"arn:aws:sns:eu-west-2:123456789012:t"}]}"""),
                _ => WireReply.Json("""{"Tags":[{"Key":"pipectl:stack","Value":"demo"},{"Key":"pipectl:region","Value":"eu-west-2"}]}"""),
            },
        };
        using var session = WireSession.For(server);

        var state = await ((IResourceDriver<RuleSpec, RuleState>)new RuleDriver(session.EventBridge)).ReadToDeleteAsync(Demo.Rule, CancellationToken.None);

        Assert.Equal(
            ["AWSEvents.DescribeRule", "AWSEvents.ListTagsForResource", "AWSEvents.ListTargetsByRule"],
            server.Requests.Select(r => r.Target).Order(StringComparer.Ordinal));
        ModelAssert.JsonRequestConforms("events", "ListTargetsByRule", server.Requests.Single(r => r.Target == "AWSEvents.ListTargetsByRule"));
        Assert.Equal("AWSEvents.ListTagsForResource", server.LastRequest.Target);
        Assert.NotNull(state);
        Assert.True(StackOwnership.IsOwnedBy(state, "demo", "eu-west-2"));
        Assert.Equal(arn, state.Arn);
        Assert.Equal(["pipeline", "other"], state.Targets.Select(t => t.Id));
    }
}
