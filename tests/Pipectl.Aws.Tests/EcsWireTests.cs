using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests;

/// <summary>
/// ECS on the wire: JSON 1.1 (target AmazonEC2ContainerServiceV20141113), signed "ecs", every body valid against
/// botocore's ecs 2014-11-13 model. pipectl only reads ECS: the cluster, the service, its task definition. And the
/// pipeline's Amazon ECS deploy action against the codepipeline model.
/// </summary>
public sealed class EcsWireTests
{
    private const string TaskDefinition = "arn:aws:ecs:eu-west-2:123456789012:task-definition/web:7";
    private const string ServiceArn = "arn:aws:ecs:eu-west-2:123456789012:service/prod/web";
    private static readonly EcsServiceSpec Spec = new("prod", "web", "app");

    private static RecordedRequest Conforms(string operation, RecordedRequest request)
    {
        ModelAssert.JsonRequestConforms("ecs", operation, request);
        ModelAssert.SignedFor(request, "ecs", "eu-west-2");
        return request;
    }

    private static WireReply Answer(RecordedRequest request, string clusterStatus = "ACTIVE", string? services = null) => request.Target!.Split('.')[1] switch
    {
        "DescribeClusters" => WireReply.Json($$"""{"clusters":[{"clusterArn":"arn:aws:ecs:eu-west-2:123456789012:cluster/prod","clusterName":"prod","status":"{{clusterStatus}}"}],"failures":[]}"""),
        "DescribeServices" => WireReply.Json(services ?? $$"""{"services":[{"serviceArn":"{{ServiceArn}}","serviceName":"web","status":"ACTIVE","taskDefinition":"{{TaskDefinition}}","desiredCount":2}],"failures":[]}"""),
        _ => WireReply.Json($$"""{"taskDefinition":{"taskDefinitionArn":"{{TaskDefinition}}","family":"web","taskRoleArn":"arn:aws:iam::123456789012:role/web-task","executionRoleArn":"arn:aws:iam::123456789012:role/ecsTaskExecutionRole","containerDefinitions":[{"name":"app","image":"x"},{"name":"sidecar","image":"y"}]} }"""),
    };

