using System.Diagnostics;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Export;

/// <summary>
/// The templates of every kind of stack (each source, site, deploy target, test stage, approval and environments)
/// pass the AWS CloudFormation Linter, which the machine image has next to moto (the same Python). cfn-lint
/// checks what the schema check of the unit tier does not: intrinsic functions, references, redundant DependsOn.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CfnLintTests(MotoServer moto)
{
    public static TheoryData<string, string[]> Stacks() => new()
    {
        { "multi-env", ["-f", RepositoryRoot.Of("samples/multi-env/pipectl.yaml")] },
        { "node-app with a test stage", ["-f", RepositoryRoot.Of("samples/node-app/pipectl.yaml")] },
        { "ECS sample", ["-f", RepositoryRoot.Of("samples/ecs-app/pipectl.yaml")] },
        { "GitHub sample", ["-f", RepositoryRoot.Of("samples/github/pipectl.yaml")] },
        { "CloudFront site with approval mail", ["--name", "cdn", "--site", "cloudfront", "--approval-email", "ops@example.com"] },
        { "GitLab source, V1, CloudFront", ["--name", "lab", "--source", "gitlab:group/repo", "--pipeline-type", "V1", "--site", "cloudfront"] },
        { "Bitbucket by connection ARN", ["--name", "bb", "--source", "bitbucket:team/web", "--connection-arn", "arn:aws:codeconnections:us-east-1:123456789012:connection/0123abcd-0000-1111-2222-333344445555"] },
        { "ECS deploy", ["--name", "shop", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web"] },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_template_passes_cfn_lint(string stack, string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-cfn-lint-");
        try
        {
            var export = await CliRun.RunAsync(["export", .. options]);
            Assert.True(export.ExitCode == 0, $"{stack}: {export.Stderr}");
            var template = Path.Combine(folder.FullName, "template.yaml");
            await File.WriteAllTextAsync(template, export.Stdout);

            var start = new ProcessStartInfo(moto.Python, ["-c", "import sys; from cfnlint.runner import main; sys.argv = [\"cfn-lint\", \"--\", sys.argv[1]]; sys.exit(main())", template]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, $"{stack}: cfn-lint exit {process.ExitCode}: {output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
