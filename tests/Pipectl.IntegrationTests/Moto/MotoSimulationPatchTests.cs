using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// moto_launcher.py answers SimulatePrincipalPolicy, which moto lacks, from the principal's own identity policies as
/// the IAM User Guide's "Policy evaluation logic" describes: an explicit Deny wins, then an Allow, else implicitDeny.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoSimulationPatchTests(MotoServer moto)
{
    private const string Pipeline = "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline";
    private const string Bucket = "arn:aws:s3:::demo-artifacts";

    private const string AllButCreatePipeline = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"*","Resource":"*"},
          {"Effect":"Deny","Action":"codepipeline:createpipeline","Resource":"arn:aws:codepipeline:*:*:demo-*"}]}
        """;

    [Fact]
    public async Task An_explicit_Deny_wins_over_an_Allow_matched_case_insensitively_and_only_on_its_resources()
    {
        using var principals = new MotoIamPrincipals(moto);
        using var session = TestSessions.For(moto);
        var user = await principals.UserAsync(MotoIamPrincipals.Unique("sim-deny"), AllButCreatePipeline);

        var decisions = await session.Iam.SimulatePrincipalPolicyAsync(user, ["codepipeline:CreatePipeline", "s3:CreateBucket"], [Pipeline, Bucket, "arn:aws:codepipeline:us-east-1:123456789012:other"]);

        Assert.Equal("explicitDeny", Decision(decisions, "codepipeline:CreatePipeline", Pipeline));
        Assert.Equal("allowed", Decision(decisions, "codepipeline:CreatePipeline", "arn:aws:codepipeline:us-east-1:123456789012:other"));
        Assert.Equal("allowed", Decision(decisions, "s3:CreateBucket", Bucket));
        Assert.Equal(6, decisions.Count);
    }

    [Fact]
    public async Task A_users_group_managed_policy_counts_and_what_nothing_allows_is_an_implicit_deny()
    {
        using var principals = new MotoIamPrincipals(moto);
        using var session = TestSessions.For(moto);
        var name = MotoIamPrincipals.Unique("sim-group");
        var user = await principals.UserAsync(name);
        var policy = await principals.ManagedPolicyAsync(name, """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["codebuild:Create?roject"],"Resource":"arn:aws:codebuild:us-east-1:123456789012:project/demo-*"},
              {"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::demo-*"}]}
            """);
        await principals.GroupAsync(name, policy, name);
        var project = "arn:aws:codebuild:us-east-1:123456789012:project/demo-build";

        var decisions = await session.Iam.SimulatePrincipalPolicyAsync(user, ["codebuild:CreateProject", "iam:CreateRole", "s3:CreateBucket"], [project, Bucket]);

        Assert.Equal("allowed", Decision(decisions, "codebuild:CreateProject", project));
        Assert.Equal("implicitDeny", Decision(decisions, "codebuild:CreateProject", Bucket));
        Assert.Equal("implicitDeny", Decision(decisions, "iam:CreateRole", project));
        Assert.Equal("allowed", Decision(decisions, "s3:CreateBucket", project));
        Assert.Equal("implicitDeny", Decision(decisions, "s3:CreateBucket", Bucket));
    }

    [Fact]
    public async Task A_role_is_simulated_from_its_inline_and_attached_policies_and_a_condition_is_never_more_lenient_than_AWS()
    {
        using var principals = new MotoIamPrincipals(moto);
        using var session = TestSessions.For(moto);
        var name = MotoIamPrincipals.Unique("sim-role");
        var role = await session.Iam.CreateRoleAsync(new CreateRoleRequest(name, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        await session.Iam.PutRolePolicyAsync(name, "inline", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}},
              {"Effect":"Allow","Action":"events:*","Resource":"*"}]}
            """);
        await principals.AttachToRoleAsync(name, await principals.ManagedPolicyAsync(name, """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"codepipeline:*","Resource":"*"},
              {"Effect":"Deny","Action":"events:PutTargets","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"web"}}}]}
            """));
        var rule = "arn:aws:events:us-east-1:123456789012:rule/demo-trigger";

        var decisions = await session.Iam.SimulatePrincipalPolicyAsync(role.Arn, ["s3:CreateBucket", "codepipeline:CreatePipeline", "events:PutRule", "events:PutTargets"], [Bucket, Pipeline, rule]);

        // No context is passed: an Allow that needs a key allows nothing; a negated operator on the missing key holds, so the Deny applies.
        Assert.Equal("implicitDeny", Decision(decisions, "s3:CreateBucket", Bucket));
        Assert.Equal("allowed", Decision(decisions, "codepipeline:CreatePipeline", Pipeline));
        Assert.Equal("allowed", Decision(decisions, "events:PutRule", rule));
        Assert.Equal("explicitDeny", Decision(decisions, "events:PutTargets", rule));
    }

    [Fact]
    public async Task An_unknown_principal_is_NoSuchEntity()
    {
        using var session = TestSessions.For(moto);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.SimulatePrincipalPolicyAsync("arn:aws:iam::123456789012:user/nobody-here", ["s3:CreateBucket"], [Bucket]));

        Assert.Equal("NoSuchEntity", e.Code);
    }

    [Fact]
    public async Task A_role_with_a_path_is_found_by_its_ARN_with_the_path_only()
    {
        using var session = TestSessions.For(moto);
        var name = MotoIamPrincipals.Unique("sim-path");
        var role = await session.Iam.CreateRoleAsync(new CreateRoleRequest(name, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", Path: "/deployers/"));
        await session.Iam.PutRolePolicyAsync(name, "inline", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");

        var decisions = await session.Iam.SimulatePrincipalPolicyAsync(role.Arn, ["s3:CreateBucket"], [Bucket]);
        var withoutPath = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.SimulatePrincipalPolicyAsync($"arn:aws:iam::123456789012:role/{name}", ["s3:CreateBucket"], [Bucket]));

        Assert.Equal($"arn:aws:iam::123456789012:role/deployers/{name}", role.Arn);
        Assert.Equal("allowed", Decision(decisions, "s3:CreateBucket", Bucket));
        Assert.Equal("NoSuchEntity", withoutPath.Code);
    }

    private static string Decision(IReadOnlyList<IamSimulatedDecision> decisions, string action, string resource) =>
        Assert.Single(decisions, d => d.Action == action && d.Resource == resource).Decision;
}
