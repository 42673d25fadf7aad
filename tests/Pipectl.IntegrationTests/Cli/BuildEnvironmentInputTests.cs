namespace Pipectl.IntegrationTests.Cli;

/// <summary>A build environment CodeBuild would refuse: exit 2, one line naming the value, nothing sent.</summary>
public sealed class BuildEnvironmentInputTests
{
    private const string LambdaImage = "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20";

    public static TheoryData<string[], string> Cases => new()
    {
        { ["create-build", "--name", "demo", "--compute-type", "BUILD_LAMBDA_1GB"], "aws/codebuild/standard:7.0" },
        { ["bootstrap", "--name", "demo", "--image", LambdaImage], "BUILD_GENERAL1_SMALL" },
        { ["create-build", "--name", "demo", "--compute-type", "BUILD_LAMBDA_2GB", "--image", LambdaImage, "--privileged"], "--privileged" },
        { ["create-build", "--name", "demo", "--compute-type", "ATTRIBUTE_BASED_COMPUTE"], "ATTRIBUTE_BASED_COMPUTE" },
        { ["create-build", "--name", "demo", "--image", "aws/codebuild/windows-base:2019-3.0"], "windows-base" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_pair_codebuild_refuses_exits_2_with_one_line_and_sends_nothing(string[] args, string named)
    {
        using var trap = new RequestTrap();
        var run = await CliRun.RunAsync([.. args, "--endpoint-url", trap.Endpoint, "--region", "us-east-1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task A_stack_file_with_Lambda_compute_and_privileged_mode_fails_validate()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-buildenv-").FullName;
        try
        {
            var file = Path.Combine(folder, "pipectl.yaml");
            await File.WriteAllTextAsync(file, $"name: demo\nregion: us-east-1\nbuild:\n  image: {LambdaImage}\n  computeType: BUILD_LAMBDA_1GB\n  privileged: true\n");
            using var trap = new RequestTrap();

            var run = await CliRun.RunAsync("bootstrap", "-f", file, "--endpoint-url", trap.Endpoint);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--privileged", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, trap.Connections);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
