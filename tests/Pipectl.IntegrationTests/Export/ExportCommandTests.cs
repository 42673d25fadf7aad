using System.Text.Json.Nodes;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Export;

/// <summary><c>pipectl export</c> as a user runs it: offline, from the stack file, bad input refused in one line.</summary>
public sealed class ExportCommandTests
{
    private static readonly Dictionary<string, string?> Empty = [];

    private static readonly string Sample = RepositoryRoot.Of("samples/multi-env/pipectl.yaml");

    [Fact]
    public async Task Without_credentials_or_region_it_prints_the_yaml_template_and_sends_nothing()
    {
        using var trap = new RequestTrap();
        var run = await CliProcess.RunAsync(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = trap.Endpoint }, "export", "-f", Sample, "--env", "production");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Type: AWS::CodePipeline::Pipeline", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fn::Sub: \"${StackName}-production-artifacts-${AWS::AccountId}-${AWS::Region}\"", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Json_prints_the_same_template_as_json()
    {
        var json = await CliProcess.RunAsync(Empty, "export", "-f", Sample, "--json");
        var output = await CliProcess.RunAsync(Empty, "export", "-f", Sample, "--output", "json");

        Assert.True(json.ExitCode == 0, json.Stderr);
        var template = JsonNode.Parse(json.Stdout)!.AsObject();
        Assert.Equal(["StackName", "StagingBranch", "ProductionBranch"], template["Parameters"]!.AsObject().Select(p => p.Key));
        Assert.Equal("AWS::CodeCommit::Repository", (string?)template["Resources"]!["Repository"]!["Type"]);
        Assert.Equal("AWS::Events::Rule", (string?)template["Resources"]!["StagingRule"]!["Type"]);
        Assert.Equal(json.Stdout, output.Stdout);
    }

    [Fact]
    public async Task A_CloudFront_site_exports_its_distribution_and_a_plaintext_secret_gets_the_bootstrap_warning()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-export-cdn-");
        try
        {
            var file = Path.Combine(folder.FullName, "pipectl.yaml");
            await File.WriteAllTextAsync(file, "name: cdn\nsite: cloudfront\nbuild:\n  environmentVariables:\n    API_TOKEN: abc123\n");

            var run = await CliProcess.RunAsync(Empty, "export", "-f", file, "--json");

            Assert.True(run.ExitCode == 0, run.Stderr);
            var resources = JsonNode.Parse(run.Stdout)!["Resources"]!.AsObject();
            Assert.Equal("AWS::CloudFront::Distribution", (string?)resources["Distribution"]!["Type"]);
            Assert.Equal("AWS::CloudFront::OriginAccessControl", (string?)resources["DistributionAccessControl"]!["Type"]);
            Assert.Contains("${Distribution.Id}", resources["SiteBucketPolicy"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(
                "pipectl: warning: build variable API_TOKEN is PLAINTEXT but its name says TOKEN: anyone who can read the CodeBuild project sees its value; keep it in Parameter Store or Secrets Manager and write `API_TOKEN: {type: PARAMETER_STORE, value: /path/to/parameter}` (or type: SECRETS_MANAGER)",
                run.Stderr.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--format", "terraform", "--format \"terraform\": the only template format is cloudformation.")]
    [InlineData("--name", "Bad_Name", "--name")]
    public async Task Bad_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        string[] args = option switch
        {
            "--format" => ["export", "-f", Sample, option, value],
            _ => ["export", option, value],
        };
        var run = await CliProcess.RunAsync(Empty, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}
