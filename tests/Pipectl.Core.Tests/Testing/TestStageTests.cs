using Pipectl.Core.Buildspecs;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Tests.Buildspecs;
using Pipectl.Core.Tests.Orchestration;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Testing;

/// <summary>The Test stage: its report groups, role, project and pipeline stage, the stack file's test: and the rules.</summary>
public sealed class TestStageTests
{
    private const string TestBuildspec = """
        version: 0.2
        phases:
          build:
            commands:
              - npm test
        reports:
          unit:
            files: [test-results.xml]
          coverage:
            files: [coverage/clover.xml]
            file-format: CLOVERXML
        """;

    private static StackSpec WithTests(string input = TestInputs.Build) => TestStacks.Demo() with { Test = new TestStage(TestBuildspec, input) };

    [Fact]
    public void The_buildspec_reports_are_read_with_the_report_type_their_file_format_makes()
    {
        var reports = BuildspecReports.Read(TestBuildspec);

        Assert.Equal([new BuildspecReport("unit", "TEST"), new BuildspecReport("coverage", "CODE_COVERAGE")], reports);
        Assert.Empty(BuildspecReports.Read("version: 0.2\nphases:\n  build:\n    commands: [make]\n"));
        Assert.True(new BuildspecReport("arn:aws:codebuild:us-east-1:123456789012:report-group/x", "TEST").IsArn);
    }

    [Fact]
    public void A_stack_without_a_test_stage_has_none_of_its_resources_and_no_test_stage()
    {
        var stack = DesiredStack.From(TestStacks.Demo());

        Assert.DoesNotContain(stack.Entries, e => e.Key is ResourceKeys.TestProject or ResourceKeys.TestRole || e.Key.StartsWith("report-group-", StringComparison.Ordinal));
        Assert.DoesNotContain(stack.Pipeline.Declaration.Stages, s => s.Name == PipelineDeclarationFactory.TestStageName);
    }

