namespace Pipectl.IntegrationTests.Cli;

/// <summary>Bad input: exit code 2, one line naming the value and the rule, and not one request sent.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["bootstrap", "--name", "My_Stack"], "My_Stack" },
        { ["create-buckets", "--name", "a-stack-name-that-is-far-too-long-for-bucket-names"], "a-stack-name-that-is-far-too-long-for-bucket-names" },
        { ["create-repo", "--name", "demo", "--region", "moon-base-1a"], "moon-base-1a" },
        { ["create-build", "--name", "demo", "--image", ""], "--image" },
        { ["create-build", "--name", "demo", "--compute-type", "BUILD_GENERAL1_HUGE"], "BUILD_GENERAL1_HUGE" },
        { ["create-build", "--name", "demo", "--buildspec", "/no/such/buildspec.yml"], "/no/such/buildspec.yml" },
        { ["create-repo", "--name", "demo", "--seed", "/no/such/folder"], "/no/such/folder" },
        { ["create-pipeline", "--name", "demo", "--approval-email", "not-an-address"], "not-an-address" },
        { ["create-pipeline", "--name", "demo", "--pipeline-type", "V3"], "V3" },
        { ["create-build", "--name", "demo", "--source-type", "GITHUB"], "GITHUB" },
        { ["wire-trigger", "--name", "demo", "--branch", "bad..branch"], "bad..branch" },
        { ["create-buckets", "--name", "demo", "--site-bucket", "Bad_Bucket"], "Bad_Bucket" },
        { ["create-build", "--name", "demo", "--build-role-name", new string('r', 65)], "--build-role-name" },
        { ["bootstrap"], "--name" },
        { ["create-buckets", "--name", "demo", "--site", "cdn"], "cdn" },
        { ["teardown", "--name", "demo", "--site", "cdn", "--yes"], "cdn" },
        { ["bootstrap", "--name", "demo", "--site", "cloudfront", "--pipeline-name", new string('p', 50)], "invalidation role" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-service", "web"], "--ecs-cluster" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod"], "--ecs-service" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web app"], "web app" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--ecr-repository", "Shop/Web"], "Shop/Web" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--container-name", "web.app"], "web.app" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--ecr-keep-images", "0"], "--ecr-keep-images" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--ecr-keep-images", "99999999999"], "\"99999999999\": expected a whole number of images from 1 to 10000" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--ecr-keep-images", "1e3"], "\"1e3\": expected a whole number" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--site", "cloudfront"], "no website" },
        { ["bootstrap", "--name", "demo", "--deploy", "kubernetes"], "kubernetes" },
        { ["create-pipeline", "--name", "demo", "--ecs-cluster", "prod"], "--deploy ecs" },
        { ["teardown", "--name", "demo", "--deploy", "ecs", "--yes"], "--ecs-cluster" },
        { ["bootstrap", "--name", "demo", "--test-buildspec", "/no/such/tests.yml"], "--test-buildspec" },
        { ["bootstrap", "--name", "demo", "--test-input", "source"], "--test-input" },
        { ["bootstrap", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--compute-type", "BUILD_LAMBDA_2GB", "--image", "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20"], "BUILD_LAMBDA_2GB" },
        { ["plan", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web", "--compute-type", "BUILD_LAMBDA_1GB", "--image", "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20"], "privileged mode" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_exits_2_with_one_line_and_sends_nothing(string[] args, string named)
    {
        using var trap = new RequestTrap();
        var run = await CliRun.RunAsync([.. args, "--endpoint-url", trap.Endpoint, .. args.Contains("--region") ? Array.Empty<string>() : ["--region", "us-east-1"]]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Bad_input_with_json_output_prints_one_document_with_the_error()
    {
        using var trap = new RequestTrap();
        var run = await CliRun.RunAsync("create-buckets", "--name", "My_Stack", "--region", "us-east-1", "--endpoint-url", trap.Endpoint, "--output", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("BadInput", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("My_Stack", run.Json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0, trap.Connections);
    }
}
