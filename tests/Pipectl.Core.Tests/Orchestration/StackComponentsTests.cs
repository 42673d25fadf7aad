using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Orchestration;

/// <summary>
/// A stack is built from its parts: each adds its own entries through <see cref="StackBuilder"/>, a dependency must name
/// an entry some part added, and the pipeline takes what the others ask of it instead of their editing its entry.
/// </summary>
public sealed class StackComponentsTests
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    private static ResourceEntry Topic(string key, IReadOnlyList<string> dependsOn, IReadOnlyList<string>? onlyToCreate = null) =>
        new ResourceEntry<TopicSpec, TopicState>(key, StackParts.Pipeline, dependsOn, new TopicSpec(key, string.Empty, NoTags), d => d.Topics)
        {
            NeededOnlyToCreate = onlyToCreate ?? [],
        };

    private static StackBuilder Builder() => new(TestStacks.Demo());

    [Fact]
    public void A_dependency_on_an_entry_no_part_added_fails_when_the_stack_is_built()
    {
        var stack = Builder();
        stack.AddAll([Topic("a", []), Topic("b", ["a", "missing"])]);

        var error = Assert.Throws<InvalidOperationException>(() => stack.Entries());
        Assert.Contains("b", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_needed_only_to_create_must_also_be_a_dependency()
    {
        var stack = Builder();
        stack.AddAll([Topic("a", []), Topic("b", [], onlyToCreate: ["a"])]);

        Assert.Throws<InvalidOperationException>(() => stack.Entries());
    }

    [Fact]
    public void Two_parts_cannot_add_the_same_key()
    {
        var stack = Builder();
        stack.AddAll([Topic("a", [])]);

        Assert.Throws<InvalidOperationException>(() => stack.AddAll([Topic("a", [])]));
    }

    public static TheoryData<string> Variants => new(Stacks.Keys);

    private static readonly Dictionary<string, StackSpec> Stacks = new(StringComparer.Ordinal)
    {
        ["website"] = TestStacks.Demo(),
        ["private"] = TestStacks.Demo() with { PrivateSite = true },
        ["cloudfront"] = TestStacks.Demo() with { Site = SiteTypes.CloudFront },
        ["github"] = TestStacks.Demo() with { Source = "github:octo/web" },
        ["ecs"] = TestStacks.Demo() with { Deploy = DeployTargets.Ecs, Ecs = new EcsDeployment { Cluster = "prod", Service = "web", ContainerName = "app" } },
        ["test stage, approval mail"] = TestStacks.Demo() with { Test = new TestStage("version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\n", TestInputs.Build), ApprovalEmail = "a@example.com" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_dependency_of_every_variant_names_an_entry_of_the_stack(string variant)
    {
        var entries = DesiredStack.From(Stacks[variant]).Entries;

        var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        Assert.All(entries, e => Assert.Subset(keys, e.DependsOn.ToHashSet(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_connection_source_has_neither_the_repository_nor_the_trigger_and_completes_the_pipeline_from_the_connection()
    {
        var entries = DesiredStack.From(Stacks["github"]).Entries;

        Assert.DoesNotContain(entries, e => e.Key is ResourceKeys.Repository or ResourceKeys.Rule or ResourceKeys.EventsRole);
        var pipeline = (ResourceEntry<PipelineSpec, PipelineState>)entries.Single(e => e.Key == ResourceKeys.Pipeline);
        var role = (ResourceEntry<RoleSpec, RoleState>)entries.Single(e => e.Key == ResourceKeys.PipelineRole);
        Assert.Contains(ResourceKeys.Connection, pipeline.DependsOn);
        Assert.Contains(ResourceKeys.Connection, role.DependsOn);
        Assert.NotNull(pipeline.DesiredAtApply);
        Assert.NotNull(role.DesiredAtApply);
    }

    [Fact]
    public void Only_a_part_that_asks_for_it_changes_the_build_or_the_pipeline()
    {
        var plain = DesiredStack.From(Stacks["website"]);
        var ecs = DesiredStack.From(Stacks["ecs"]);
        var tested = DesiredStack.From(Stacks["test stage, approval mail"]);

        Assert.False(plain.BuildProject.Privileged);
        Assert.Null(((ResourceEntry<PipelineSpec, PipelineState>)plain.Entries.Single(e => e.Key == ResourceKeys.Pipeline)).DesiredAtApply);
        Assert.True(ecs.BuildProject.Privileged);
        Assert.Contains(EcsDeploy.RepositoryUriVariable, ecs.BuildProject.EnvironmentVariables.Keys);
        Assert.DoesNotContain(EcsDeploy.RepositoryUriVariable, plain.BuildProject.EnvironmentVariables.Keys);
        var pipeline = tested.Entries.Single(e => e.Key == ResourceKeys.Pipeline);
        Assert.Contains(ResourceKeys.TestProject, pipeline.DependsOn);
        Assert.Contains(ResourceKeys.TestProject, pipeline.NeededOnlyToCreate);
        Assert.DoesNotContain(ResourceKeys.TestProject, plain.Entries.Single(e => e.Key == ResourceKeys.Pipeline).DependsOn);
    }

    [Fact]
    public void The_pipeline_comes_last_and_each_variant_has_one_source_and_one_deploy_target()
    {
        foreach (var spec in Stacks.Values)
        {
            var parts = StackComponents.For(spec);
            Assert.IsType<PipelineCore>(parts[^1]);
            Assert.Single(parts, p => p is CodeCommitSource or ConnectionSources);
            Assert.Single(parts, p => p is S3Deploy or EcsDeploy);
        }
    }
}
