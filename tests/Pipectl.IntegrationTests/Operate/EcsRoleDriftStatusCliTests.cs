using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>pipectl status -f</c> of a <c>--deploy ecs</c> stack shows the task definition's roles the deploy role may not
/// pass (moved outside pipectl), which makes the next deploy fail on iam:PassRole, and that a bootstrap fixes it.
/// </summary>
public sealed class EcsRoleDriftStatusCliTests
{
    private const string TaskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:8";
    private const string OldTaskRole = "arn:aws:iam::123456789012:role/web-task";
    private const string NewTaskRole = "arn:aws:iam::123456789012:role/web-task-v2";
    private const string ExecutionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    private static WireServer Serve(string taskRole) =>
        Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress"))
            .On("DescribeClusters", """{"clusters":[{"clusterArn":"arn:aws:ecs:us-east-1:123456789012:cluster/prod","clusterName":"prod","status":"ACTIVE"}],"failures":[]}""")
            .On("DescribeServices", $$"""{"services":[{"serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/prod/web","serviceName":"web","status":"ACTIVE","taskDefinition":"{{TaskDefinition}}","desiredCount":1}],"failures":[]}""")
            .On("DescribeTaskDefinition", $$"""{"taskDefinition":{"taskDefinitionArn":"{{TaskDefinition}}","family":"web","taskRoleArn":"{{taskRole}}","executionRoleArn":"{{ExecutionRole}}","containerDefinitions":[{"name":"app","image":"x"}]} }""")
            .On("(none)", WireReply.Xml($"""
                <GetRolePolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                <GetRolePolicyResult><PolicyName>pipectl-least-privilege</PolicyName><RoleName>shop-deploy-role</RoleName>
                <PolicyDocument>{Uri.EscapeDataString(DeployPolicy)}</PolicyDocument></GetRolePolicyResult>
                <ResponseMetadata><RequestId>{WireReply.RequestId}</RequestId></ResponseMetadata></GetRolePolicyResponse>
                """))
            .Serve();

    private static string DeployPolicy =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"PassTaskRolesToEcsTasks","Effect":"Allow","Action":["iam:PassRole"],"Resource":["{{OldTaskRole}}","{{ExecutionRole}}"],"Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"} } }]}""";

    private static string StackFile()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-drift-").FullName;
        var path = Path.Combine(folder, "pipectl.yaml");
        File.WriteAllText(path, "name: shop\n\ndeploy:\n  target: ecs\n  cluster: prod\n  service: web\n  containerName: app\n");
        return path;
    }

    [Fact]
    public async Task A_task_role_the_deploy_role_may_not_pass_is_shown_with_the_bootstrap_that_fixes_it()
    {
        using var server = Serve(NewTaskRole);

        var file = StackFile();
        var text = await RunAsync(server, "status", "-f", file);
        var json = await RunAsync(server, "status", "-f", file, "--output", "json");

        Assert.True(text.ExitCode == 0, text.Stderr);
        var line = Assert.Single(text.Stdout.Split('\n'), l => l.Contains("iam:PassRole", StringComparison.Ordinal));
        Assert.Contains(NewTaskRole, line, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecutionRole, line, StringComparison.Ordinal);
        Assert.Contains($"`pipectl bootstrap -f {file} --region us-east-1` updates the deploy role", line, StringComparison.Ordinal);
        var drift = json.Json.GetProperty("deployRoleDrift");
        Assert.Equal([NewTaskRole], drift.GetProperty("rolesNotPassable").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal($"pipectl bootstrap -f {file} --region us-east-1", drift.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task A_deploy_role_that_passes_the_current_roles_adds_nothing()
    {
        using var server = Serve(OldTaskRole);

        var run = await RunAsync(server, "status", "-f", StackFile(), "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.False(run.Json.TryGetProperty("deployRoleDrift", out _));
    }
}
