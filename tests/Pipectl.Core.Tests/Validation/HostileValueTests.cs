using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Validation;

/// <summary>Values that used to pass: stray newlines, full refs, long environment names, secret-looking build variables.</summary>
public sealed class HostileValueTests
{
    private readonly StackSpecValidator validator = new();

    public static TheoryData<string, Func<StackSpec, string, StackSpec>> NameFields() => new()
    {
        { StackOptionNames.PipelineName, (s, v) => s with { PipelineName = v } },
        { StackOptionNames.RuleName, (s, v) => s with { RuleName = v } },
        { StackOptionNames.BuildRoleName, (s, v) => s with { BuildRoleName = v } },
        { StackOptionNames.BuildProjectName, (s, v) => s with { BuildProjectName = v } },
        { StackOptionNames.RepositoryName, (s, v) => s with { RepositoryName = v } },
        { StackOptionNames.ArtifactBucketName, (s, v) => s with { ArtifactBucketName = v } },
        { StackOptionNames.DeployRoleName, (s, v) => s with { DeployRoleName = v } },
    };

    [Theory]
    [MemberData(nameof(NameFields))]
    public void A_trailing_newline_tab_or_escape_in_a_name_is_refused(string field, Func<StackSpec, string, StackSpec> set)
    {
        foreach (var suffix in new[] { "\n", "\t", " ", "\u001b[2J", "\r" })
        {
            var errors = validator.Validate(set(TestStacks.Demo(), "nlx-pipe" + suffix));

            var error = Assert.Single(errors, e => e.Field == field);
            Assert.DoesNotContain('\n', error.ToString());
            Assert.DoesNotContain('\u001b', error.ToString());
        }
    }

    [Fact]
    public void Approval_email_and_topic_with_a_newline_are_refused()
    {
        var spec = TestStacks.Demo() with { ApprovalEmail = "ops@example.com\n", ApprovalTopicName = "topic\n" };

        var errors = validator.Validate(spec);

        Assert.Contains(errors, e => e.Field == StackOptionNames.ApprovalEmail);
        Assert.Contains(errors, e => e.Field == StackOptionNames.ApprovalTopicName);
    }

    [Theory]
    [InlineData("us-east-1\n")]
    [InlineData(" us-east-1")]
    [InlineData("US-EAST-1")]
    public void A_region_with_whitespace_or_capitals_is_refused(string region)
    {
        Assert.Contains(validator.Validate(StackSpec.FromStackName("demo", region, TestStacks.Account)), e => e.Field == StackOptionNames.Region);
        Assert.Matches(AwsConstraints.Region(), "us-east-1");
    }

