using System.Text.Json.Nodes;
using Pipectl.Core.Export;
using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Tests.Buildspecs;
using Pipectl.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Tests.Export;

public sealed class StackTemplateTests
{
    private const string Account = "123456789012";

    /// <summary>Every sample and environment, and the settings a stack can vary in.</summary>
    public static TheoryData<string> Stacks => new(Cases.Keys);

    public static TheoryData<string, string> StacksAndRegions()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Cases.Keys)
        {
            foreach (var region in new[] { "us-east-1", "eu-west-3", "cn-north-1" })
            {
                data.Add(name, region);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (string StackName, Func<string, string, string, IReadOnlyList<EnvironmentStackSpec>> SpecsFor)> Cases = new(StringComparer.Ordinal)
    {
        ["multi-env"] = ("shop", (name, region, account) => StackTemplate.FileSpecs(MultiEnv, null, name, region, account)),
        ["multi-env --env staging"] = ("shop", (name, region, account) => StackTemplate.FileSpecs(MultiEnv, "staging", name, region, account)),
        ["multi-env --env production"] = ("shop", (name, region, account) => StackTemplate.FileSpecs(MultiEnv, "production", name, region, account)),
        ["static-website"] = ("demo", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            BuildspecContent = RepositoryFiles.Read("samples/static-website/buildspec.yml"),
        })),
        ["node-app, approval mail, private site"] = ("node-demo", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            BuildspecContent = RepositoryFiles.Read("samples/node-app/buildspec.yml"),
            ApprovalEmail = "releases@example.com",
            PrivateSite = true,
        })),
        ["node-app with a test stage on the source and its report group"] = ("node-tests", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            BuildspecContent = RepositoryFiles.Read("samples/node-app/buildspec.yml"),
            Test = new TestStage(RepositoryFiles.Read("samples/node-app/buildspec-test.yml"), TestInputs.Source),
            Approval = true,
        })),
        ["CODECOMMIT source, privileged, variables, V1, manual approval"] = ("alt", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            SourceType = BuildSourceTypes.CodeCommit,
            Privileged = true,
            ComputeType = "BUILD_GENERAL1_MEDIUM",
            PipelineType = PipelineTypes.V1,
            Approval = true,
            Branch = "release/2.x",
            EnvironmentVariables = new Dictionary<string, BuildVariable>
            {
                ["STAGE"] = new("prod"),
                ["API_KEY"] = new("/alt/api-key", BuildVariableTypes.ParameterStore),
                ["TOKEN"] = new("alt/token:token", BuildVariableTypes.SecretsManager),
            },
        })),
        ["CloudFront site, approval mail"] = ("cdn", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            Site = SiteTypes.CloudFront,
            ApprovalEmail = "releases@example.com",
            BuildspecContent = RepositoryFiles.Read("samples/static-website/buildspec.yml"),
        })),
        ["multi-env, CloudFront site in each environment"] = ("shop", (name, region, account) =>
            [.. StackTemplate.FileSpecs(MultiEnv, null, name, region, account).Select(s => s with { Spec = s.Spec with { Site = SiteTypes.CloudFront } })]),
        ["GitHub source, V2 push trigger on file paths"] = ("docs", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            Source = "github:octo-org/docs-site",
            TriggerFilePaths = ["site/**", "buildspec.yml"],
        })),
        ["GitLab source, V1, CloudFront site"] = ("lab", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            Source = "gitlab:group/sub/repo",
            PipelineType = PipelineTypes.V1,
            Site = SiteTypes.CloudFront,
        })),
        ["Bitbucket source given by connection ARN"] = ("bb", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            Source = "bitbucket:team/web",
            ConnectionArn = $"arn:{AwsPartition.ForRegion(region)}:codeconnections:{region}:{account}:connection/0123abcd-0000-1111-2222-333344445555",
        })),
        ["ECS deploy, test stage"] = ("shop", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            Deploy = DeployTargets.Ecs,
            Ecs = new EcsDeployment { Cluster = "prod", Service = "shop-web", ContainerName = "web" },
            BuildspecContent = RepositoryFiles.Read("buildspecs/docker-ecs.yml"),
            Test = new TestStage(RepositoryFiles.Read("samples/node-app/buildspec-test.yml"), TestInputs.Build),
        })),
        ["existing repository, names given"] = ("given", (name, region, account) => One(StackSpec.FromStackName(name, region, account, new StackNameOverrides
        {
            RepositoryName = "legacy-repo",
            ArtifactBucketName = "given-artifacts-store",
            SiteBucketName = "www.given.example",
            PipelineName = "GivenPipeline",
        }) with
        { ExistingRepository = true })),
    };

    private static StackFile MultiEnv
    {
        get
        {
            var (file, errors) = StackFileParser.Load("samples/multi-env/pipectl.yaml", RepositoryFiles.Root);
            Assert.Empty(errors);
            return file!;
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_template_passes_the_CloudFormation_resource_schemas(string stack)
    {
        var template = Template(stack);

        Assert.Empty(ResourceSchemaCheck.Errors(template));
        Assert.True(template["Resources"]!.AsObject().Count >= 9);
    }

    [Theory]
    [MemberData(nameof(StacksAndRegions))]
    public void Deployed_in_an_account_and_region_the_template_declares_exactly_what_bootstrap_wants_there(string stack, string region)
    {
        var (stackName, specsFor) = Cases[stack];
        var partition = AwsPartition.ForRegion(region);
        var template = Template(stack);
        var specs = specsFor(stackName, region, Account);
        var resolved = TemplateResolution.Resolve(template, Account, region, partition, partition == AwsPartition.China ? "amazonaws.com.cn" : "amazonaws.com", Given(template, partition, region));
        var states = TemplateStates.From(resolved);
        var wanted = StackGraph.For(specs).Entries.Where(e => e.Wanted && !e.UseExisting).Select(e => WithService(e, specs)).ToList();

        Assert.Equal(wanted.Count, states.Count);
        foreach (var entry in wanted)
        {
            var id = CloudFormationTemplate.LogicalId(entry.Key);
            Assert.True(states.TryGetValue(id, out var state), $"{id} is missing from the template");
            Assert.Equal(entry.Name, NameOf(state));
            Assert.Empty(Differences(entry, state));
        }
    }

    [Fact]
    public void The_template_names_no_account_region_or_partition_and_leaves_no_token()
    {
        foreach (var stack in Cases.Keys)
        {
            var json = TemplateYaml.WriteJson(Template(stack));

            Assert.DoesNotContain("@@", json, StringComparison.Ordinal);
            Assert.DoesNotContain("us-east-1", json, StringComparison.Ordinal);
            Assert.DoesNotContain("arn:aws:", json, StringComparison.Ordinal);
            Assert.DoesNotContain("000000000000", json, StringComparison.Ordinal);
            Assert.Contains("${AWS::AccountId}", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_stack_name_and_each_branch_are_parameters_with_the_files_values_as_defaults()
    {
        var parameters = Template("multi-env")["Parameters"]!.AsObject();

        Assert.Equal(["StackName", "StagingBranch", "ProductionBranch"], parameters.Select(p => p.Key));
        Assert.Equal("shop", (string)parameters["StackName"]!["Default"]!);
        Assert.Equal("develop", (string)parameters["StagingBranch"]!["Default"]!);
        Assert.Equal("main", (string)parameters["ProductionBranch"]!["Default"]!);
        Assert.Equal("release/2.x", (string)Template("CODECOMMIT source, privileged, variables, V1, manual approval")["Parameters"]!["Branch"]!["Default"]!);
    }

    [Fact]
    public void The_site_bucket_policy_names_the_distribution_through_its_attribute()
    {
        var resources = Template("CloudFront site, approval mail")["Resources"]!.AsObject();

        var policy = resources["SiteBucketPolicy"]!["Properties"]!["PolicyDocument"]!.ToJsonString();
        Assert.Contains("distribution/${Distribution.Id}", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("new-distribution", Template("CloudFront site, approval mail").ToJsonString(), StringComparison.Ordinal);
        var variables = resources["InvalidationProject"]!["Properties"]!["Environment"]!["EnvironmentVariables"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::GetAtt"] = new JsonArray("Distribution", "Id") }, variables.Single(v => (string?)v!["Name"] == "DISTRIBUTION_ID")!["Value"]));
        Assert.Equal("AWS::CloudFront::OriginAccessControl", (string?)resources["DistributionAccessControl"]!["Type"]);
    }

    [Fact]
    public void The_distribution_runs_the_published_index_function_the_template_declares()
    {
        var resources = Template("CloudFront site, approval mail")["Resources"]!.AsObject();

        var function = resources["DistributionIndexFunction"]!;
        Assert.Equal("AWS::CloudFront::Function", (string?)function["Type"]);
        Assert.Equal("${StackName}-site-index-${AWS::Region}", (string?)function["Properties"]!["Name"]!["Fn::Sub"]);
        Assert.True((bool)function["Properties"]!["AutoPublish"]!);
        var association = resources["Distribution"]!["Properties"]!["DistributionConfig"]!["DefaultCacheBehavior"]!["FunctionAssociations"]!.AsArray().Single()!;
        Assert.Equal("viewer-request", (string?)association["EventType"]);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::GetAtt"] = new JsonArray("DistributionIndexFunction", "FunctionARN") }, association["FunctionARN"]));
    }

    [Fact]
    public void Each_environment_names_its_own_distribution()
    {
        var resources = Template("multi-env, CloudFront site in each environment")["Resources"]!.AsObject();

        Assert.Contains("${StagingDistribution.Id}", resources["StagingSiteBucketPolicy"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ProductionDistribution", resources["StagingSiteBucketPolicy"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("${ProductionDistribution.Id}", resources["ProductionInvalidationRole"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("ProductionDistributionIndexFunction", resources["ProductionDistribution"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("StagingDistributionIndexFunction", resources["ProductionDistribution"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_and_its_role_name_the_connection_the_template_creates()
    {
        var resources = Template("GitHub source, V2 push trigger on file paths")["Resources"]!.AsObject();

        Assert.Equal("AWS::CodeStarConnections::Connection", (string?)resources["Connection"]!["Type"]);
        Assert.Equal("GitHub", (string?)resources["Connection"]!["Properties"]!["ProviderType"]);
        Assert.Contains("${Connection.ConnectionArn}", resources["Pipeline"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("${Connection.ConnectionArn}", resources["PipelineRole"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("created-by-bootstrap", resources.ToJsonString(), StringComparison.Ordinal);
        Assert.False(resources.ContainsKey("Rule"));
        var push = resources["Pipeline"]!["Properties"]!["Triggers"]![0]!["GitConfiguration"]!["Push"]![0]!;
        Assert.Equal(["site/**", "buildspec.yml"], push["FilePaths"]!["Includes"]!.AsArray().Select(f => (string)f!));
        Assert.DoesNotContain("Connection", Template("Bitbucket source given by connection ARN")["Resources"]!.AsObject().Select(r => r.Key));
    }

    [Fact]
    public void The_roles_an_ECS_deploy_role_may_pass_are_parameters_without_defaults()
    {
        var template = Template("ECS deploy, test stage");
        var parameters = template["Parameters"]!.AsObject();

        Assert.All(["EcsTaskRoleArn", "EcsExecutionRoleArn", "EcsTaskDefinitionFamily"], p => Assert.Null(parameters[p]!["Default"]));
        var deployRole = template["Resources"]!["DeployRole"]!.ToJsonString();
        Assert.Contains("${EcsTaskRoleArn}", deployRole, StringComparison.Ordinal);
        Assert.Contains("${EcsExecutionRoleArn}", deployRole, StringComparison.Ordinal);
        Assert.Contains("task-definition/${EcsTaskDefinitionFamily}:*", deployRole, StringComparison.Ordinal);
        Assert.DoesNotContain("roles of the service", deployRole, StringComparison.Ordinal);
        Assert.Equal("AWS::ECR::Repository", (string?)template["Resources"]!["EcrRepository"]!["Type"]);
        Assert.Null(Template("static-website")["Parameters"]!["EcsTaskRoleArn"]);
    }

    [Fact]
    public void An_existing_repository_is_not_in_the_template_and_nothing_depends_on_it()
    {
        var template = Template("existing repository, names given");

        Assert.DoesNotContain(template["Resources"]!.AsObject(), r => (string?)r.Value!["Type"] == "AWS::CodeCommit::Repository");
        Assert.DoesNotContain("\"Repository\"", template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Retain_keeps_every_resource_for_an_import_and_still_passes_the_schemas()
    {
        var (stackName, specsFor) = Cases["multi-env"];
        var template = StackTemplate.For(stackName, specsFor, retain: true);

        Assert.All(template["Resources"]!.AsObject(), r => Assert.Equal(("Retain", "Retain"), ((string?)r.Value!["DeletionPolicy"], (string?)r.Value!["UpdateReplacePolicy"])));
        Assert.DoesNotContain(Template("multi-env")["Resources"]!.AsObject(), r => r.Value!["DeletionPolicy"] is not null);
        Assert.Empty(ResourceSchemaCheck.Errors(template));
    }

    [Fact]
    public void Environments_whose_logical_ids_would_clash_are_refused()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: shop\nenvironments:\n  a-1: {}\n  a1: {}\n");
        Assert.Empty(errors);

        var error = Assert.Throws<LogicalIdClashException>(() => StackTemplate.For("shop", (name, region, account) => StackTemplate.FileSpecs(file!, null, name, region, account)));

        Assert.StartsWith("a-1/artifact-bucket and a1/artifact-bucket get the same CloudFormation logical ID A1ArtifactBucket", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.BadInput, error.ErrorCode);
    }

    [Fact]
    public void The_users_own_text_is_never_substituted()
    {
        const string buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo \"${CODEBUILD_BUILD_ID} arn:aws:s3:::x @@StackName@@\"\n";
        var template = StackTemplate.For("demo", (name, region, account) => One(StackSpec.FromStackName(name, region, account) with
        {
            BuildspecContent = buildspec,
            EnvironmentVariables = new Dictionary<string, BuildVariable> { ["V"] = new("${NOT_A_PARAMETER}") },
        }));

        var project = template["Resources"]!["BuildProject"]!["Properties"]!;
        Assert.Equal(buildspec, (string)project["Source"]!["BuildSpec"]!);
        Assert.Equal("${NOT_A_PARAMETER}", (string)project["Environment"]!["EnvironmentVariables"]![0]!["Value"]!);
    }

    [Fact]
    public void The_schema_check_finds_unknown_properties_bad_enums_patterns_and_missing_required_properties()
    {
        var template = Template("static-website");
        var resources = template["Resources"]!.AsObject();
        resources["Rule"]!["Properties"]!["State"] = "ON";
        resources["Rule"]!["Properties"]!["Colour"] = "blue";
        resources["SiteBucket"]!["Properties"]!["BucketName"] = "Not_A_Bucket";
        resources["BuildProject"]!["Properties"]!.AsObject().Remove("Artifacts");
        resources["Pipeline"]!["DependsOn"] = new JsonArray("Nowhere");
        resources["PipelineRole"]!["Properties"]!["RoleName"] = new JsonObject { ["Fn::Sub"] = "${Unknown}-role" };

        var errors = ResourceSchemaCheck.Errors(template);

        Assert.Contains(errors, e => e.StartsWith("Rule.State: \"ON\" is none of", StringComparison.Ordinal));
        Assert.Contains("Rule.Colour: no such property in the schema", errors);
        Assert.Contains(errors, e => e.StartsWith("SiteBucket.BucketName: \"Not_A_Bucket\" does not match", StringComparison.Ordinal));
        Assert.Contains("BuildProject: the required property Artifacts is missing", errors);
        Assert.Contains("Pipeline.DependsOn: Nowhere is not a resource of the template", errors);
        Assert.Contains(errors, e => e.StartsWith("PipelineRole.RoleName: Fn::Sub names ${Unknown}", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_YAML_output_reads_back_as_the_JSON_template(string stack)
    {
        var template = Template(stack);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(TemplateYaml.Write(template)));

        var read = ToJson(yaml.Documents[0].RootNode);

        Assert.True(JsonNode.DeepEquals(template, read), TemplateYaml.Write(template));
        Assert.True(JsonNode.DeepEquals(template, JsonNode.Parse(TemplateYaml.WriteJson(template))));
    }

    [Fact]
    public void Multi_line_text_is_a_literal_block_and_odd_text_is_quoted()
    {
        var template = new JsonObject
        {
            ["a"] = "line one\n  indented\n\nlast\n",
            ["b"] = "no newline at the end\nsecond",
            ["c"] = "true",
            ["d"] = "2010-09-09",
            ["e"] = "key: value # not a comment",
            ["f"] = " leading space\nsecond",
            ["g"] = new JsonArray(new JsonObject { ["x"] = 1, ["y"] = new JsonArray("z") }, "*"),
            ["h"] = "two trailing newlines\n\n",
        };

        var written = TemplateYaml.Write(template);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(written));

        Assert.True(JsonNode.DeepEquals(template, ToJson(yaml.Documents[0].RootNode)), written);
        Assert.Contains("a: |\n  line one\n    indented\n\n  last\n", written, StringComparison.Ordinal);
        Assert.Contains("c: \"true\"", written, StringComparison.Ordinal);
    }

    private static JsonObject Template(string stack)
    {
        var (stackName, specsFor) = Cases[stack];
        return StackTemplate.For(stackName, specsFor);
    }

    /// <summary>
    /// What CloudFormation fills in when it deploys the template, as bootstrap's specs stand it in before AWS made it:
    /// the distribution's id, the connection's ARN; and the ECS parameters, as <see cref="WithService"/> reads them.
    /// </summary>
    private static Dictionary<string, string> Given(JsonObject template, string partition, string region)
    {
        var given = new Dictionary<string, string>(ResourceSchemaCheck.ParameterStandIns, StringComparer.Ordinal);
        foreach (var (id, resource) in template["Resources"]!.AsObject())
        {
            switch ((string?)resource!["Type"])
            {
                case "AWS::CloudFront::Distribution":
                    given[$"{id}.Id"] = "<new-distribution>";
                    break;
                case "AWS::CodeStarConnections::Connection":
                    given[$"{id}.ConnectionArn"] = Pipectl.Core.Sources.ConnectionArns.Pending(partition, region, Account);
                    break;
            }
        }

        return given;
    }

    /// <summary>An ECS stack's deploy role as bootstrap makes it once it read a service whose task definition has the parameters' values.</summary>
    private static ResourceEntry WithService(ResourceEntry entry, IReadOnlyList<EnvironmentStackSpec> specs)
    {
        var spec = specs.FirstOrDefault(s => s.Environment == entry.Environment)?.Spec;
        if (spec is not { IsEcsDeploy: true } || entry is not ResourceEntry<RoleSpec, RoleState> role || entry.Key != ResourceKeys.DeployRole)
        {
            return entry;
        }

        var service = new EcsServiceState(
            "prod", "shop-web", true, true, null,
            $"arn:aws:ecs:{spec.Region}:{Account}:task-definition/{ResourceSchemaCheck.ParameterStandIns["EcsTaskDefinitionFamily"]}:7",
            ResourceSchemaCheck.ParameterStandIns["EcsTaskRoleArn"],
            ResourceSchemaCheck.ParameterStandIns["EcsExecutionRoleArn"],
            ["web"]);
        return role with { Desired = RoleSpec.From(new Pipectl.Core.Policies.EcsPolicies(spec).DeployRole(service), role.Desired.Tags) };
    }

    private static IReadOnlyList<EnvironmentStackSpec> One(StackSpec spec) => [new EnvironmentStackSpec(null, spec)];

    private static string NameOf(object state) => state switch
    {
        RepositoryState s => s.Name,
        BucketState s => s.Name,
        RoleState s => s.Name,
        BuildProjectState s => s.Name,
        TopicState s => s.Name,
        PipelineState s => s.Declaration.Name,
        RuleState s => s.Name,
        ReportGroupState s => s.Name,
        DistributionState s => s.OriginAccessControlName!,
        ConnectionState s => s.Name,
        EcrRepositoryState s => s.Name,
        _ => throw new ArgumentException(state.GetType().Name),
    };

    private static IReadOnlyList<string> Differences(ResourceEntry entry, object state) => entry switch
    {
        ResourceEntry<RepositorySpec, RepositoryState> e => DescriptionDifference(e.Desired, (RepositoryState)state),
        ResourceEntry<BucketSpec, BucketState> e => e.Desired.DifferencesFrom((BucketState)state),
        ResourceEntry<RoleSpec, RoleState> e => e.Desired.DifferencesFrom((RoleState)state),
        ResourceEntry<BuildProjectSpec, BuildProjectState> e => e.Desired.DifferencesFrom((BuildProjectState)state),
        ResourceEntry<TopicSpec, TopicState> e => e.Desired.DifferencesFrom((TopicState)state),
        ResourceEntry<PipelineSpec, PipelineState> e => e.Desired.DifferencesFrom((PipelineState)state),
        ResourceEntry<RuleSpec, RuleState> e => e.Desired.DifferencesFrom((RuleState)state),
        ResourceEntry<ReportGroupSpec, ReportGroupState> e => e.Desired.DifferencesFrom((ReportGroupState)state),
        ResourceEntry<DistributionSpec, DistributionState> e => e.Desired.DifferencesFrom((DistributionState)state),
        ResourceEntry<ConnectionSpec, ConnectionState> e => e.Desired.DifferencesFrom((ConnectionState)state),
        ResourceEntry<EcrRepositorySpec, EcrRepositoryState> e => e.Desired.DifferencesFrom((EcrRepositoryState)state),
        _ => throw new ArgumentException(entry.Key),
    };

    // Repositories are adopted as they are (their DifferencesFrom is empty by design): compare what the template sets.
    private static List<string> DescriptionDifference(RepositorySpec desired, RepositoryState actual) =>
        desired.Description == actual.Description && desired.Tags.Count == actual.Tags.Count && desired.Tags.All(t => actual.Tags.GetValueOrDefault(t.Key) == t.Value)
            ? []
            : [$"repository: {actual.Description} / tags"];

    private static JsonNode ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, (JsonNode?)ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(c => (JsonNode?)ToJson(c)).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when p.Value is "true" or "false" => JsonValue.Create(p.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when int.TryParse(p.Value, out var number) => JsonValue.Create(number),
        YamlScalarNode p => JsonValue.Create(p.Value!),
        _ => throw new ArgumentException(node.GetType().Name),
    };
}
