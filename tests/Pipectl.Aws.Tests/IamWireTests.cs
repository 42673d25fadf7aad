using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;
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

    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    private const string TrustJson = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string TrustEncoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22codebuild.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

    private const string PolicyJson = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::demo-artifacts/*"]}]}""";

    private const string PolicyEncoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22s3%3AGetObject%22%2C%22s3%3APutObject%22%5D%2C%22Resource%22%3A%5B%22arn%3Aaws%3As3%3A%3A%3Ademo-artifacts%2F%2A%22%5D%7D%5D%7D";

    private static readonly string CreatedRole = $"""
        <CreateRoleResponse xmlns="{Ns}">
          <CreateRoleResult>
            <Role>
              <Path>/pipectl/</Path>
              <Arn>arn:aws:iam::123456789012:role/pipectl/demo-codebuild-role</Arn>
              <RoleName>demo-codebuild-role</RoleName>
              <AssumeRolePolicyDocument>{TrustEncoded}</AssumeRolePolicyDocument>
              <Description>Build role of demo</Description>
              <MaxSessionDuration>7200</MaxSessionDuration>
              <CreateDate>2024-05-08T23:34:01Z</CreateDate>
              <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
              <Tags>
                <member><Key>pipectl:stack</Key><Value>demo</Value></member>
                <member><Key>team</Key><Value>web</Value></member>
              </Tags>
            </Role>
          </CreateRoleResult>
          <ResponseMetadata><RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId></ResponseMetadata>
        </CreateRoleResponse>
        """;

    private static WireReply Empty(string action) => WireReply.Xml(
        $"""<{action}Response xmlns="{Ns}"><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></{action}Response>""");

    [Fact]
    public async Task CreateRole_sends_every_member_as_the_model_names_it_and_reads_the_role()
    {
        using var server = new WireServer().Reply(WireReply.Xml(CreatedRole));
        using var session = WireSession.For(server, region: "eu-west-1");

        var role = await session.Iam.CreateRoleAsync(new CreateRoleRequest(
            "demo-codebuild-role",
            TrustJson,
            "Build role of demo",
            new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["team"] = "web" },
            "/pipectl/",
            7200));

        Assert.Equal("arn:aws:iam::123456789012:role/pipectl/demo-codebuild-role", role.Arn);
        Assert.Equal("AROADBQP57FF2AEXAMPLE", role.RoleId);
        Assert.Equal("/pipectl/", role.Path);
        Assert.Equal("Build role of demo", role.Description);
        Assert.Equal(7200, role.MaxSessionDuration);
        Assert.Equal(new DateTimeOffset(2024, 5, 8, 23, 34, 1, TimeSpan.Zero), role.CreateDate);
        Assert.Equal(TrustEncoded, role.AssumeRolePolicyDocument);
        Assert.Equal(TrustJson, role.AssumeRolePolicyJson);
        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["team"] = "web" }, role.Tags);

        var request = server.LastRequest;
        ModelAssert.QueryRequestConforms("iam", "CreateRole", request);
        ModelAssert.SignedFor(request, "iam", "us-east-1");
        var form = request.Form;
        Assert.Equal("demo-codebuild-role", form["RoleName"]);
        Assert.Equal(TrustJson, form["AssumeRolePolicyDocument"]);
        Assert.Equal("Build role of demo", form["Description"]);
        Assert.Equal("/pipectl/", form["Path"]);
        Assert.Equal("7200", form["MaxSessionDuration"]);
        Assert.Equal("pipectl:stack", form["Tags.member.1.Key"]);
        Assert.Equal("demo", form["Tags.member.1.Value"]);
        Assert.Equal("team", form["Tags.member.2.Key"]);
        Assert.Equal("web", form["Tags.member.2.Value"]);
    }

    [Fact]
    public async Task CreateRole_leaves_out_optional_members_that_are_not_set()
    {
        using var server = new WireServer().Reply(WireReply.Xml(CreatedRole));
        using var session = WireSession.For(server);

        await session.Iam.CreateRoleAsync(new CreateRoleRequest("demo-codebuild-role", TrustJson));

        ModelAssert.QueryRequestConforms("iam", "CreateRole", server.LastRequest);
        Assert.Equal(["Action", "AssumeRolePolicyDocument", "RoleName", "Version"], server.LastRequest.Form.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wrong_form_fails_the_model_check()
    {
        using var server = new WireServer().Reply(WireReply.Xml(CreatedRole), Empty("TagRole"));
        using var session = WireSession.For(server);
        await session.Iam.CreateRoleAsync(new CreateRoleRequest("r", TrustJson, Tags: new Dictionary<string, string> { ["k"] = "v" }));
        await session.Iam.TagRoleAsync("r", new Dictionary<string, string> { ["k"] = "v" });
        var createRole = server.Requests[0];
        var tagRole = server.Requests[1];
        ModelAssert.QueryRequestConforms("iam", "CreateRole", createRole);
        ModelAssert.QueryRequestConforms("iam", "TagRole", tagRole);

        // Tags flattened without ".member." (the EC2 style) is not what the IAM model says.
        var flatTags = createRole.WithBody(createRole.BodyText.Replace("Tags.member.1.", "Tags.1.", StringComparison.Ordinal));
        Assert.Contains("must be sent as", Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("iam", "CreateRole", flatTags)).Message);

        // TagRole without its required Tags.
        var noTags = tagRole.WithBody(string.Join('&', tagRole.BodyText.Split('&').Where(p => !p.StartsWith("Tags.", StringComparison.Ordinal))));
        Assert.Contains("Tags: required", Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("iam", "TagRole", noTags)).Message);

        // A JSON-protocol member casing is not an IAM member.
        var camel = createRole.WithBody(createRole.BodyText.Replace("RoleName=", "roleName=", StringComparison.Ordinal));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.QueryRequestConforms("iam", "CreateRole", camel));
    }

    [Fact]
    public async Task EntityAlreadyExists_becomes_resource_exists_and_is_not_retried()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(409, "EntityAlreadyExists", "Role with name demo-codebuild-role already exists."));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.Iam.CreateRoleAsync(new CreateRoleRequest("demo-codebuild-role", TrustJson)));

        Assert.Equal("EntityAlreadyExists", e.Code);
        Assert.Equal("Role with name demo-codebuild-role already exists.", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_sends_the_plain_policy_json()
    {
        using var server = new WireServer().Reply(Empty("UpdateAssumeRolePolicy"));
        using var session = WireSession.For(server, region: "ap-southeast-2");

        await session.Iam.UpdateAssumeRolePolicyAsync("demo-codebuild-role", TrustJson);

        var request = server.LastRequest;
        ModelAssert.QueryRequestConforms("iam", "UpdateAssumeRolePolicy", request);
        ModelAssert.SignedFor(request, "iam", "us-east-1");
        Assert.Equal("demo-codebuild-role", request.Form["RoleName"]);
        Assert.Equal(TrustJson, request.Form["PolicyDocument"]);
    }

    [Fact]
    public async Task PutRolePolicy_sends_name_and_document()
    {
        using var server = new WireServer().Reply(Empty("PutRolePolicy"));
        using var session = WireSession.For(server, region: "eu-central-1");

        await session.Iam.PutRolePolicyAsync("demo-codebuild-role", "artifacts", PolicyJson);

        var request = server.LastRequest;
        ModelAssert.QueryRequestConforms("iam", "PutRolePolicy", request);
        ModelAssert.SignedFor(request, "iam", "us-east-1");
        Assert.Equal("artifacts", request.Form["PolicyName"]);
        Assert.Equal(PolicyJson, request.Form["PolicyDocument"]);
    }

    [Fact]
    public async Task GetRolePolicy_keeps_the_encoded_document_and_decodes_it()
    {
        using var server = new WireServer().Reply(WireReply.Xml($"""
            <GetRolePolicyResponse xmlns="{Ns}">
            <GetRolePolicyResult>
              <PolicyName>artifacts</PolicyName>
              <RoleName>demo-codebuild-role</RoleName>
              <PolicyDocument>{PolicyEncoded}</PolicyDocument>
            </GetRolePolicyResult>
            <ResponseMetadata><RequestId>7e7cd8bc-99ef-11e1-a4c3-27EXAMPLE804</RequestId></ResponseMetadata>
            </GetRolePolicyResponse>
            """));
        using var session = WireSession.For(server);

        var policy = await session.Iam.GetRolePolicyAsync("demo-codebuild-role", "artifacts");

        Assert.Equal("demo-codebuild-role", policy.RoleName);
        Assert.Equal("artifacts", policy.PolicyName);
        Assert.Equal(PolicyEncoded, policy.PolicyDocument);
        Assert.Equal(PolicyJson, policy.PolicyJson);
        ModelAssert.QueryRequestConforms("iam", "GetRolePolicy", server.LastRequest);
        ModelAssert.SignedFor(server.LastRequest, "iam", "us-east-1");
    }

    [Fact]
    public async Task ListRolePolicies_follows_the_marker_to_the_last_page()
    {
        using var server = new WireServer().Reply(
            WireReply.Xml($"""
                <ListRolePoliciesResponse xmlns="{Ns}">
                <ListRolePoliciesResult>
                  <PolicyNames><member>CloudwatchPutMetricPolicy</member><member>S3AccessPolicy</member></PolicyNames>
                  <IsTruncated>true</IsTruncated>
                  <Marker>AAIaATC1fCMjQ0lPIsBGxSV2</Marker>
                </ListRolePoliciesResult>
                <ResponseMetadata><RequestId>8c7e1816-99f0-11e1-a4c3-27EXAMPLE804</RequestId></ResponseMetadata>
                </ListRolePoliciesResponse>
                """),
            WireReply.Xml($"""
                <ListRolePoliciesResponse xmlns="{Ns}">
                <ListRolePoliciesResult>
                  <PolicyNames><member>artifacts</member></PolicyNames>
                  <IsTruncated>false</IsTruncated>
                </ListRolePoliciesResult>
                <ResponseMetadata><RequestId>8c7e1816-99f0-11e1-a4c3-27EXAMPLE805</RequestId></ResponseMetadata>
                </ListRolePoliciesResponse>
                """));
        using var session = WireSession.For(server, region: "us-west-2");

        var names = await session.Iam.ListRolePoliciesAsync("demo-codebuild-role");

        Assert.Equal(["CloudwatchPutMetricPolicy", "S3AccessPolicy", "artifacts"], names);
        Assert.Equal(2, server.Requests.Count);
        Assert.False(server.Requests[0].Form.ContainsKey("Marker"));
        Assert.Equal("AAIaATC1fCMjQ0lPIsBGxSV2", server.Requests[1].Form["Marker"]);
        foreach (var request in server.Requests)
        {
            ModelAssert.QueryRequestConforms("iam", "ListRolePolicies", request);
            ModelAssert.SignedFor(request, "iam", "us-east-1");
            Assert.Equal("demo-codebuild-role", request.Form["RoleName"]);
        }
    }

    [Fact]
    public async Task ListRolePolicies_of_a_role_without_policies_is_empty()
    {
        using var server = new WireServer().Reply(WireReply.Xml($"""
            <ListRolePoliciesResponse xmlns="{Ns}"><ListRolePoliciesResult><PolicyNames/><IsTruncated>false</IsTruncated></ListRolePoliciesResult>
            <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListRolePoliciesResponse>
            """));
        using var session = WireSession.For(server);

        Assert.Empty(await session.Iam.ListRolePoliciesAsync("demo-codebuild-role"));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task DeleteRolePolicy_and_DeleteRole_conform()
    {
        using var server = new WireServer().Reply(Empty("DeleteRolePolicy"), Empty("DeleteRole"));
        using var session = WireSession.For(server, region: "eu-west-2");

        await session.Iam.DeleteRolePolicyAsync("demo-codebuild-role", "artifacts");
        await session.Iam.DeleteRoleAsync("demo-codebuild-role");

        ModelAssert.QueryRequestConforms("iam", "DeleteRolePolicy", server.Requests[0]);
        ModelAssert.QueryRequestConforms("iam", "DeleteRole", server.Requests[1]);
        Assert.Equal("artifacts", server.Requests[0].Form["PolicyName"]);
        Assert.Equal("demo-codebuild-role", server.Requests[1].Form["RoleName"]);
        Assert.All(server.Requests, r => ModelAssert.SignedFor(r, "iam", "us-east-1"));
    }

    [Fact]
    public async Task DeleteConflict_becomes_a_delete_conflict_and_is_not_retried()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(409, "DeleteConflict", "Cannot delete entity, must delete policies first."));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsDeleteConflictException>(() => session.Iam.DeleteRoleAsync("demo-codebuild-role"));

        Assert.Equal("DeleteConflict", e.Code);
        Assert.Equal(WireReply.RequestId, e.RequestId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TagRole_sends_tags_as_a_member_list()
    {
        using var server = new WireServer().Reply(Empty("TagRole"));
        using var session = WireSession.For(server, region: "sa-east-1");

        await session.Iam.TagRoleAsync("demo-codebuild-role", new Dictionary<string, string> { ["Dept"] = "Accounting", ["CostCenter"] = "12345" });

        var request = server.LastRequest;
        ModelAssert.QueryRequestConforms("iam", "TagRole", request);
        ModelAssert.SignedFor(request, "iam", "us-east-1");
        Assert.Equal("Dept", request.Form["Tags.member.1.Key"]);
        Assert.Equal("Accounting", request.Form["Tags.member.1.Value"]);
        Assert.Equal("CostCenter", request.Form["Tags.member.2.Key"]);
        Assert.Equal("12345", request.Form["Tags.member.2.Value"]);
    }

    [Fact]
    public async Task ListRoleTags_follows_the_marker_to_the_last_page()
    {
        using var server = new WireServer().Reply(
            WireReply.Xml($"""
                <ListRoleTagsResponse xmlns="{Ns}">
                  <ListRoleTagsResult>
                    <IsTruncated>true</IsTruncated>
                    <Marker>tags-page-2</Marker>
                    <Tags><member><Key>Dept</Key><Value>Accounting</Value></member></Tags>
                  </ListRoleTagsResult>
                  <ResponseMetadata><RequestId>EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLE</RequestId></ResponseMetadata>
                </ListRoleTagsResponse>
                """),
            WireReply.Xml($"""
                <ListRoleTagsResponse xmlns="{Ns}">
                  <ListRoleTagsResult>
                    <IsTruncated>false</IsTruncated>
                    <Tags><member><Key>CostCenter</Key><Value>12345</Value></member></Tags>
                  </ListRoleTagsResult>
                  <ResponseMetadata><RequestId>EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLF</RequestId></ResponseMetadata>
                </ListRoleTagsResponse>
                """));
        using var session = WireSession.For(server);

        var tags = await session.Iam.ListRoleTagsAsync("demo-codebuild-role");

        Assert.Equal(new Dictionary<string, string> { ["Dept"] = "Accounting", ["CostCenter"] = "12345" }, tags);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("tags-page-2", server.Requests[1].Form["Marker"]);
        Assert.All(server.Requests, r => ModelAssert.QueryRequestConforms("iam", "ListRoleTags", r));
        Assert.All(server.Requests, r => ModelAssert.SignedFor(r, "iam", "us-east-1"));
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_sends_actions_and_resources_as_member_lists_and_reads_every_page()
    {
        using var server = new WireServer().Reply(
            WireReply.Xml($"""
                <SimulatePrincipalPolicyResponse xmlns="{Ns}">
                <SimulatePrincipalPolicyResult>
                  <IsTruncated>true</IsTruncated>
                  <Marker>page-2</Marker>
                  <EvaluationResults>
                    <member>
                      <EvalActionName>codepipeline:CreatePipeline</EvalActionName>
                      <EvalResourceName>arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline</EvalResourceName>
                      <EvalDecision>explicitDeny</EvalDecision>
                      <ResourceSpecificResults>
                        <member>
                          <EvalResourceName>arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline</EvalResourceName>
                          <EvalResourceDecision>explicitDeny</EvalResourceDecision>
                        </member>
                      </ResourceSpecificResults>
                      <MatchedStatements><member><SourcePolicyId>deny</SourcePolicyId></member></MatchedStatements>
                    </member>
                  </EvaluationResults>
                </SimulatePrincipalPolicyResult>
                <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
                </SimulatePrincipalPolicyResponse>
                """),
            WireReply.Xml($"""
                <SimulatePrincipalPolicyResponse xmlns="{Ns}">
                <SimulatePrincipalPolicyResult>
                  <IsTruncated>false</IsTruncated>
                  <EvaluationResults>
                    <member>
                      <EvalActionName>codebuild:CreateProject</EvalActionName>
                      <EvalResourceName>*</EvalResourceName>
                      <EvalDecision>allowed</EvalDecision>
                    </member>
                  </EvaluationResults>
                </SimulatePrincipalPolicyResult>
                <ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>
                </SimulatePrincipalPolicyResponse>
                """));
        using var session = WireSession.For(server, region: "eu-west-1");

        var decisions = await session.Iam.SimulatePrincipalPolicyAsync(
            "arn:aws:iam::123456789012:user/dev",
            ["codepipeline:CreatePipeline", "codebuild:CreateProject"],
            ["arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline", "arn:aws:codebuild:us-east-1:123456789012:project/demo-build"]);

        Assert.Equal(
            [
                new IamSimulatedDecision("codepipeline:CreatePipeline", "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline", "explicitDeny"),
                new IamSimulatedDecision("codebuild:CreateProject", "*", "allowed"),
            ],
            decisions);
        Assert.False(decisions[0].Allowed);
        Assert.True(decisions[1].Allowed);
        Assert.Equal(2, server.Requests.Count);
        Assert.False(server.Requests[0].Form.ContainsKey("Marker"));
        Assert.Equal("page-2", server.Requests[1].Form["Marker"]);
        foreach (var request in server.Requests)
        {
            ModelAssert.QueryRequestConforms("iam", "SimulatePrincipalPolicy", request);
            ModelAssert.SignedFor(request, "iam", "us-east-1");
            Assert.Equal("arn:aws:iam::123456789012:user/dev", request.Form["PolicySourceArn"]);
            Assert.Equal("codepipeline:CreatePipeline", request.Form["ActionNames.member.1"]);
            Assert.Equal("codebuild:CreateProject", request.Form["ActionNames.member.2"]);
            Assert.Equal("arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline", request.Form["ResourceArns.member.1"]);
            Assert.Equal("arn:aws:codebuild:us-east-1:123456789012:project/demo-build", request.Form["ResourceArns.member.2"]);
            Assert.Equal("1000", request.Form["MaxItems"]);
        }
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_AccessDenied_is_an_access_denied_failure()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:SimulatePrincipalPolicy"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsAccessDeniedException>(() => session.Iam.SimulatePrincipalPolicyAsync("arn:aws:iam::123456789012:user/dev", ["s3:CreateBucket"], ["arn:aws:s3:::b"]));

        Assert.Equal("AccessDenied", e.Code);
        Assert.Single(server.Requests);
    }
}
