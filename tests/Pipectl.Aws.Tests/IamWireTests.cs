using Pipectl.Aws.Errors;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

public sealed class IamWireTests
{
    private const string Role = """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>
          <Path>/</Path><RoleName>demo-codebuild-role</RoleName><RoleId>AROA1</RoleId>
          <Arn>arn:aws:iam::123456789012:role/demo-codebuild-role</Arn>
          <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
          <Tags><member><Key>pipectl:stack</Key><Value>demo</Value></member></Tags>
        </Role></GetRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetRoleResponse>
        """;

    [Fact]
    public async Task GetRole_is_a_query_request_signed_for_us_east_1_whatever_the_region()
    {
        using var server = new WireServer().Reply(WireReply.Xml(Role));
        using var session = WireSession.For(server, region: "ap-southeast-2");

        var role = await session.Iam.GetRoleAsync("demo-codebuild-role");

        Assert.Equal("arn:aws:iam::123456789012:role/demo-codebuild-role", role.Arn);
        Assert.Equal("demo", role.Tags["pipectl:stack"]);
        ModelAssert.QueryRequestConforms("iam", "GetRole", server.LastRequest);
        ModelAssert.SignedFor(server.LastRequest, "iam", "us-east-1");
    }

    [Fact]
    public async Task NoSuchEntity_becomes_not_found()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(404, "NoSuchEntity", "The role cannot be found."));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync("nope"));

        Assert.Equal("NoSuchEntity", e.Code);
        Assert.Equal(WireReply.RequestId, e.RequestId);
    }

    [Fact]
    public async Task Iam_throttling_is_retried()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(400, "Throttling", "Rate exceeded"), WireReply.Xml(Role));
        using var session = WireSession.For(server);

        await session.Iam.GetRoleAsync("demo-codebuild-role");

        Assert.Equal(2, server.Requests.Count);
    }
}