    [Fact]
    public void Each_report_gets_a_group_named_as_codebuild_resolves_the_report_name_in_the_test_project()
    {
        var stack = DesiredStack.From(WithTests());

        var unit = stack.Desired<ReportGroupSpec, ReportGroupState>(ResourceKeys.ReportGroup("unit"));
        var coverage = stack.Desired<ReportGroupSpec, ReportGroupState>(ResourceKeys.ReportGroup("coverage"));
        Assert.Equal(("demo-test-unit", "arn:aws:codebuild:us-east-1:123456789012:report-group/demo-test-unit", "TEST"), (unit.Name, unit.Arn, unit.Type));
        Assert.Equal(("demo-test-coverage", "CODE_COVERAGE"), (coverage.Name, coverage.Type));
        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["pipectl:region"] = "us-east-1" }, unit.Tags);
        var project = stack.Desired<BuildProjectSpec, BuildProjectState>(ResourceKeys.TestProject);
        Assert.Equal(("demo-test", BuildSourceTypes.CodePipeline, TestBuildspec, "arn:aws:iam::123456789012:role/demo-test-role"), (project.Name, project.SourceType, project.Buildspec, project.ServiceRoleArn));
        Assert.Equal("/aws/codebuild/demo-test", project.LogGroupName);
    }

    [Fact]
    public void Every_environment_has_its_own_test_project_role_and_report_groups()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-test-stage-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "pipectl.yaml"), "name: shop\ntest:\n  buildspec: tests.yml\nenvironments:\n  staging:\n    branch: develop\n  production:\n");
            File.WriteAllText(Path.Combine(folder.FullName, "tests.yml"), TestBuildspec);

            var (file, errors) = StackFileParser.Load("pipectl.yaml", folder.FullName);
            Assert.Empty(errors);
            var specs = file!.ToSpecs("us-east-1", TestStacks.Account);
            var graph = StackGraph.For(specs);

            Assert.Equal(["shop-production-test-coverage", "shop-production-test-unit", "shop-staging-test-coverage", "shop-staging-test-unit"], graph.Entries.Where(e => e.Key.Contains("/report-group-", StringComparison.Ordinal)).Select(e => e.Name).Order(StringComparer.Ordinal));
            Assert.Equal(["shop-production-test", "shop-staging-test"], specs.Select(s => s.Spec.TestProjectName).Order(StringComparer.Ordinal));
            Assert.Equal(["shop-production-test-role", "shop-staging-test-role"], specs.Select(s => s.Spec.TestRoleName).Order(StringComparer.Ordinal));
            Assert.Empty(new StackSpecValidator().ValidateAll(specs));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(TestInputs.Build, PipelineDeclarationFactory.BuildOutputArtifact)]
    [InlineData(TestInputs.Source, PipelineDeclarationFactory.SourceOutputArtifact)]
    public void The_test_stage_runs_between_build_and_the_approval_on_the_input_the_stack_names(string input, string artifact)
    {
        var declaration = DesiredStack.From(WithTests(input) with { Approval = true }).Pipeline.Declaration;

        Assert.Equal(["Source", "Build", "Test", "Approval", "Deploy"], declaration.Stages.Select(s => s.Name));
        var action = Assert.Single(declaration.Stages[2].Actions);
        Assert.Equal(("Build", "AWS", "CodeBuild", "1"), (action.Category, action.Owner, action.Provider, action.Version));
        Assert.Equal(new Dictionary<string, string> { ["ProjectName"] = "demo-test" }, action.Configuration);
        Assert.Equal([artifact], action.InputArtifacts);
        Assert.Empty(action.OutputArtifacts);
        Assert.Null(action.RoleArn);
    }

    [Fact]
    public void The_test_role_writes_reports_into_exactly_the_stacks_report_groups_and_may_create_only_those()
    {
        var role = new StackPolicies(WithTests()).TestRole();

        var reports = Assert.Single(role.InlinePolicy.Statements, s => s.Sid == "WriteTestReports");
        Assert.Equal(["codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"], reports.Actions);
        Assert.Equal(["arn:aws:codebuild:us-east-1:123456789012:report-group/demo-test-unit", "arn:aws:codebuild:us-east-1:123456789012:report-group/demo-test-coverage"], reports.Resources);
        Assert.DoesNotContain(role.InlinePolicy.Statements.Where(s => s.Sid != "WriteTestReports").SelectMany(s => s.Actions), a => a is "codebuild:CreateReportGroup");
        Assert.DoesNotContain(role.InlinePolicy.Statements.SelectMany(s => s.Actions), a => a.Contains('*', StringComparison.Ordinal));
        Assert.DoesNotContain(role.InlinePolicy.Statements.SelectMany(s => s.Resources), r => r.EndsWith(":*", StringComparison.Ordinal) && !r.Contains("/aws/codebuild/demo-test:", StringComparison.Ordinal));
        Assert.Equal(["arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/demo-test", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/demo-test:*"], role.InlinePolicy.Statements.Single(s => s.Sid == "TestLogs").Resources);
        Assert.Equal(["s3:GetObject", "s3:GetObjectVersion"], role.InlinePolicy.Statements.Single(s => s.Sid == "ReadInputArtifact").Actions);
        Assert.Contains("arn:aws:codebuild:us-east-1:123456789012:project/demo-test", role.TrustPolicy.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_buildspec_without_reports_gives_a_role_without_report_permissions()
    {
        var spec = TestStacks.Demo() with { Test = new TestStage("version: 0.2\nphases:\n  build:\n    commands: [npm test]\n") };

        Assert.DoesNotContain(new StackPolicies(spec).TestRole().InlinePolicy.Statements, s => s.Sid == "WriteTestReports");
        Assert.DoesNotContain(DesiredStack.From(spec).Entries, e => e.Key.StartsWith("report-group-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pipeline_role_may_start_the_test_project()
    {
        var statement = new StackPolicies(WithTests()).PipelineRolePolicy().Statements.Single(s => s.Sid == "BuildWithCodeBuild");

        Assert.Equal(["arn:aws:codebuild:us-east-1:123456789012:project/demo-build", "arn:aws:codebuild:us-east-1:123456789012:project/demo-test"], statement.Resources);
    }

    [Fact]
    public async Task Apply_creates_the_groups_before_the_test_project_and_the_project_before_the_pipeline()
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers();

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(WithTests()), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var calls = drivers.Calls.ToList();
        Assert.True(calls.IndexOf("create demo-test-unit") < calls.IndexOf("create demo-test"));
        Assert.True(calls.IndexOf("create demo-test-coverage") < calls.IndexOf("create demo-test"));
        Assert.True(calls.IndexOf("create demo-test") < calls.IndexOf("create demo-pipeline"));
        Assert.IsType<ReportGroupSpec>(drivers.Desired[$"{ResourceTypes.ReportGroup} demo-test-unit"]);
    }

    [Fact]
    public async Task Teardown_deletes_the_test_project_before_its_report_groups_and_keeps_groups_it_does_not_own()
    {
        var drivers = new StackTeardownTests.InventoryDrivers(owner: "demo") { Sequential = true };
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(DesiredStack.From(WithTests()), new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var order = drivers.Deleted.ToList();
        Assert.True(order.IndexOf("demo-test") < order.IndexOf("demo-test-unit"));
        Assert.True(order.IndexOf("demo-test") < order.IndexOf("demo-test-coverage"));
        Assert.Contains("demo-test-role", order);

        var foreign = new StackTeardownTests.InventoryDrivers(owner: "someone-else");
        var kept = await new StackTeardown(foreign, SilentProgress.Instance).RemoveAsync(DesiredStack.From(WithTests()), new TeardownOptions(), CancellationToken.None);
        Assert.Equal(ResourceAction.Kept, kept.Resources.Single(r => r.Name == "demo-test-unit").Action);
        Assert.Empty(foreign.Deleted);
    }

    [Fact]
    public void A_report_group_as_wanted_has_no_differences_and_one_of_another_type_or_export_lists_both()
    {
        var desired = DesiredStack.From(WithTests()).Desired<ReportGroupSpec, ReportGroupState>(ResourceKeys.ReportGroup("unit"));
        var same = new ReportGroupState(desired.Name, desired.Arn, "TEST", "NO_EXPORT", desired.Tags);

        Assert.Empty(desired.DifferencesFrom(same));
        Assert.Equal(["type: CODE_COVERAGE -> TEST", "export: S3 -> NO_EXPORT"], desired.DifferencesFrom(same with { Type = "CODE_COVERAGE", ExportConfigType = "S3" }));
        var document = DesiredDocument.Of(desired)!;
        Assert.Equal(("demo-test-unit", "TEST", "NO_EXPORT"), (document["name"]!.GetValue<string>(), document["type"]!.GetValue<string>(), document["export"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("reports:\n  arn:aws:codebuild:us-east-1:123456789012:report-group/theirs:\n    files: [a.xml]\n", "--test-buildspec", "by ARN")]
    [InlineData("reports:\n  \"unit tests\":\n    files: [a.xml]\n", "--test-buildspec", "letters, digits")]
    public void A_report_the_stage_cannot_own_is_refused_naming_the_option(string reports, string option, string rule)
    {
        var spec = TestStacks.Demo() with { Test = new TestStage($"version: 0.2\nphases:\n  build:\n    commands: [make]\n{reports}") };

        var error = Assert.Single(new StackSpecValidator().Validate(spec));

        Assert.StartsWith(option, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_input_other_than_build_or_source_and_a_group_name_codebuild_would_refuse_are_refused()
    {
        var input = Assert.Single(new StackSpecValidator().Validate(WithTests("dist")));
        Assert.Equal("--test-input", input.Field);

        var longName = new string('r', 130);
        var tooLong = Assert.Single(new StackSpecValidator().Validate(TestStacks.Demo() with { Test = new TestStage($"version: 0.2\nphases:\n  build:\n    commands: [make]\nreports:\n  {longName}:\n    files: [a.xml]\n") }));
        Assert.Contains("128", tooLong.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_environments_whose_test_projects_would_be_one_are_a_clash()
    {
        var staging = TestStacks.Demo() with { Test = new TestStage(TestBuildspec), TestProjectName = "one-test" };
        var production = StackSpec.FromStackName("demo-prod", "us-east-1", TestStacks.Account) with { StackName = "demo", Test = new TestStage(TestBuildspec), TestProjectName = "one-test" };

        var errors = StackNameClashes.Find([new EnvironmentStackSpec("staging", staging), new EnvironmentStackSpec("production", production)]);

        Assert.Contains(errors, e => e.Rule.Contains("test project", StringComparison.Ordinal));
    }

    [Fact]
    public void Environments_whose_report_groups_would_be_one_are_a_clash()
    {
        // Environment "a" reports "test-unit" into shop-a-test-test-unit, and so does environment "a-test" with "unit".
        var first = StackSpec.FromStackName("shop-a", "us-east-1", TestStacks.Account) with { StackName = "shop", Test = new TestStage("version: 0.2\nphases:\n  build:\n    commands: [make]\nreports:\n  test-unit:\n    files: [a.xml]\n") };
        var second = StackSpec.FromStackName("shop-a-test", "us-east-1", TestStacks.Account) with { StackName = "shop", Test = new TestStage("version: 0.2\nphases:\n  build:\n    commands: [make]\nreports:\n  unit:\n    files: [a.xml]\n") };

        var error = Assert.Single(StackNameClashes.Find([new EnvironmentStackSpec("a", first), new EnvironmentStackSpec("a-test", second)]));

        Assert.Equal(("--test-buildspec", "shop-a-test-test-unit"), (error.Field, error.Value));
    }

    [Fact]
    public void The_stack_file_test_section_sets_the_stage_and_the_command_line_wins()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: demo\ntest:\n  buildspec: tests.yml\n  input: source\n");
        Assert.Empty(errors);
        var test = file!.Test!;
        Assert.Equal(new StackFileTest { Buildspec = "tests.yml", Input = "source" }, test);

        // Parse reads no file: without the buildspec's text there is no stage yet (Load fills it in).
        Assert.Null(file.ToSpecs("us-east-1", TestStacks.Account)[0].Spec.Test);
        var loaded = file with { Test = test with { BuildspecContent = TestBuildspec } };
        Assert.Equal(new TestStage(TestBuildspec, TestInputs.Source), loaded.ToSpecs("us-east-1", TestStacks.Account)[0].Spec.Test);
        var overridden = loaded.ToSpecs("us-east-1", TestStacks.Account, new StackOverrides { TestInput = TestInputs.Build })[0].Spec.Test;
        Assert.Equal(TestInputs.Build, overridden!.Input);
        Assert.Equal(new TestStage("x", TestInputs.Build), new StackOverrides { TestBuildspecContent = "x" }.ApplyTo(TestStacks.Demo()).Test);
    }

    [Theory]
    [InlineData("name: demo\ntest:\n  input: source\n", "test.buildspec is required")]
    [InlineData("name: demo\ntest:\n  buildspec: t.yml\n  input: dist\n", "test.input must be one of build, source")]
    [InlineData("name: demo\ntest: t.yml\n", "test must be a mapping")]
    public void A_broken_test_section_is_reported_at_its_line(string yaml, string message)
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", yaml);

        Assert.Null(file);
        Assert.Contains(message, Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_checks_the_test_buildspec_with_the_buildspec_validator_and_reports_a_missing_one_at_its_line()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-test-stage-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "pipectl.yaml"), "name: demo\ntest:\n  buildspec: tests.yml\n");
            File.WriteAllText(Path.Combine(folder.FullName, "tests.yml"), "version: 0.2\nphases:\n  build:\n    commands: {npm: test}\n");
            var (broken, problems) = StackFileParser.Load("pipectl.yaml", folder.FullName);
            Assert.Null(broken);
            Assert.StartsWith("tests.yml:4:", Assert.Single(problems).ToString(), StringComparison.Ordinal);

            File.Delete(Path.Combine(folder.FullName, "tests.yml"));
            var (missing, missingProblems) = StackFileParser.Load("pipectl.yaml", folder.FullName);
            Assert.Null(missing);
            Assert.Equal("pipectl.yaml:3:14: test.buildspec: no such file tests.yml", Assert.Single(missingProblems).ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_node_app_sample_declares_a_junit_report_its_npm_test_writes()
    {
        var reports = BuildspecReports.Read(RepositoryFiles.Read("samples/node-app/buildspec-test.yml"));

        Assert.Equal([new BuildspecReport("unit", "TEST")], reports);
        Assert.Contains("--test-reporter-destination=test-results.xml", RepositoryFiles.Read("samples/node-app/package.json"), StringComparison.Ordinal);
        Assert.Contains("- test-results.xml", RepositoryFiles.Read("samples/node-app/buildspec-test.yml"), StringComparison.Ordinal);
    }
}