    [Fact]
    public void A_stack_file_region_with_a_newline_is_reported_at_its_line()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: demo\nregion: \"us-east-1\\n\"\n");

        Assert.Null(file);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Theory]
    [InlineData("refs/heads/main", "main")]
    [InlineData("refs/tags/v1", "main")]
    public void A_full_ref_as_branch_is_refused_with_the_branch_name_to_use(string branch, string hint)
    {
        var error = Assert.Single(validator.Validate(TestStacks.Demo() with { Branch = branch }));

        Assert.Equal(StackOptionNames.Branch, error.Field);
        Assert.Contains($"e.g. {hint}", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_environment_name_is_blamed_with_the_longest_that_fits()
    {
        var file = StackFileParser.Parse("pipectl.yaml", $"name: shop\nenvironments:\n  {new string('e', 40)}:\n    branch: main\n").File!;

        var errors = validator.ValidateAll(file.ToSpecs("us-east-1", TestStacks.Account));

        // Each environment has its own artifact bucket and site bucket: both names are too long, both blame the environment.
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("environment", e.Field));
        Assert.Contains(errors, e => e.Rule.Contains("artifact bucket", StringComparison.Ordinal) && e.Rule.Contains("at most 25 characters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Rule.Contains("site bucket", StringComparison.Ordinal) && e.Rule.Contains("at most 30 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"A B\"")]
    [InlineData("\"A=B\"")]
    [InlineData("1ABC")]
    public void Build_variable_names_a_shell_cannot_use_are_refused(string name)
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", $"name: demo\nbuild:\n  environmentVariables:\n    {name}: x\n");

        Assert.Null(file);
        Assert.Contains("not a usable name", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    A:\n")]
    [InlineData("    A: ~\n")]
    [InlineData("    A: null\n")]
    public void A_build_variable_without_a_value_is_refused(string entry)
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", $"name: demo\nbuild:\n  environmentVariables:\n{entry}");

        Assert.Null(file);
        Assert.Contains("has no value", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_store_and_secrets_manager_variables_are_read_with_their_type()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", """
            name: demo
            build:
              environmentVariables:
                STAGE: prod
                EMPTY: ""
                DB_PASSWORD: {type: SECRETS_MANAGER, value: "prod/db:password"}
                API_TOKEN:
                  type: PARAMETER_STORE
                  value: /shop/api-token
            """);

        Assert.Empty(errors);
        var variables = file!.Build.EnvironmentVariables;
        Assert.Equal(new BuildVariable("prod"), variables["STAGE"]);
        Assert.Equal(new BuildVariable(string.Empty), variables["EMPTY"]);
        Assert.Equal(new BuildVariable("prod/db:password", BuildVariableTypes.SecretsManager), variables["DB_PASSWORD"]);
        Assert.Equal(new BuildVariable("/shop/api-token", BuildVariableTypes.ParameterStore), variables["API_TOKEN"]);
    }

    [Fact]
    public void A_reference_of_the_wrong_shape_is_refused_without_echoing_it()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: demo\nbuild:\n  environmentVariables:\n    X: {type: PARAMETER_STORE, value: \"has spaces hunter2\"}\n");

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Contains("PARAMETER_STORE value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_variables_with_secret_names_are_warned_about_references_are_not()
    {
        var variables = new Dictionary<string, BuildVariable>
        {
            ["DB_PASSWORD"] = new("hunter2"),
            ["GITHUB_TOKEN"] = new("ghp_x"),
            ["API_KEY"] = new("/k", BuildVariableTypes.ParameterStore),
            ["STAGE"] = new("prod"),
        };

        var warnings = BuildVariableRules.Warnings(variables).ToList();

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("build variable DB_PASSWORD", StringComparison.Ordinal) && w.Contains("PARAMETER_STORE", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.DoesNotContain("hunter2", w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_says_which_variables_changed_and_never_a_value()
    {
        var project = DesiredProject(new Dictionary<string, BuildVariable> { ["DB_PASSWORD"] = new("new-secret-value"), ["NEW"] = new("n"), ["REF"] = new("/p", BuildVariableTypes.ParameterStore) });
        var actual = new BuildProjectState(project.Name, "arn", project.SourceType, project.SourceLocation, project.Buildspec, project.Image, project.ComputeType, project.ServiceRoleArn, project.LogGroupName, project.Tags)
        {
            EnvironmentVariables = new Dictionary<string, BuildVariable> { ["DB_PASSWORD"] = new("old-secret-value"), ["GONE"] = new("g"), ["REF"] = new("/p") },
            ArtifactsType = project.ArtifactsType,
            EnvironmentType = project.EnvironmentType,
        };

        var change = Assert.Single(project.DifferencesFrom(actual));

        Assert.Equal("environment variables: DB_PASSWORD changed, GONE removed, NEW added (PLAINTEXT), REF changed (PLAINTEXT -> PARAMETER_STORE)", change);
        Assert.DoesNotContain("secret-value", change, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_role_reads_exactly_the_referenced_parameters_and_secrets()
    {
        var spec = TestStacks.Demo() with
        {
            EnvironmentVariables = new Dictionary<string, BuildVariable>
            {
                ["A"] = new("/shop/api-token", BuildVariableTypes.ParameterStore),
                ["B"] = new("plain-name", BuildVariableTypes.ParameterStore),
                ["C"] = new("prod/db:password::", BuildVariableTypes.SecretsManager),
                ["D"] = new("plain text"),
            },
        };

        var json = new StackPolicies(spec).BuildRolePolicy().ToJson();
        var plain = new StackPolicies(TestStacks.Demo()).BuildRolePolicy().ToJson();

        Assert.Contains("\"ssm:GetParameters\"", json, StringComparison.Ordinal);
        Assert.Contains("arn:aws:ssm:us-east-1:123456789012:parameter/shop/api-token", json, StringComparison.Ordinal);
        Assert.Contains("arn:aws:ssm:us-east-1:123456789012:parameter/plain-name", json, StringComparison.Ordinal);
        Assert.Contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ssm:", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsmanager:", plain, StringComparison.Ordinal);
        Assert.Equal(["arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????"], BuildVariableArns.Secrets(spec));
    }

    [Theory]
    [InlineData("PGPASSWORD=hunter2", "PGPASSWORD=...")]
    [InlineData("root:$6$saltsalt$hash:19000:0:99999:7:::", "root:...")]
    [InlineData("a\u001b]0;title\u0007b", "a?]0;title?b")]
    [InlineData("first line\nsecond", "first line\\n...")]
    public void A_fragment_quoted_from_a_file_never_holds_a_value(string value, string shown)
    {
        Assert.Equal(shown, SafeFragment.Of(value));
    }

    private static BuildProjectSpec DesiredProject(IReadOnlyDictionary<string, BuildVariable> variables) =>
        new("demo-build", "d", "CODECOMMIT", "https://x", null, "img", "BUILD_GENERAL1_SMALL", "arn:aws:iam::123456789012:role/r", "/aws/codebuild/demo-build", new Dictionary<string, string>())
        {
            EnvironmentVariables = variables,
        };
}
