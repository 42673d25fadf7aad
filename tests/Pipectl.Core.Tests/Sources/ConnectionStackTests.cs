using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.Core.Tests.Orchestration;

namespace Pipectl.Core.Tests.Sources;

public sealed class ConnectionStackTests
{
    private const string GivenArn = "arn:aws:codeconnections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11";

    private static StackSpec GitHub(Func<StackSpec, StackSpec>? change = null) =>
        (change ?? (s => s))(TestStacks.Demo() with { Source = "github:octo/site" });

    [Fact]
    public void A_connection_replaces_the_repository_the_rule_and_the_events_role()
    {
        var keys = DesiredStack.From(GitHub()).Entries.Select(e => e.Key).ToList();

        Assert.Contains(ResourceKeys.Connection, keys);
        Assert.DoesNotContain(ResourceKeys.Repository, keys);
        Assert.DoesNotContain(ResourceKeys.Rule, keys);
        Assert.DoesNotContain(ResourceKeys.EventsRole, keys);
        Assert.Equal(9, keys.Count);
        var connection = DesiredStack.From(GitHub()).Desired<ConnectionSpec, ConnectionState>(ResourceKeys.Connection);
        Assert.Equal(("demo-github", "GitHub", null), (connection.Name, connection.ProviderType, connection.Arn));
    }

