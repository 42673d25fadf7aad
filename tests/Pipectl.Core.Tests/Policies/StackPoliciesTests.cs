using System.Text.Json;
using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Policies;

public sealed class StackPoliciesTests
{
    private const string Account = TestStacks.Account;

    private static StackPolicies PoliciesOf(StackSpec spec) => new(spec);

    private static IEnumerable<PolicyDocument> RolePolicyDocuments(StackPolicies policies) =>
        policies.Roles.SelectMany(r => new[] { r.TrustPolicy, r.InlinePolicy });

    /// <summary>Every string in the named property of every statement, whether written as a string or an array.</summary>
    private static List<string> Values(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<string>();
        foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
        {
            if (!statement.TryGetProperty(property, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                values.AddRange(value.EnumerateArray().Select(v => v.GetString()!));
            }
            else
            {
                values.Add(value.GetString()!);
            }
        }

        return values;
    }

    private static JsonElement SingleStatement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Assert.Single(document.RootElement.GetProperty("Statement").EnumerateArray().ToList()).Clone();
    }

    public static TheoryData<StackSpec> Variants() => new()
    {
        TestStacks.Demo(),
        TestStacks.Demo() with { ApprovalEmail = "ops@example.com" },
        TestStacks.Demo() with { SourceType = "CODEPIPELINE", Approval = true },
        StackSpec.FromStackName("demo", "cn-north-1", Account),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void No_role_policy_statement_has_a_wildcard_action_or_resource(StackSpec spec)
    {
        foreach (var json in RolePolicyDocuments(PoliciesOf(spec)).Select(d => d.ToJson()))
        {
            foreach (var action in Values(json, "Action"))
            {
                Assert.DoesNotContain("*", action, StringComparison.Ordinal);
            }

            foreach (var resource in Values(json, "Resource"))
            {
                Assert.NotEqual("*", resource);
                // Only the object-level "bucket/*" and the log streams ":*" suffixes, both under an exact ARN.
                Assert.True(
                    !resource.Contains('*', StringComparison.Ordinal)
                    || resource.EndsWith("/*", StringComparison.Ordinal) && resource.StartsWith("arn:aws", StringComparison.Ordinal) && resource.Contains(":s3:::demo-", StringComparison.Ordinal)
                    || resource.EndsWith(":log-group:/aws/codebuild/demo-build:*", StringComparison.Ordinal),
                    $"unexpected wildcard resource {resource}");
            }
        }
    }

    [Fact]
    public void Role_policies_have_no_principal_and_every_statement_names_resources()
    {
        var policies = PoliciesOf(TestStacks.Demo());

        foreach (var role in policies.Roles)
        {
            foreach (var statement in role.InlinePolicy.Statements)
            {
                Assert.Null(statement.Principal);
                Assert.Equal("Allow", statement.Effect);
                Assert.NotEmpty(statement.Resources);
                Assert.NotEmpty(statement.Actions);
            }
        }
    }

    [Theory]
    [InlineData("build", "codebuild.amazonaws.com")]
    [InlineData("pipeline", "codepipeline.amazonaws.com")]
    [InlineData("events", "events.amazonaws.com")]
    public void Service_trust_policies_have_one_statement_with_a_plain_string_service(string role, string service)
    {
        var policies = PoliciesOf(TestStacks.Demo());
        var trust = role switch
        {
            "build" => policies.BuildRole.TrustPolicy,
            "pipeline" => policies.PipelineRole.TrustPolicy,
            _ => policies.EventsRole.TrustPolicy,
        };

        var statement = SingleStatement(trust.ToJson());

        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        var principal = statement.GetProperty("Principal").GetProperty("Service");
        Assert.Equal(JsonValueKind.String, principal.ValueKind);
        Assert.Equal(service, principal.GetString());
        Assert.Equal(["sts:AssumeRole"], Values(trust.ToJson(), "Action"));
        Assert.False(statement.TryGetProperty("Resource", out _));
    }

    [Fact]
    public void Pipeline_trust_policy_lets_CodePipeline_assume_the_role_for_this_account_where_the_key_is_sent_and_cannot_lock_it_out()
    {
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Sid":"TrustService","Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":["sts:AssumeRole"],"Condition":{"StringEqualsIfExists":{"aws:SourceAccount":"123456789012"}}}]}""",
            PoliciesOf(TestStacks.Demo()).PipelineRole.TrustPolicy.ToJson());
    }