    [Fact]
    public async Task The_service_is_read_once_per_run_with_its_cluster_and_task_definition()
    {
        using var server = new WireServer { Responder = r => Answer(r) };
        using var session = WireSession.For(server);
        var driver = new EcsServiceDriver(session.Ecs);

        var state = await driver.ReadAsync(Spec, CancellationToken.None);
        var again = await driver.ReadAsync(Spec, CancellationToken.None);

        Assert.Same(state, again);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal("""{"clusters":["prod"]}""", Conforms("DescribeClusters", server.Requests.Single(r => r.Target!.EndsWith("DescribeClusters", StringComparison.Ordinal))).BodyText);
        Assert.Equal("""{"cluster":"prod","services":["web"]}""", Conforms("DescribeServices", server.Requests.Single(r => r.Target!.EndsWith("DescribeServices", StringComparison.Ordinal))).BodyText);
        Assert.Equal($$"""{"taskDefinition":"{{TaskDefinition}}"}""", Conforms("DescribeTaskDefinition", server.Requests[2]).BodyText);
        Assert.Equal((ServiceArn, "web"), (state!.ServiceArn, state.TaskDefinitionFamily));
        Assert.Equal(["arn:aws:iam::123456789012:role/web-task", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"], state.TaskRoles);
        Assert.Equal(["app", "sidecar"], state.ContainerNames);
        Assert.Null(Spec.Problem(state));
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task A_missing_cluster_a_draining_service_and_a_missing_container_are_each_named()
    {
        using var noCluster = new WireServer
        {
            Responder = r => r.Target!.EndsWith("DescribeServices", StringComparison.Ordinal)
            ? WireReply.JsonError(400, "ClusterNotFoundException", "Cluster not found.")
            : WireReply.Json("""{"clusters":[],"failures":[{"arn":"arn:aws:ecs:eu-west-2:123456789012:cluster/prod","reason":"MISSING"}]}""")
        };
        using var draining = new WireServer { Responder = r => Answer(r, services: """{"services":[{"serviceName":"web","status":"DRAINING"}],"failures":[]}""") };
        using var present = new WireServer { Responder = r => Answer(r) };
        using var a = WireSession.For(noCluster);
        using var b = WireSession.For(draining);
        using var c = WireSession.For(present);

        var missingCluster = await new EcsServiceDriver(a.Ecs).ReadAsync(Spec, CancellationToken.None);
        var drainingService = await new EcsServiceDriver(b.Ecs).ReadAsync(Spec, CancellationToken.None);
        var other = await new EcsServiceDriver(c.Ecs).ReadAsync(Spec with { ContainerName = "api" }, CancellationToken.None);

        Assert.StartsWith("ECS cluster prod does not exist or is not ACTIVE", Spec.Problem(missingCluster), StringComparison.Ordinal);
        Assert.StartsWith("ECS service web does not exist or is not ACTIVE in cluster prod", Spec.Problem(drainingService), StringComparison.Ordinal);
        Assert.Contains("has no container named api (it has app, sidecar)", (Spec with { ContainerName = "api" }).Problem(other), StringComparison.Ordinal);
        Assert.DoesNotContain(draining.Requests, r => r.Target!.EndsWith("DescribeTaskDefinition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teardown_sends_nothing_to_ECS()
    {
        using var server = new WireServer { Responder = r => Answer(r) };
        using var session = WireSession.For(server);

        var state = await new EcsServiceDriver(session.Ecs).ReadToDeleteAsync(Spec, CancellationToken.None);

        Assert.NotNull(state);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task CreatePipeline_with_the_Amazon_ECS_deploy_action_conforms_to_the_model()
    {
        using var server = new WireServer().Reply(WireReply.Json("{}"));
        using var session = WireSession.For(server);
        var spec = StackSpec.FromStackName("demo", "eu-west-2", "123456789012") with { Deploy = DeployTargets.Ecs, Ecs = new EcsDeployment { Cluster = "prod", Service = "web" } };

        await session.CodePipeline.CreatePipelineAsync(new Pipectl.Aws.CodePipeline.CreatePipelineRequest(PipelineDeclarationMapper.ToAws(PipelineDeclarationFactory.Create(spec))));

        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codepipeline", "CreatePipeline", request);
        using var body = System.Text.Json.JsonDocument.Parse(request.Body);
        var deploy = body.RootElement.GetProperty("pipeline").GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Deploy").GetProperty("actions")[0];
        Assert.Equal("ECS", deploy.GetProperty("actionTypeId").GetProperty("provider").GetString());
        Assert.Equal("Deploy", deploy.GetProperty("actionTypeId").GetProperty("category").GetString());
        var configuration = deploy.GetProperty("configuration");
        Assert.Equal(("prod", "web", "imagedefinitions.json"), (configuration.GetProperty("ClusterName").GetString(), configuration.GetProperty("ServiceName").GetString(), configuration.GetProperty("FileName").GetString()));
        Assert.Equal("arn:aws:iam::123456789012:role/demo-deploy-role", deploy.GetProperty("roleArn").GetString());
        Assert.Equal(["BuildOutput"], deploy.GetProperty("inputArtifacts").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Without_an_endpoint_override_ECR_calls_go_to_api_ecr_and_ECS_calls_to_ecs_in_the_region()
    {
        var seen = new List<Uri>();
        Pipectl.Aws.Runtime.PipectlClientConfig<TFacts> Config<TFacts>() where TFacts : Pipectl.Aws.Runtime.IAwsServiceFacts =>
            new() { RegionEndpoint = Amazon.RegionEndpoint.EUWest2, HttpClientFactory = new AnsweringHttpClientFactory(seen, "{}") };
        var credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDWIRETEST", "secret");
        using var ecr = new Pipectl.Aws.Ecr.EcrClient(credentials, Config<Pipectl.Aws.Runtime.EcrFacts>());
        using var ecs = new Pipectl.Aws.Ecs.EcsClient(credentials, Config<Pipectl.Aws.Runtime.EcsFacts>());

        await ecr.DescribeRepositoryAsync("demo");
        await ecs.DescribeClustersAsync("prod");

        Assert.Equal(["https://api.ecr.eu-west-2.amazonaws.com/", "https://ecs.eu-west-2.amazonaws.com/"], seen.Select(u => u.ToString()));
    }
}