    [Fact]
    public void The_source_action_reads_the_repository_through_the_connection_and_a_push_trigger_starts_a_V2_pipeline()
    {
        var declaration = PipelineDeclarationFactory.Create(GitHub(s => s with { ConnectionArn = GivenArn, Branch = "live", TriggerFilePaths = ["site/**"] }));

        var source = declaration.Stages[0].Actions[0];
        Assert.Equal(("Source", "AWS", "CodeStarSourceConnection", "1"), (source.Category, source.Owner, source.Provider, source.Version));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ConnectionArn"] = GivenArn,
                ["FullRepositoryId"] = "octo/site",
                ["BranchName"] = "live",
                ["OutputArtifactFormat"] = "CODE_ZIP",
                ["DetectChanges"] = "false",
            },
            source.Configuration);
        var trigger = Assert.Single(declaration.Triggers);
        Assert.Equal("Source", trigger.SourceActionName);
        Assert.Equal(["live"], trigger.Branches);
        Assert.Equal(["site/**"], trigger.FilePaths);
    }

    [Fact]
    public void A_V1_pipeline_has_no_trigger_and_detects_changes_itself()
    {
        var declaration = PipelineDeclarationFactory.Create(GitHub(s => s with { PipelineType = PipelineTypes.V1 }));

        Assert.Empty(declaration.Triggers);
        Assert.Equal("true", declaration.Stages[0].Actions[0].Configuration["DetectChanges"]);
    }

    [Fact]
    public void A_CodeCommit_pipeline_has_no_trigger()
    {
        Assert.Empty(PipelineDeclarationFactory.Create(TestStacks.Demo()).Triggers);
    }

    [Fact]
    public void The_pipeline_role_may_use_only_that_connection_and_nothing_of_CodeCommit()
    {
        var policy = new StackPolicies(GitHub(s => s with { ConnectionArn = GivenArn })).PipelineRolePolicy();

        var use = Assert.Single(policy.Statements, s => s.Sid == "SourceFromConnection");
        Assert.Equal([PolicyActions.CodeConnectionsUseConnection], use.Actions);
        Assert.Equal([GivenArn], use.Resources);
        Assert.DoesNotContain(policy.Statements.SelectMany(s => s.Actions), a => a.StartsWith("codecommit:", StringComparison.Ordinal));
    }

    [Fact]
    public void Triggers_that_differ_are_a_pipeline_difference()
    {
        var desired = PipelineDeclarationFactory.Create(GitHub(s => s with { ConnectionArn = GivenArn, TriggerFilePaths = ["site/**"] }));

        var differences = PipelineDeclarationComparer.Differences(desired, desired with { Triggers = [] });

        Assert.Equal("triggers", Assert.Single(differences).Path);
        Assert.Empty(PipelineDeclarationComparer.Differences(desired, desired));
    }

    [Fact]
    public async Task The_pipeline_and_its_role_name_the_ARN_AWS_gave_the_new_connection()
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers();

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(GitHub()), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        const string made = "arn:aws:codeconnections:us-east-1:123456789012:connection/made-by-aws";
        var pipeline = drivers.Created.OfType<PipelineSpec>().Single();
        Assert.Equal(made, pipeline.Declaration.Stages[0].Actions[0].Configuration["ConnectionArn"]);
        var role = drivers.Created.OfType<RoleSpec>().Single(r => r.Name == "demo-codepipeline-role");
        Assert.Contains(made, role.InlinePolicies.Values.Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("created-by-bootstrap", role.InlinePolicies.Values.Single(), StringComparison.Ordinal);
        Assert.Equal(made, result.Outputs[StackOutputs.ConnectionArn]);
        Assert.Equal("PENDING", result.Outputs[StackOutputs.ConnectionStatus]);
        var order = drivers.Finished.ToList();
        Assert.True(order.IndexOf("demo-github") < order.IndexOf("demo-codepipeline-role"));
        Assert.DoesNotContain(ResourceTypes.Repository, result.Resources.Select(r => r.Type));
    }

    [Fact]
    public async Task Teardown_deletes_the_connection_unless_kept()
    {
        var graph = StackGraph.For(GitHub());
        var drivers = new StackOrchestratorTests.RecordingDrivers { Existing = true };

        var kept = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(graph, new TeardownOptions { KeepConnection = true }, CancellationToken.None);
        var deleted = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(graph, new TeardownOptions(), CancellationToken.None);

        Assert.Equal((ResourceAction.Kept, "kept by --keep-connection"), kept.Resources.Where(r => r.Type == ResourceTypes.Connection).Select(r => (r.Action, r.Note)).Single());
        Assert.Equal(ResourceAction.Deleted, deleted.Resources.Single(r => r.Type == ResourceTypes.Connection).Action);
    }

    [Theory]
    [InlineData(null, "*", "holds a wildcard")]
    [InlineData(null, "arn:aws:codeconnections:us-east-1:123456789012:connection/*", "holds a wildcard")]
    [InlineData(null, "arn:aws:codeconnections:us-east-1:999999999999:connection/abc", "is not in account 123456789012, region us-east-1 (partition aws)")]
    [InlineData(null, "arn:aws:codeconnections:eu-west-1:123456789012:connection/abc", "is not in account 123456789012, region us-east-1")]
    [InlineData(null, "arn:aws-cn:codeconnections:us-east-1:123456789012:connection/abc", "is not in account 123456789012, region us-east-1 (partition aws)")]
    [InlineData(null, "arn:aws:codeconnections:us-east-1:123456789012:host/abc", "is not a connection ARN")]
    [InlineData(null, "arn:aws:iam::123456789012:role/abc", "is not a connection ARN")]
    [InlineData(null, "arn:aws:codeconnections:us-east-1:123456789012:connection/a b", "is not a connection ARN")]
    [InlineData(GivenArn, "arn:aws:codeconnections:us-east-1:999999999999:connection/abc", "is not in account 123456789012")]
    public async Task A_hostile_connection_ARN_read_from_AWS_is_refused_naming_it_and_where_it_came_from_before_any_write(string? given, string answered, string problem)
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers { Existing = true, ConnectionArnAnswer = answered };

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(GitHub(s => s with { ConnectionArn = given })), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.False(result.Succeeded);
        var message = result.Failure!.Message;
        Assert.Contains($"\"{answered}\" {problem}", message, StringComparison.Ordinal);
        Assert.Contains(given is null ? "connection demo-github (ListConnections)" : $"connection {given} (GetConnection)", message, StringComparison.Ordinal);
        Assert.All(drivers.Calls, c => Assert.StartsWith("read", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arn:aws:codeconnections:us-east-1:123456789012:connection/abc-1")]
    [InlineData("arn:aws:codestar-connections:us-east-1:123456789012:connection/abc-1")]
    public async Task A_connection_ARN_of_this_account_and_region_read_from_AWS_is_used(string answered)
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers { Existing = true, ConnectionArnAnswer = answered };

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(GitHub()), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(answered, result.Outputs[StackOutputs.ConnectionArn]);
    }
}
