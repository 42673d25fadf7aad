using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>The repository and build project drivers converged through Core's Converger against moto_server.</summary>
[Collection(MotoCollection.Name)]
public sealed class RepositoryAndProjectDriversAgainstMotoTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private AwsSession Session() => TestSessions.For(moto);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static IamPropagation NoWait() => new(SilentProgress.Instance, (_, _) => Task.CompletedTask);

    [Fact]
    public async Task Repository_is_created_then_unchanged()
    {
        using var session = Session();
        var name = Unique("itest-repo");
        var driver = new RepositoryDriver(session.CodeCommit);
        var spec = new RepositorySpec(name, "made by a test", new Dictionary<string, string> { ["pipectl:stack"] = "itest" });

        var (first, created) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        var (second, read) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Created, first.Action);
        Assert.Equal(ResourceTypes.Repository, first.Type);
        Assert.Equal($"arn:aws:codecommit:us-east-1:{Account}:{name}", first.Arn);
        Assert.Equal(name, created!.Name);
        Assert.Equal("made by a test", created.Description);
        Assert.EndsWith($"/v1/repos/{name}", created.CloneUrlHttp);
        Assert.NotNull(created.CloneUrlSsh);
        Assert.Equal(ResourceAction.Unchanged, second.Action);
        Assert.Equal(created, read! with { Tags = created.Tags });
        Assert.Equal(spec.Tags, read.Tags);

        // A create whose reply was lost: the repository is there, CreateAsync adopts it.
        var adopted = await driver.CreateAsync(spec, CancellationToken.None);
        Assert.Equal(created, adopted with { Tags = created.Tags });
        await session.CodeCommit.DeleteRepositoryAsync(name);
        Assert.Null(await driver.ReadAsync(spec, CancellationToken.None));
    }

    [Fact]
    public async Task Build_project_is_created_then_unchanged_and_a_changed_image_reaches_UpdateProject()
    {
        using var session = Session();
        var name = Unique("itest-build");
        var driver = new BuildProjectDriver(session.CodeBuild, NoWait());
        // moto checks only that the role ARN is in its account, not that the role exists. The source is
        // CODECOMMIT (with NO_ARTIFACTS); the CODEPIPELINE project is covered by the CLI tests.
        var spec = new BuildProjectSpec(
            name,
            "made by a test",
            "CODECOMMIT",
            $"https://git-codecommit.us-east-1.amazonaws.com/v1/repos/{name}",
            null,
            "aws/codebuild/standard:7.0",
            "BUILD_GENERAL1_SMALL",
            $"arn:aws:iam::{Account}:role/x",
            $"/aws/codebuild/{name}",
            new Dictionary<string, string> { ["pipectl:stack"] = "itest" });

        try
        {
            var (first, created) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
            var (second, read) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);

            Assert.Equal(ResourceAction.Created, first.Action);
            Assert.Equal($"arn:aws:codebuild:us-east-1:{Account}:project/{name}", first.Arn);
            Assert.Equal(spec.SourceLocation, created!.SourceLocation);
            Assert.Equal($"/aws/codebuild/{name}", created.LogGroupName);
            Assert.Equal(ResourceAction.Unchanged, second.Action);
            Assert.Empty(spec.DifferencesFrom(read!));
            Assert.Equal("itest", read!.Tags["pipectl:stack"]);

            // The dry run sees the change; applying it updates the project (UpdateProject, answered by the
            // launcher as the CodeBuild API Reference documents it) and a second run finds nothing to change.
            var newer = spec with { Image = "aws/codebuild/standard:8.0" };
            var (plan, _) = await Converger.ConvergeAsync(driver, newer, dryRun: true, CancellationToken.None);
            Assert.Equal(ResourceAction.WouldUpdate, plan.Action);
            Assert.Equal(["image: aws/codebuild/standard:7.0 -> aws/codebuild/standard:8.0"], plan.Changes);

            var (applied, _) = await Converger.ConvergeAsync(driver, newer, dryRun: false, CancellationToken.None);
            var (again, _) = await Converger.ConvergeAsync(driver, newer, dryRun: false, CancellationToken.None);
            Assert.Equal(ResourceAction.Updated, applied.Action);
            Assert.Equal(ResourceAction.Unchanged, again.Action);
            Assert.Equal("aws/codebuild/standard:8.0", (await driver.ReadAsync(spec, CancellationToken.None))!.Image);
        }
        finally
        {
            await session.CodeBuild.DeleteProjectAsync(name);
        }
    }
}
