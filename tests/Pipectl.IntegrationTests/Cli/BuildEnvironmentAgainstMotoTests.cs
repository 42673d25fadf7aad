using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>The project's environment type follows --compute-type and --image; --privileged reaches it.</summary>
[Collection(MotoCollection.Name)]
public sealed class BuildEnvironmentAgainstMotoTests(MotoServer moto)
{
    [Theory]
    [InlineData("BUILD_GENERAL1_LARGE", "aws/codebuild/amazonlinux-aarch64-standard:3.0", true, "ARM_CONTAINER")]
    [InlineData("BUILD_LAMBDA_1GB", "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20", false, "LINUX_LAMBDA_CONTAINER")]
    public async Task Create_build_makes_the_environment_codebuild_needs(string computeType, string image, bool privileged, string environmentType)
    {
        var stack = "be" + Guid.NewGuid().ToString("N")[..8];
        string[] args = ["create-build", "--name", stack, "--compute-type", computeType, "--image", image, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", .. privileged ? new[] { "--privileged" } : []];

        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var session = TestSessions.For(moto);
        var project = Assert.Single((await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-build"])).Projects!);
        Assert.Equal((environmentType, computeType, privileged), (project.Environment!.Type, project.Environment.ComputeType, project.Environment.PrivilegedMode ?? false));
        Assert.Equal(0, (await CliRun.RunAsync("teardown", "--name", stack, "--yes", "--endpoint-url", moto.Endpoint, "--region", "us-east-1")).ExitCode);
    }
}