    [Fact]
    public void Build_and_events_trusts_are_scoped_to_the_account_and_the_project_or_rule_ARN()
    {
        var policies = PoliciesOf(TestStacks.Demo());

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Sid":"TrustService","Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":["sts:AssumeRole"],"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:codebuild:us-east-1:123456789012:project/demo-build"},"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""",
            policies.BuildRole.TrustPolicy.ToJson());
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Sid":"TrustService","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":["sts:AssumeRole"],"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:events:us-east-1:123456789012:rule/demo-trigger"},"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""",
            policies.EventsRole.TrustPolicy.ToJson());
    }

    [Fact]
    public void Every_service_trust_has_aws_SourceAccount_and_an_old_trust_without_it_is_a_difference()
    {
        var stack = Pipectl.Core.Orchestration.DesiredStack.From(TestStacks.Demo());
        var serviceRoles = new[] { stack.BuildRole, stack.PipelineRole, stack.EventsRole };
        const string oldTrust = """{"Version":"2012-10-17","Statement":[{"Sid":"TrustService","Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

        Assert.All(serviceRoles, r => Assert.Contains("\"aws:SourceAccount\":\"123456789012\"", r.TrustPolicy, StringComparison.Ordinal));
        var existing = new Pipectl.Core.Resources.RoleState(stack.BuildRole.Name, "arn", oldTrust, stack.BuildRole.InlinePolicies, stack.BuildRole.Tags);
        var change = Assert.Single(Pipectl.Core.Provisioning.Differences.Of(stack.BuildRole.DifferencesFrom(existing)));
        Assert.Equal("trust policy", change.Attribute);
        Assert.Equal("TrustService", change.Statement);
        Assert.Contains("+condition StringEquals aws:SourceAccount=123456789012", change.Line, StringComparison.Ordinal);
        Assert.False(change.Widens);
    }

    [Fact]
    public void Deploy_role_is_trusted_by_the_pipeline_role_which_may_assume_it()
    {
        var policies = PoliciesOf(TestStacks.Demo());
        var deployRoleArn = $"arn:aws:iam::{Account}:role/demo-deploy-role";

        var trust = SingleStatement(policies.DeployRole.TrustPolicy.ToJson());
        Assert.Equal($"arn:aws:iam::{Account}:role/demo-codepipeline-role", trust.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(deployRoleArn, policies.DeployRole.Arn);

        var assume = Assert.Single(policies.PipelineRolePolicy().Statements, s => s.Actions.Contains("sts:AssumeRole"));
        Assert.Equal([deployRoleArn], assume.Resources);
    }

    [Fact]
    public void Roles_are_ordered_so_the_pipeline_role_exists_before_the_deploy_role_names_it()
    {
        var names = PoliciesOf(TestStacks.Demo()).Roles.Select(r => r.Name).ToList();

        Assert.Equal(4, names.Count);
        Assert.True(names.IndexOf("demo-codepipeline-role") < names.IndexOf("demo-deploy-role"));
        Assert.All(PoliciesOf(TestStacks.Demo()).Roles, r => Assert.Equal(StackDefaults.InlinePolicyName, r.InlinePolicyName));
    }

    [Fact]
    public void Pipeline_role_policy_is_scoped_to_the_stacks_exact_arns()
    {
        var policy = PoliciesOf(TestStacks.Demo()).PipelineRolePolicy();
        var grants = policy.Statements.SelectMany(s => s.Actions.Select(a => (Action: a, s.Resources))).ToList();

        IReadOnlyList<string> ResourcesOf(string action) => Assert.Single(grants, g => g.Action == action).Resources;

        var artifacts = new[] { "arn:aws:s3:::demo-artifacts-123456789012-us-east-1", "arn:aws:s3:::demo-artifacts-123456789012-us-east-1/*" };
        foreach (var action in new[] { "s3:GetObject", "s3:GetObjectVersion", "s3:GetBucketVersioning", "s3:PutObject" })
        {
            Assert.Equal(artifacts, ResourcesOf(action));
        }

        foreach (var action in new[] { "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive" })
        {
            Assert.Equal(["arn:aws:codecommit:us-east-1:123456789012:demo"], ResourcesOf(action));
        }

        Assert.Equal(["arn:aws:codebuild:us-east-1:123456789012:project/demo-build"], ResourcesOf("codebuild:StartBuild"));
        Assert.Equal(["arn:aws:codebuild:us-east-1:123456789012:project/demo-build"], ResourcesOf("codebuild:BatchGetBuilds"));
        Assert.DoesNotContain(grants, g => g.Action == "sns:Publish");
    }

    [Fact]
    public void Pipeline_role_may_publish_to_the_topic_only_when_an_approval_email_is_set()
    {
        Assert.DoesNotContain(
            PoliciesOf(TestStacks.Demo() with { Approval = true }).PipelineRolePolicy().Statements,
            s => s.Actions.Contains("sns:Publish"));

        var publish = Assert.Single(
            PoliciesOf(TestStacks.Demo() with { ApprovalEmail = "ops@example.com" }).PipelineRolePolicy().Statements,
            s => s.Actions.Contains("sns:Publish"));
        Assert.Equal(["arn:aws:sns:us-east-1:123456789012:demo-approvals"], publish.Resources);
    }

    [Fact]
    public void Build_role_writes_only_its_own_log_group_and_the_artifacts()
    {
        var policy = PoliciesOf(TestStacks.Demo()).BuildRolePolicy();

        var logs = Assert.Single(policy.Statements, s => s.Actions.Contains("logs:PutLogEvents"));
        Assert.Equal(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], logs.Actions);
        Assert.Equal(
            [
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/demo-build",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/demo-build:*",
            ],
            logs.Resources);

        var artifacts = Assert.Single(policy.Statements, s => s.Actions.Contains("s3:PutObject"));
        Assert.Equal(["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], artifacts.Actions);
        Assert.All(artifacts.Resources, r => Assert.StartsWith("arn:aws:s3:::demo-artifacts-", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_role_may_clone_the_repository_only_when_the_project_source_is_codecommit()
    {
        var clone = Assert.Single(PoliciesOf(TestStacks.Demo() with { SourceType = "CODECOMMIT" }).BuildRolePolicy().Statements, s => s.Actions.Contains("codecommit:GitPull"));
        Assert.Equal(["arn:aws:codecommit:us-east-1:123456789012:demo"], clone.Resources);

        Assert.DoesNotContain(
            PoliciesOf(TestStacks.Demo() with { SourceType = "CODEPIPELINE" }).BuildRolePolicy().Statements.SelectMany(s => s.Actions),
            a => a.StartsWith("codecommit:", StringComparison.Ordinal));
    }

    [Fact]
    public void Deploy_role_writes_only_the_site_objects_and_reads_only_artifacts()
    {
        var policy = PoliciesOf(TestStacks.Demo()).DeployRole.InlinePolicy;

        var put = Assert.Single(policy.Statements, s => s.Actions.Contains("s3:PutObject"));
        Assert.Equal(["arn:aws:s3:::demo-site-123456789012-us-east-1/*"], put.Resources);
        var read = Assert.Single(policy.Statements, s => !s.Actions.Contains("s3:PutObject"));
        Assert.Equal(["arn:aws:s3:::demo-artifacts-123456789012-us-east-1/*"], read.Resources);
        Assert.DoesNotContain("s3:PutObject", read.Actions);
    }

    [Fact]
    public void Events_role_may_only_start_this_pipeline()
    {
        var statement = Assert.Single(PoliciesOf(TestStacks.Demo()).EventsRolePolicy().Statements);

        Assert.Equal(["codepipeline:StartPipelineExecution"], statement.Actions);
        Assert.Equal(["arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline"], statement.Resources);
    }

    [Fact]
    public void China_region_policies_use_the_aws_cn_partition()
    {
        var json = PoliciesOf(StackSpec.FromStackName("demo", "cn-north-1", Account)).PipelineRolePolicy().ToJson();

        Assert.All(Values(json, "Resource"), r => Assert.StartsWith("arn:aws-cn:", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Artifact_bucket_policy_denies_non_tls_on_bucket_and_objects()
    {
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":["s3:*"],"Resource":["arn:aws:s3:::demo-artifacts-123456789012-us-east-1","arn:aws:s3:::demo-artifacts-123456789012-us-east-1/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""",
            PoliciesOf(TestStacks.Demo()).ArtifactBucketPolicy().ToJson());
    }

    [Fact]
    public void Site_bucket_policy_is_the_single_public_read_statement()
    {
        var json = PoliciesOf(TestStacks.Demo()).SiteBucketPolicy()!.ToJson();

        var statement = SingleStatement(json);
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("*", statement.GetProperty("Principal").GetString());
        Assert.Equal(["s3:GetObject"], Values(json, "Action"));
        Assert.Equal(["arn:aws:s3:::demo-site-123456789012-us-east-1/*"], Values(json, "Resource"));
    }

    [Fact]
    public void Private_site_has_no_bucket_policy()
    {
        Assert.Null(PoliciesOf(TestStacks.Demo() with { PrivateSite = true }).SiteBucketPolicy());
    }

    [Fact]
    public void Same_spec_gives_byte_identical_documents()
    {
        var first = PoliciesOf(TestStacks.Demo() with { ApprovalEmail = "ops@example.com" });
        var second = PoliciesOf(TestStacks.Demo() with { ApprovalEmail = "ops@example.com" });

        Assert.Equal(
            RolePolicyDocuments(first).Select(d => d.ToJson()),
            RolePolicyDocuments(second).Select(d => d.ToJson()));
    }

    [Fact]
    public void Placeholder_account_is_written_unescaped_for_display()
    {
        var json = PoliciesOf(StackSpec.FromStackName("demo", "us-east-1", null)).EventsRolePolicy().ToJson();

        Assert.Contains("arn:aws:codepipeline:us-east-1:<account>:demo-pipeline", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_role_may_create_report_groups_only_on_the_stacks_exact_report_group_ARNs()
    {
        var spec = TestStacks.Demo() with { Test = new TestStage("version: 0.2\nphases:\n  build:\n    commands: [make]\nreports:\n  unit:\n    files: [a.xml]\n") };

        var reports = PoliciesOf(spec).TestRole().InlinePolicy.Statements.Single(s => s.Sid == "WriteTestReports");

        Assert.Contains(PolicyActions.CodeBuildCreateReportGroup, reports.Actions);
        Assert.Equal([$"arn:aws:codebuild:us-east-1:{Account}:report-group/{spec.ReportGroupName("unit")}"], reports.Resources);
    }

    [Theory]
    [InlineData("arn:aws:codeconnections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11", new[] { "codeconnections:UseConnection" })]
    [InlineData("arn:aws:codestar-connections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11", new[] { "codestar-connections:UseConnection" })]
    [InlineData(null, new[] { "codeconnections:UseConnection" })]
    public void UseConnection_is_granted_under_the_prefix_of_the_connections_ARN_only(string? connectionArn, string[] actions)
    {
        var spec = TestStacks.Demo() with { Source = "github:octo/site", ConnectionArn = connectionArn };

        var source = PoliciesOf(spec).PipelineRolePolicy().Statements.Single(s => s.Sid == "SourceFromConnection");

        Assert.Equal(actions, source.Actions);
        Assert.Equal([StackArns.For(spec).Connection], source.Resources);
    }

    [Fact]
    public void An_ARN_that_could_be_either_prefix_is_granted_both()
    {
        Assert.Equal(
            [PolicyActions.CodeConnectionsUseConnection, PolicyActions.CodeStarConnectionsUseConnection],
            StackPolicies.ConnectionActions("<connection ARN>"));
    }

    /// <summary>
    /// Every policy document pipectl writes for a stack of each shape: no Allow names an action with a wildcard; a
    /// resource is either an ARN whose partition, service, region and account are spelled out and whose resource
    /// part starts with a name (a trailing /* or :* under a named bucket, log group, family or cluster is scoped), or
    /// exactly <c>*</c> in one of the two documented statements (docs/permissions.md).
    /// </summary>
    [Fact]
    public void No_policy_pipectl_writes_has_a_wildcard_other_than_the_two_documented_ones()
    {
        var reports = "version: 0.2\nphases:\n  build:\n    commands: [make]\nreports:\n  unit:\n    files: [a.xml]\n";
        var ecs = TestStacks.Demo() with { Deploy = DeployTargets.Ecs, Ecs = new EcsDeployment { Cluster = "prod", Service = "web", ContainerName = "app" } };
        var service = new Pipectl.Core.Resources.EcsServiceState("prod", "web", true, true, "arn:aws:ecs:us-east-1:123456789012:service/prod/web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", "arn:aws:iam::123456789012:role/web-task", null, ["app"]);
        var specs = new[]
        {
            TestStacks.Demo() with { Approval = true, ApprovalEmail = "ops@example.com" },
            TestStacks.Demo() with { Site = SiteTypes.CloudFront, Test = new TestStage(reports) },
            TestStacks.Demo() with { Source = "github:octo/site" },
            ecs,
        };
        var documents = new List<(string Where, PolicyDocument Document)>();
        foreach (var spec in specs)
        {
            var policies = PoliciesOf(spec);
            IEnumerable<RoleDefinition> roles = [.. policies.Roles, policies.TestRole(), policies.InvalidationRole("arn:aws:cloudfront::123456789012:distribution/E1"), new EcsPolicies(spec).DeployRole(service), new EcsPolicies(spec).DeployRole(null)];
            documents.AddRange(roles.SelectMany(r => new[] { (r.Name, r.TrustPolicy), (r.Name, r.InlinePolicy) }));
            documents.Add(("artifact bucket", policies.ArtifactBucketPolicy()));
            documents.Add(("cloudfront site bucket", policies.CloudFrontSiteBucketPolicy("arn:aws:cloudfront::123456789012:distribution/E1")));
            if (policies.SiteBucketPolicy() is { } site)
            {
                documents.Add(("site bucket", site));
            }
        }

        string[] documented = [EcsPolicies.EcrLoginSid, EcsPolicies.TaskDefinitionsSid];
        var found = new List<string>();
        foreach (var (where, document) in documents)
        {
            foreach (var statement in document.Statements.Where(s => s.Effect == PolicyStatement.AllowEffect))
            {
                found.AddRange(statement.Actions.Where(a => a.Contains('*', StringComparison.Ordinal)).Select(a => $"{where} {statement.Sid}: action {a}"));
                foreach (var resource in statement.Resources)
                {
                    var fields = resource.Split(':', 6);
                    var scoped = fields.Length == 6 && fields[0] == "arn" && !fields[..5].Any(f => f.Contains('*', StringComparison.Ordinal)) && fields[5].Length > 0 && fields[5][0] != '*' && !fields[5].Contains("/*/", StringComparison.Ordinal);
                    var allowed = scoped || (resource == "*" && documented.Contains(statement.Sid));
                    if (!allowed && !resource.StartsWith('<'))
                    {
                        found.Add($"{where} {statement.Sid}: resource {resource}");
                    }
                }
            }
        }

        Assert.Empty(found);
        Assert.Contains(documents, d => d.Document.Statements.Any(s => s.Sid == EcsPolicies.TaskDefinitionsSid && s.Resources.SequenceEqual(["*"])));
    }
}
