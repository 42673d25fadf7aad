namespace Pipectl.IntegrationTests.Cli;

/// <summary>A container stack's bad input: exit 2, one line per broken rule naming the value, and not one request sent; export refuses it.</summary>
public sealed class EcsDeployInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-service", "web"], "--ecs-cluster" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod"], "--ecs-service" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web app"], "web app" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--ecr-repository", "Shop/Web"], "Shop/Web" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--container-name", "web.app"], "web.app" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--ecr-keep-images", "0"], "--ecr-keep-images" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--site", "cloudfront"], "no website" },
        { ["bootstrap", "--name", "demo", "--deploy", "kubernetes"], "kubernetes" },
        { ["create-pipeline", "--name", "demo", "--ecs-cluster", "prod"], "--deploy ecs" },
        { ["teardown", "--name", "demo", "--deploy", "ecs", "--yes"], "--ecs-cluster" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_exits_2_and_sends_nothing(string[] args, string named)
    {
        using var trap = new RequestTrap();

        var run = await CliRun.RunAsync([.. args, "--endpoint-url", trap.Endpoint, "--region", "us-east-1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Export_refuses_a_container_deploy_in_one_line()
    {
        var run = await CliRun.RunAsync("export", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("--deploy ecs cannot be exported yet", run.Stderr, StringComparison.Ordinal);
    }
}
