using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.Ecr;
using Pipectl.Aws.Tagging;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// moto_launcher.py's patch_tagging: GetResources lists the CodeBuild projects and ECR repositories (and the other
/// types pipectl makes) that carry the tags asked for, as AWS documents ("The GetResources ... operations support all
/// resource types"), matching a tag value exactly and keeping to the request's region and resource types.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoTaggingPatchTests(MotoServer moto)
{
    [Fact]
    public async Task GetResources_finds_tagged_projects_and_repositories_by_exact_tag_value_region_and_type()
    {
        using var session = TestSessions.For(moto, "eu-west-3");
        using var elsewhere = TestSessions.For(moto, "eu-north-1");
        var stack = $"tg{Guid.NewGuid():N}"[..10];
        CodeBuildTag[] Tags(string value) => [new("pipectl:stack", value), new("team", "web")];
        var environment = new ProjectEnvironment("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL");
        await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest($"{stack}-build", new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"), environment, "arn:aws:iam::123456789012:role/r", Tags: Tags(stack)));
        await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest($"{stack}-x-build", new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"), environment, "arn:aws:iam::123456789012:role/r", Tags: Tags($"{stack}-x")));
        await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest($"{stack}-untagged", new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"), environment, "arn:aws:iam::123456789012:role/r"));
        await elsewhere.CodeBuild.CreateProjectAsync(new CreateProjectRequest($"{stack}-build", new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"), environment, "arn:aws:iam::123456789012:role/r", Tags: Tags(stack)));
        await session.Ecr.CreateRepositoryAsync(new Pipectl.Aws.Ecr.CreateRepositoryRequest(stack, [new EcrTag("pipectl:stack", stack)], null));

        var all = await session.Tagging.GetAllResourcesAsync([new TagFilter("pipectl:stack", [stack])], null);
        var projects = await session.Tagging.GetAllResourcesAsync([new TagFilter("pipectl:stack", [stack])], ["codebuild:project"]);
        var byKey = await session.Tagging.GetAllResourcesAsync([new TagFilter("pipectl:stack")], ["codebuild"]);

        Assert.Equal(
            [$"arn:aws:codebuild:eu-west-3:123456789012:project/{stack}-build", $"arn:aws:ecr:eu-west-3:123456789012:repository/{stack}"],
            all.Select(r => r.ResourceARN).Order(StringComparer.Ordinal));
        Assert.Equal("web", all.Single(r => r.ResourceARN!.Contains(":project/", StringComparison.Ordinal)).Tags!.Single(t => t.Key == "team").Value);
        Assert.Equal([$"arn:aws:codebuild:eu-west-3:123456789012:project/{stack}-build"], projects.Select(r => r.ResourceARN));
        Assert.Contains(byKey, r => r.ResourceARN!.EndsWith($"project/{stack}-x-build", StringComparison.Ordinal));
        Assert.DoesNotContain(byKey, r => r.ResourceARN!.EndsWith($"project/{stack}-untagged", StringComparison.Ordinal));
        Assert.DoesNotContain(byKey, r => r.ResourceARN!.Contains(":eu-north-1:", StringComparison.Ordinal));
    }
}
