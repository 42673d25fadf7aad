using Pipectl.Aws.CodeBuild;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;
using static Pipectl.IntegrationTests.Cli.StackRunJson;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// A Test stage end to end against moto (report groups answered by the launcher's responder): bootstrap makes the
/// report group, the test role and project and the Test stage; a rerun changes nothing; teardown removes them with
/// their reports; a report group made by hand under the stack's name stops bootstrap before its first write; the
/// plan shows the groups and the role's report statement. Bad test input is exit 2 with nothing sent.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class TestStageAgainstMotoTests(MotoServer moto)
{
    private static readonly string SampleTests = RepositoryRoot.Of("samples/node-app/buildspec-test.yml");

    private static string UniqueStack() => "ts" + Guid.NewGuid().ToString("N")[..8];

    private static string GroupArn(string stack) => $"arn:aws:codebuild:us-east-1:123456789012:report-group/{stack}-test-unit";

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    [Fact]
    public async Task Bootstrap_makes_the_report_group_project_and_stage_a_rerun_changes_nothing_and_teardown_removes_them()
    {
        var stack = UniqueStack();
        string[] test = ["--test-buildspec", SampleTests, "--test-input", "source"];

        var first = await Pipectl(["bootstrap", "--name", stack, .. test]);

        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var created = Actions(first);
        Assert.Equal(13, created.Count);
        Assert.Equal("created", created[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Equal("created", created[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("created", created[$"AWS::IAM::Role {stack}-test-role"]);
        using (var session = TestSessions.For(moto))
        {
            var group = (await session.CodeBuild.BatchGetReportGroupsAsync([GroupArn(stack)])).ReportGroups!.Single();
            Assert.Equal(("TEST", "NO_EXPORT"), (group.Type, group.ExportConfig!.ExportConfigType));
            Assert.Equal([$"pipectl:region=us-east-1", $"pipectl:stack={stack}"], group.Tags!.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
            var project = (await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-test"])).Projects!.Single();
            Assert.Equal(File.ReadAllText(SampleTests), project.Source!.Buildspec);
            Assert.Equal($"arn:aws:iam::123456789012:role/{stack}-test-role", project.ServiceRole);
            var stages = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!;
            Assert.Equal(["Source", "Build", "Test", "Deploy"], stages.Select(s => s.Name));
            var action = stages[2].Actions!.Single();
            Assert.Equal(("CodeBuild", $"{stack}-test", "SourceOutput"), (action.ActionTypeId!.Provider, action.Configuration!["ProjectName"], action.InputArtifacts!.Single().Name));
        }

        var again = await Pipectl(["bootstrap", "--name", stack, .. test]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.All(Actions(again), a => Assert.True(a.Value == "unchanged", $"{a.Key}: {a.Value}"));
        Assert.Equal(0, Mutating(again));

        // A test build wrote a report: teardown deletes the group with it (deleteReports).
        await ReportGroupsResponderTests.AddReportAsync(moto, GroupArn(stack), ("renders", "SUCCEEDED"));
        var teardown = await Pipectl(["teardown", "--name", stack, "--yes", .. test]);
        Assert.True(teardown.ExitCode == 0, teardown.Stderr + teardown.Stdout);
        var removed = Actions(teardown);
        Assert.Equal("deleted", removed[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Equal("deleted", removed[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("deleted", removed[$"AWS::IAM::Role {stack}-test-role"]);
        using (var session = TestSessions.For(moto))
        {
            Assert.Equal([GroupArn(stack)], (await session.CodeBuild.BatchGetReportGroupsAsync([GroupArn(stack)])).ReportGroupsNotFound!);
        }
    }

    [Fact]
    public async Task Teardown_given_only_the_name_finds_the_test_stage_in_the_deployed_pipeline_and_removes_its_resources()
    {
        var stack = UniqueStack();
        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--test-buildspec", SampleTests);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr + bootstrap.Stdout);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr + teardown.Stdout);
        var removed = Actions(teardown);
        Assert.Equal("deleted", removed[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Equal("deleted", removed[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("deleted", removed[$"AWS::IAM::Role {stack}-test-role"]);
        using var session = TestSessions.For(moto);
        Assert.Equal([$"{stack}-test"], (await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-test"])).ProjectsNotFound!);
        Assert.Equal([GroupArn(stack)], (await session.CodeBuild.BatchGetReportGroupsAsync([GroupArn(stack)])).ReportGroupsNotFound!);

        // Nothing is left to find: a second teardown deletes nothing, reads past the missing pipeline, and says the stack is not there.
        var again = await Pipectl("teardown", "--name", stack, "--yes");
        Assert.True(again.ExitCode == 1, again.Stderr);
        Assert.Contains($"no stack named {stack} was found in us-east-1", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Mutating(again));
    }

    [Fact]
    public async Task A_test_stage_dropped_from_the_stack_is_still_found_by_a_teardown_given_only_the_name()
    {
        var stack = UniqueStack();
        var withTests = await Pipectl("bootstrap", "--name", stack, "--test-buildspec", SampleTests);
        Assert.True(withTests.ExitCode == 0, withTests.Stderr + withTests.Stdout);

        // The stack drops its Test stage as the previous release did (no record of the stack, so the options alone
        // describe it): the pipeline no longer runs the test project, which is left behind.
        using (var session = TestSessions.For(moto))
        {
            await session.Ssm.DeleteParameterAsync($"/pipectl/stacks/{stack}");
        }

        var without = await Pipectl("bootstrap", "--name", stack);
        Assert.True(without.ExitCode == 0, without.Stderr + without.Stdout);
        using (var session = TestSessions.For(moto))
        {
            Assert.DoesNotContain("Test", (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Select(s => s.Name));
        }

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr + teardown.Stdout);
        var removed = Actions(teardown);
        Assert.Equal("deleted", removed[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("deleted", removed[$"AWS::IAM::Role {stack}-test-role"]);
        Assert.Equal("deleted", removed[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
    }

    [Fact]
    public async Task A_test_project_made_by_hand_under_the_stacks_name_is_not_brought_into_a_teardown()
    {
        var stack = UniqueStack();
        var bootstrap = await Pipectl("bootstrap", "--name", stack);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr + bootstrap.Stdout);
        using var session = TestSessions.For(moto);
        await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            $"{stack}-test",
            new ProjectSource("CODEPIPELINE", Buildspec: "version: 0.2\nphases:\n  build:\n    commands: [make test]\nreports:\n  unit:\n    files: [junit.xml]\n"),
            new ProjectArtifacts("CODEPIPELINE"),
            new ProjectEnvironment("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL"),
            $"arn:aws:iam::123456789012:role/{stack}-someone-elses-role"));

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        // No pipectl tags: not this stack's Test stage, so neither the project nor a role or report group of it is looked at.
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.DoesNotContain(Actions(teardown), a => a.Key.Contains($"{stack}-test", StringComparison.Ordinal));
        Assert.Single((await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-test"])).Projects!);
    }

    [Fact]
    public async Task A_report_group_made_by_hand_under_the_stacks_name_stops_bootstrap_before_its_first_write_and_survives_teardown()
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        await session.CodeBuild.CreateReportGroupAsync(new CreateReportGroupRequest($"{stack}-test-unit", "TEST", new ReportExportConfig("NO_EXPORT")));

        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--test-buildspec", SampleTests);

        Assert.Equal(1, bootstrap.ExitCode);
        Assert.Equal(0, Mutating(bootstrap));
        var line = Assert.Single(bootstrap.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains($"{stack}-test-unit", StringComparison.Ordinal));
        Assert.Contains("already exists and was not created by pipectl", line, StringComparison.Ordinal);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes", "--test-buildspec", SampleTests);
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal(0, Mutating(teardown));
        Assert.Equal("kept", Actions(teardown)[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Single((await session.CodeBuild.BatchGetReportGroupsAsync([GroupArn(stack)])).ReportGroups!);
    }

    [Fact]
    public async Task The_plan_shows_the_report_group_and_the_test_roles_report_statement()
    {
        var stack = UniqueStack();

        var plan = await Pipectl("plan", "--name", stack, "--test-buildspec", SampleTests);

        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Equal(0, Mutating(plan));
        var group = Resource(plan, $"{stack}-test-unit");
        Assert.Equal(("AWS::CodeBuild::ReportGroup", "would-create"), (group.GetProperty("type").GetString(), group.GetProperty("action").GetString()));
        Assert.Equal("TEST", group.GetProperty("desired").GetProperty("type").GetString());
        Assert.Equal(GroupArn(stack), group.GetProperty("desired").GetProperty("arn").GetString());
        var policy = Resource(plan, $"{stack}-test-role").GetProperty("desired").GetProperty("inlinePolicies").EnumerateObject().Single().Value;
        var reports = policy.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "WriteTestReports");
        Assert.Equal(["codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases", "codebuild:CreateReport", "codebuild:CreateReportGroup", "codebuild:UpdateReport"], Strings(reports.GetProperty("Action")).Order(StringComparer.Ordinal));
        Assert.Equal([GroupArn(stack)], Strings(reports.GetProperty("Resource")));
    }

    [Fact]
    public async Task The_node_app_stack_file_plans_its_test_stage()
    {
        var plan = await Pipectl("plan", "-f", RepositoryRoot.Of("samples/node-app/pipectl.yaml"));

        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Equal("TEST", Resource(plan, "node-app-test-unit").GetProperty("desired").GetProperty("type").GetString());
        var stages = Resource(plan, "node-app-pipeline").GetProperty("desired").GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal("Test", stages[2].GetProperty("name").GetString());
        Assert.Equal("SourceOutput", stages[2].GetProperty("actions")[0].GetProperty("inputArtifacts")[0].GetString());
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!) : [value.GetString()!];
}
