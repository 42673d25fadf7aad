using Pipectl.Aws.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;

namespace Pipectl.Aws.Tests.Operations;

public sealed class CallerPermissionsTests
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";
    private const string Pipeline = "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline";
    private const string Project = "arn:aws:codebuild:us-east-1:123456789012:project/demo-build";

    private static readonly IReadOnlyList<PlannedWrite> Writes =
    [
        new("codepipeline:CreatePipeline", Pipeline),
        new("codebuild:CreateProject", Project),
    ];

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/team/dev", "arn:aws:iam::123456789012:user/team/dev", null)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/deployer/ci-session", "arn:aws:iam::123456789012:role/deployer", "deployer")]
    [InlineData("arn:aws-cn:sts::123456789012:assumed-role/deployer/x", "arn:aws-cn:iam::123456789012:role/deployer", "deployer")]
    [InlineData("arn:aws:iam::123456789012:root", null, null)]
    [InlineData("arn:aws:sts::123456789012:federated-user/bob", null, null)]
    [InlineData("arn:aws:sts::123456789012:user/moto", null, null)]
    public void The_simulated_principal_is_the_user_or_the_sessions_role_and_never_a_guess(string caller, string? principal, string? role)
    {
        var (simulated, roleName, notChecked) = CallerPermissions.PrincipalOf(caller);

        Assert.Equal(principal, simulated);
        Assert.Equal(role, roleName);
        Assert.Equal(principal is null, notChecked is not null);
    }

    [Fact]
    public async Task Only_pairs_the_simulation_allows_pass_and_the_cross_product_goes_in_one_request()
    {
        using var server = new WireServer().Reply(WireReply.Xml(Reply(
            ("codepipeline:CreatePipeline", Pipeline, "explicitDeny"),
            ("codepipeline:CreatePipeline", Project, "allowed"),
            ("codebuild:CreateProject", Pipeline, "implicitDeny"),
            ("codebuild:CreateProject", Project, "allowed"))));
        using var session = WireSession.For(server);

        var result = await new CallerPermissions(session.Iam).CheckAsync("arn:aws:iam::123456789012:user/dev", Writes, CancellationToken.None);

        Assert.Equal([new PlannedWrite("codepipeline:CreatePipeline", Pipeline)], result.Denied);
        Assert.NotNull(result.Failure);
        Assert.Contains($"codepipeline:CreatePipeline on {Pipeline}", result.Failure.Message, StringComparison.Ordinal);
        Assert.Null(result.NotChecked);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_caller_who_may_not_simulate_is_told_so_and_not_refused()
    {
        using var server = new WireServer().Reply(WireReply.XmlError(403, "AccessDenied", "not authorized to perform: iam:SimulatePrincipalPolicy"));
        using var session = WireSession.For(server);

        var result = await new CallerPermissions(session.Iam).CheckAsync("arn:aws:iam::123456789012:user/dev", Writes, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Contains("may not call iam:SimulatePrincipalPolicy", result.NotChecked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_of_a_role_with_a_path_is_simulated_on_the_ARN_GetRole_gives()
    {
        using var server = new WireServer().Reply(
            WireReply.XmlError(404, "NoSuchEntity", "The role with name deployer cannot be found."),
            WireReply.Xml($"""<GetRoleResponse xmlns="{Ns}"><GetRoleResult><Role><Path>/ci/</Path><RoleName>deployer</RoleName><Arn>arn:aws:iam::123456789012:role/ci/deployer</Arn></Role></GetRoleResult></GetRoleResponse>"""),
            WireReply.Xml(Reply(("codepipeline:CreatePipeline", Pipeline, "allowed"), ("codebuild:CreateProject", Project, "allowed"))));
        using var session = WireSession.For(server);

        var result = await new CallerPermissions(session.Iam).CheckAsync("arn:aws:sts::123456789012:assumed-role/deployer/s1", Writes, CancellationToken.None);

        Assert.Equal("arn:aws:iam::123456789012:role/ci/deployer", result.Principal);
        Assert.Empty(result.Denied);
        Assert.Null(result.Failure);
        Assert.Equal("arn:aws:iam::123456789012:role/deployer", server.Requests[0].Form["PolicySourceArn"]);
        Assert.Equal("deployer", server.Requests[1].Form["RoleName"]);
        Assert.Equal("arn:aws:iam::123456789012:role/ci/deployer", server.Requests[2].Form["PolicySourceArn"]);
    }

    [Fact]
    public async Task The_root_user_is_not_simulated_and_nothing_is_sent()
    {
        using var server = new WireServer();
        using var session = WireSession.For(server);

        var result = await new CallerPermissions(session.Iam).CheckAsync("arn:aws:iam::123456789012:root", Writes, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Contains("root user", result.NotChecked, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static string Reply(params (string Action, string Resource, string Decision)[] results) => $"""
        <SimulatePrincipalPolicyResponse xmlns="{Ns}"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>
        {string.Concat(results.Select(r => $"<member><EvalActionName>{r.Action}</EvalActionName><EvalResourceName>{r.Resource}</EvalResourceName><EvalDecision>{r.Decision}</EvalDecision><ResourceSpecificResults><member><EvalResourceName>{r.Resource}</EvalResourceName><EvalResourceDecision>{r.Decision}</EvalResourceDecision></member></ResourceSpecificResults></member>"))}
        </EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>
        """;
}
