using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// What a container stack needs before pipectl runs, made in moto with boto3 (pipectl never writes to ECS): a
/// cluster, a task definition with a task role and an execution role, and a service running it; and an image
/// pushed to a repository, as a build would.
/// </summary>
internal static class EcsFixture
{
    public const string Account = "123456789012";

    public static string TaskRole(string prefix) => $"arn:aws:iam::{Account}:role/{prefix}-task";

    public static string ExecutionRole(string prefix) => $"arn:aws:iam::{Account}:role/{prefix}-exec";

    /// <summary>Cluster <paramref name="cluster"/> with service <paramref name="service"/> whose task definition has container <paramref name="container"/>.</summary>
    public static Task CreateServiceAsync(MotoServer moto, string cluster, string service, string container) =>
        CreateServiceAsync(moto, cluster, service, container, service, TaskRole(service), ExecutionRole(service));

    /// <summary>As <see cref="CreateServiceAsync(MotoServer, string, string, string)"/>, with the task definition's family and roles as given (hostile ones too).</summary>
    public static Task CreateServiceAsync(MotoServer moto, string cluster, string service, string container, string family, string taskRole, string executionRole) => BotoAsync(moto, $$"""
        ecs = client("ecs")
        ecs.create_cluster(clusterName="{{cluster}}")
        td = ecs.register_task_definition(family="{{family}}", taskRoleArn="{{taskRole}}", executionRoleArn="{{executionRole}}",
            containerDefinitions=[{"name": "{{container}}", "image": "nginx", "memory": 128}])
        ecs.create_service(cluster="{{cluster}}", serviceName="{{service}}", taskDefinition=td["taskDefinition"]["taskDefinitionArn"], desiredCount=1)
        """);

    /// <summary>The service moved, outside pipectl, to a new task definition revision whose task role is <paramref name="taskRole"/>.</summary>
    public static Task MoveToTaskRoleAsync(MotoServer moto, string cluster, string service, string container, string taskRole) => BotoAsync(moto, $$"""
        ecs = client("ecs")
        td = ecs.register_task_definition(family="{{service}}", taskRoleArn="{{taskRole}}", executionRoleArn="{{ExecutionRole(service)}}",
            containerDefinitions=[{"name": "{{container}}", "image": "nginx", "memory": 128}])
        ecs.update_service(cluster="{{cluster}}", service="{{service}}", taskDefinition=td["taskDefinition"]["taskDefinitionArn"])
        """);

    /// <summary>One image in <paramref name="repository"/>, tagged <paramref name="tag"/>.</summary>
    public static Task PushImageAsync(MotoServer moto, string repository, string tag) => BotoAsync(moto, $$"""
        import json
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"digest": "sha256:" + "a" * 64, "size": 1, "mediaType": "application/vnd.docker.container.image.v1+json"}, "layers": []}
        client("ecr").put_image(repositoryName="{{repository}}", imageManifest=json.dumps(manifest), imageTag="{{tag}}")
        """);

    /// <summary>A repository made by someone else: no pipectl tags.</summary>
    public static Task CreateRepositoryAsync(MotoServer moto, string repository) => BotoAsync(moto, $$"""
        client("ecr").create_repository(repositoryName="{{repository}}")
        """);

    private static Task BotoAsync(MotoServer moto, string body) => Boto.RunAsync(moto, body);
}
