using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Orchestration;

/// <summary>A <c>--deploy ecs</c> stack: its entries and their order, the build, the ECS stage, the roles' statements, its rules and its stack file.</summary>
public sealed class EcsDeployTests
{
    private const string TaskRole = "arn:aws:iam::123456789012:role/web-task";
    private const string ExecutionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    private static StackSpec Ecs() => TestStacks.Demo() with { Deploy = DeployTargets.Ecs, Ecs = new EcsDeployment { Cluster = "prod", Service = "web", ContainerName = "app" } };

    private static EcsServiceState Service(string? taskRole = TaskRole, string? executionRole = ExecutionRole) =>
        new("prod", "web", true, true, "arn:aws:ecs:us-east-1:123456789012:service/prod/web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", taskRole, executionRole, ["app"]);

    private static PolicyStatement Statement(RoleDefinition role, string sid) => role.InlinePolicy.Statements.Single(s => s.Sid == sid);

    [Fact]
    public void The_stack_has_an_ECR_repository_a_read_only_service_and_no_website_bucket()
    {
        var stack = DesiredStack.From(Ecs());

        Assert.DoesNotContain(stack.Entries, e => e.Key == ResourceKeys.SiteBucket);
        var repository = stack.Desired<EcrRepositorySpec, EcrRepositoryState>(ResourceKeys.EcrRepository);
        Assert.Equal(("demo", true), (repository.Name, repository.ScanOnPush));
        Assert.Equal(("demo", "us-east-1"), (repository.Tags["pipectl:stack"], repository.Tags["pipectl:region"]));
        Assert.Contains("\"countNumber\":30", repository.LifecyclePolicy, StringComparison.Ordinal);
        var service = stack.Entries.Single(e => e.Key == ResourceKeys.EcsService);
        Assert.True(service.UseExisting);
        Assert.Equal(StackParts.Pipeline, service.Part);
        Assert.Contains(ResourceKeys.EcrRepository, stack.Entries.Single(e => e.Key == ResourceKeys.BuildProject).DependsOn);
        Assert.Contains(ResourceKeys.EcsService, stack.Entries.Single(e => e.Key == ResourceKeys.DeployRole).DependsOn);
    }

    [Fact]
    public void Teardown_removes_the_project_before_the_repository_it_pushes_to()
    {
        var order = StackGraph.InTeardownOrder(StackGraph.For(Ecs()).Entries).Select(e => e.Key).ToList();

        Assert.True(order.IndexOf(ResourceKeys.BuildProject) < order.IndexOf(ResourceKeys.EcrRepository), string.Join(", ", order));
    }

    [Fact]
    public void The_build_is_privileged_with_the_variables_the_buildspec_uses()
    {
        var project = DesiredStack.From(Ecs() with { EnvironmentVariables = new Dictionary<string, BuildVariable> { ["STAGE"] = new("prod") } }).BuildProject;

        Assert.True(project.Privileged);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", project.EnvironmentVariables["REPOSITORY_URI"].Value);
        Assert.Equal(("app", "123456789012", "us-east-1", "prod"), (project.EnvironmentVariables["CONTAINER_NAME"].Value, project.EnvironmentVariables["AWS_ACCOUNT_ID"].Value, project.EnvironmentVariables["AWS_DEFAULT_REGION"].Value, project.EnvironmentVariables["STAGE"].Value));
        Assert.False(DesiredStack.From(TestStacks.Demo()).BuildProject.Privileged);
    }

    [Fact]
    public void The_deploy_stage_is_the_Amazon_ECS_action_on_imagedefinitions_with_the_deploy_role()
    {
        var stack = DesiredStack.From(Ecs() with { Approval = true, ApprovalEmail = "ops@example.com" });

        var deploy = stack.Pipeline.Declaration.Stages.Single(s => s.Name == PipelineDeclarationFactory.DeployStageName).Actions.Single();
        Assert.Equal(("Deploy", "ECS"), (deploy.Category, deploy.Provider));
        Assert.Equal(new Dictionary<string, string> { ["ClusterName"] = "prod", ["ServiceName"] = "web", ["FileName"] = "imagedefinitions.json" }, deploy.Configuration);
        Assert.Equal([PipelineDeclarationFactory.BuildOutputArtifact], deploy.InputArtifacts);
        Assert.Equal("arn:aws:iam::123456789012:role/demo-deploy-role", deploy.RoleArn);
        var approval = stack.Pipeline.Declaration.Stages.Single(s => s.Name == PipelineDeclarationFactory.ApprovalStageName).Actions.Single();
        Assert.Contains("ECS service prod/web", approval.Configuration["CustomData"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_role_pushes_to_the_one_repository_and_logs_in_on_the_wildcard_AWS_requires()
    {
        var policy = new StackPolicies(Ecs()).BuildRolePolicy();

        var push = policy.Statements.Single(s => s.Sid == "PushImage");
        Assert.Equal(["arn:aws:ecr:us-east-1:123456789012:repository/demo"], push.Resources);
        Assert.Contains(PolicyActions.EcrPutImage, push.Actions);
        Assert.DoesNotContain(PolicyActions.EcrGetAuthorizationToken, push.Actions);
        var login = policy.Statements.Single(s => s.Sid == EcsPolicies.EcrLoginSid);
        Assert.Equal([PolicyActions.EcrGetAuthorizationToken], login.Actions);
        Assert.Equal(["*"], login.Resources);
        Assert.DoesNotContain(new StackPolicies(TestStacks.Demo()).BuildRolePolicy().Statements, s => s.Actions.Any(a => a.StartsWith("ecr:", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_deploy_role_updates_the_one_service_and_passes_only_the_task_definitions_roles_to_ECS_tasks()
    {
        var role = new EcsPolicies(Ecs()).DeployRole(Service());

        Assert.Equal(["arn:aws:ecs:us-east-1:123456789012:service/prod/web"], Statement(role, "UpdateService").Resources);
        Assert.Equal([PolicyActions.EcsDescribeServices, PolicyActions.EcsUpdateService], Statement(role, "UpdateService").Actions);
        var pass = Statement(role, "PassTaskRolesToEcsTasks");
        Assert.Equal([TaskRole, ExecutionRole], pass.Resources);
        Assert.Equal([new PolicyCondition("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com")], pass.Conditions);
        Assert.Equal(["arn:aws:ecs:us-east-1:123456789012:task-definition/web:*"], Statement(role, "TagTaskDefinitionRevisions").Resources);
        Assert.Equal([new PolicyCondition("StringEquals", "ecs:CreateAction", "RegisterTaskDefinition")], Statement(role, "TagTaskDefinitionRevisions").Conditions);
        Assert.Equal(["arn:aws:s3:::demo-artifacts-123456789012-us-east-1/*"], Statement(role, "ReadBuildOutput").Resources);
        Assert.Equal("arn:aws:iam::123456789012:role/demo-codepipeline-role", role.TrustPolicy.Statements.Single().Principal!.Value);
    }

    [Fact]
    public void A_task_definition_without_roles_gives_no_PassRole_and_one_role_used_twice_is_named_once()
    {
        Assert.DoesNotContain(new EcsPolicies(Ecs()).DeployRole(Service(null, null)).InlinePolicy.Statements, s => s.Actions.Contains(PolicyActions.IamPassRole));
        Assert.Equal([TaskRole], Statement(new EcsPolicies(Ecs()).DeployRole(Service(TaskRole, TaskRole)), "PassTaskRolesToEcsTasks").Resources);
    }

    [Fact]
    public void Roles_of_the_task_definition_the_deploy_role_as_read_may_not_pass_are_named()
    {
        var passesOld = new EcsPolicies(Ecs()).DeployRole(Service()).InlinePolicy.ToJson();
        var moved = Service(taskRole: "arn:aws:iam::123456789012:role/web-task-v2");

        Assert.Empty(EcsPolicies.RolesNotPassable(Service(), passesOld));
        Assert.Equal(["arn:aws:iam::123456789012:role/web-task-v2"], EcsPolicies.RolesNotPassable(moved, passesOld));
        Assert.Equal([TaskRole, ExecutionRole], EcsPolicies.RolesNotPassable(Service(), null));
        Assert.Contains("pipectl bootstrap", EcsPolicies.PassRoleDrift(["x"]), StringComparison.Ordinal);
        Assert.Contains("`pipectl bootstrap -f app.yaml --region eu-west-1` updates the deploy role", EcsPolicies.PassRoleDrift(["x"], "pipectl bootstrap -f app.yaml --region eu-west-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lambda_compute_is_refused_for_a_container_deploy_which_builds_with_Docker()
    {
        var spec = Ecs() with { ComputeType = "BUILD_LAMBDA_2GB", BuildImage = "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20" };

        var error = Assert.Single(new StackSpecValidator().Validate(spec));

        Assert.Equal((StackOptionNames.ComputeType, "BUILD_LAMBDA_2GB"), (error.Field, error.Value));
        Assert.Contains("privileged mode", error.Rule, StringComparison.Ordinal);
        Assert.Empty(new StackSpecValidator().Validate(TestStacks.Demo() with { ComputeType = "BUILD_LAMBDA_2GB", BuildImage = "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20" }));
    }

    [Fact]
    public void The_only_wildcard_resources_are_the_two_AWS_documents_as_taking_no_resource()
    {
        var spec = Ecs();
        var roles = new[] { new StackPolicies(spec).BuildRole, new EcsPolicies(spec).DeployRole(Service()) };

        var wildcards = roles.SelectMany(r => r.InlinePolicy.Statements).Where(s => s.Resources.Contains("*")).ToList();

        Assert.Equal([EcsPolicies.EcrLoginSid, EcsPolicies.TaskDefinitionsSid], wildcards.Select(s => s.Sid));
        Assert.Equal(
            [PolicyActions.EcrGetAuthorizationToken, PolicyActions.EcsDescribeTaskDefinition],
            wildcards.SelectMany(s => s.Actions));
        var register = roles[1].InlinePolicy.Statements.Single(s => s.Sid == EcsPolicies.RegisterRevisionsSid);
        Assert.Equal([PolicyActions.EcsRegisterTaskDefinition], register.Actions);
        Assert.Equal(["arn:aws:ecs:us-east-1:123456789012:task-definition/web:*"], register.Resources);
        Assert.All(roles.SelectMany(r => r.InlinePolicy.Statements).SelectMany(s => s.Actions), a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deploy_role_is_completed_at_apply_from_the_service_as_read()
    {
        var entry = (ResourceEntry<RoleSpec, RoleState>)DesiredStack.From(Ecs()).Entries.Single(e => e.Key == ResourceKeys.DeployRole);
        var context = new ApplyContext(new ReadingDrivers(Service()), new ApplyOptions { DryRun = true }, "demo", "us-east-1");

        var atApply = await entry.DesiredAtApply!(context, CancellationToken.None);

        Assert.Contains(TaskRole, atApply.InlinePolicies.Single().Value, StringComparison.Ordinal);
        Assert.Contains(EcsPolicies.UnknownTaskRoles, entry.Desired.InlinePolicies.Single().Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "web", "--ecs-cluster", "needs the ECS cluster")]
    [InlineData("prod", null, "--ecs-service", "needs the ECS service")]
    [InlineData("my cluster", "web", "--ecs-cluster", "letters, digits, hyphens and underscores")]
    [InlineData("prod", "web/x", "--ecs-service", "letters, digits, hyphens and underscores")]
    public void Cluster_and_service_are_required_and_follow_ECS_name_rules(string? cluster, string? service, string field, string rule)
    {
        var errors = new StackSpecValidator().Validate(Ecs() with { Ecs = new EcsDeployment { Cluster = cluster, Service = service } });

        Assert.Contains(errors, e => e.Field == field && e.Rule.Contains(rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Demo", "lowercase")]
    [InlineData("demo-", "lowercase")]
    [InlineData("a", "2 to 256")]
    [InlineData("team//demo", "lowercase")]
    public void A_repository_name_ECR_refuses_is_bad_input(string name, string rule)
    {
        var errors = new StackSpecValidator().Validate(Ecs() with { Ecs = Ecs().Ecs with { RepositoryName = name } });

        Assert.Contains(errors, e => e.Field == StackOptionNames.EcrRepository && e.Rule.Contains(rule, StringComparison.Ordinal));
        Assert.Empty(new StackSpecValidator().Validate(Ecs() with { Ecs = Ecs().Ecs with { RepositoryName = "team/demo_app.v2" } }));
    }

    [Fact]
    public void Options_that_do_not_fit_a_container_deploy_or_need_one_are_bad_input()
    {
        var validator = new StackSpecValidator();

        Assert.Contains(validator.Validate(TestStacks.Demo() with { Ecs = new EcsDeployment { Cluster = "prod" } }), e => e.Field == StackOptionNames.EcsCluster && e.Rule.Contains("--deploy ecs", StringComparison.Ordinal));
        Assert.Contains(validator.Validate(TestStacks.Demo() with { Deploy = "k8s" }), e => e.Field == StackOptionNames.Deploy);
        Assert.Contains(validator.Validate(Ecs() with { Site = SiteTypes.CloudFront }), e => e.Field == StackOptionNames.Site);
        Assert.Contains(validator.Validate(Ecs() with { EnvironmentVariables = new Dictionary<string, BuildVariable> { ["REPOSITORY_URI"] = new("x") } }), e => e.Value == "REPOSITORY_URI");
        Assert.Contains(validator.Validate(Ecs() with { Ecs = Ecs().Ecs with { ImagesToKeep = 0 } }), e => e.Field == StackOptionNames.EcrKeepImages);
        Assert.Empty(validator.Validate(Ecs()));
    }

    [Fact]
    public void The_stack_file_says_deploy_and_a_container_deploy_with_environments_is_refused()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: demo\ndeploy:\n  target: ecs\n  cluster: prod\n  service: web\n  containerName: app\n  ecrRepository: team/demo\n  keepImages: 12\n");
        var (_, withEnvironments) = StackFileParser.Parse("pipectl.yaml", "name: demo\ndeploy:\n  target: ecs\n  cluster: prod\n  service: web\nenvironments:\n  staging:\n    branch: develop\n");
        var (_, badCount) = StackFileParser.Parse("pipectl.yaml", "name: demo\ndeploy:\n  target: ecs\n  keepImages: many\n");

        Assert.Empty(errors);
        var spec = file!.ToSpec(null, "us-east-1", "123456789012").Spec;
        Assert.Equal((DeployTargets.Ecs, "prod", "web", "app", "team/demo", 12), (spec.Deploy, spec.Ecs.Cluster, spec.Ecs.Service, spec.ContainerName, spec.EcrRepositoryName, spec.EcrImagesToKeep));
        Assert.Contains(withEnvironments, d => d.Line == 3 && d.Message.Contains("a stack without environments", StringComparison.Ordinal));
        Assert.Contains(badCount, d => d.Line == 4 && d.Message.Contains("not a whole number", StringComparison.Ordinal));
        var overridden = new StackOverrides { Ecs = new EcsDeployment { Service = "api" } }.ApplyTo(spec);
        Assert.Equal(("prod", "api", "app"), (overridden.Ecs.Cluster, overridden.Ecs.Service, overridden.ContainerName));
    }

    [Fact]
    public void A_deployed_ECS_action_run_with_the_stacks_deploy_role_makes_a_bare_teardown_spec_an_ECS_one()
    {
        var deployed = PipelineDeclarationFactory.Create(Ecs());
        var foreign = PipelineDeclarationFactory.Create(Ecs() with { DeployRoleName = "someone-elses-role" });

        var stages = DeployedStages.Of(TestStacks.Demo(), deployed) with { Ecs = DeployedStages.Of(TestStacks.Demo(), deployed).Ecs! with { RepositoryName = DeployedStages.EcrRepositoryOf("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/demo") } };
        var completed = stages.ApplyTo(TestStacks.Demo());

        Assert.True(completed.IsEcsDeploy);
        Assert.Equal(("prod", "web", "team/demo"), (completed.Ecs.Cluster, completed.Ecs.Service, completed.EcrRepositoryName));
        Assert.DoesNotContain(DesiredStack.From(completed).Entries, e => e.Key == ResourceKeys.SiteBucket);
        Assert.Null(DeployedStages.Of(TestStacks.Demo(), foreign).Ecs);
        Assert.Null(DeployedStages.Of(Ecs(), deployed).Ecs);
        Assert.Null(DeployedStages.EcrRepositoryOf("no-slash"));
        Assert.Equal("demo", DeployedStages.Of(TestStacks.Demo(), deployed).ApplyTo(TestStacks.Demo()).EcrRepositoryName);
    }

    [Theory]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:repository/*", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "holds a wildcard")]
    [InlineData("arn:aws:ecr:us-east-1:999999999999:repository/demo", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "is not in account 123456789012, region us-east-1 (partition aws)")]
    [InlineData("arn:aws-cn:ecr:us-east-1:123456789012:repository/demo", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "is not in account 123456789012, region us-east-1 (partition aws)")]
    [InlineData("arn:aws:ecr:eu-west-1:123456789012:repository/demo", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "is not in account 123456789012, region us-east-1")]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:image/demo", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "is not a repository ARN")]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:repository/other", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "does not name demo")]
    [InlineData("*", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", "the ARN", "holds a wildcard")]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:repository/demo", "123456789012.dkr.ecr.us-east-1.amazonaws.com/*", "the URI", "holds a wildcard")]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:repository/demo", "999999999999.dkr.ecr.us-east-1.amazonaws.com/demo", "the URI", "is not 123456789012.dkr.ecr.us-east-1.amazonaws.com/demo")]
    public async Task A_hostile_repository_ARN_or_URI_read_from_ECR_is_refused_naming_it_and_where_it_came_from_before_any_write(string arn, string uri, string which, string problem)
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers { Existing = true, EcrAnswer = (arn, uri) };

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(Ecs()), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.False(result.Succeeded);
        var value = which == "the ARN" ? arn : uri;
        Assert.Contains($"{which} of ECR repository demo (DescribeRepositories) \"{value}\" {problem}", result.Failure!.Message, StringComparison.Ordinal);
        Assert.All(drivers.Calls, c => Assert.StartsWith("read", c, StringComparison.Ordinal));
    }

    /// <summary>Drivers for a plan whose only read is the service (the deploy role's completion).</summary>
    private sealed class ReadingDrivers(EcsServiceState service) : IStackDrivers
    {
        private readonly EmptyAccountDrivers _empty = new();

        public IResourceDriver<RepositorySpec, RepositoryState> Repositories => _empty.Repositories;

        public IResourceDriver<BucketSpec, BucketState> Buckets => _empty.Buckets;

        public IResourceDriver<RoleSpec, RoleState> Roles => _empty.Roles;

        public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects => _empty.BuildProjects;

        public IResourceDriver<TopicSpec, TopicState> Topics => _empty.Topics;

        public IResourceDriver<PipelineSpec, PipelineState> Pipelines => _empty.Pipelines;

        public IResourceDriver<RuleSpec, RuleState> Rules => _empty.Rules;

        public IResourceDriver<ConnectionSpec, ConnectionState> Connections => _empty.Connections;

        public IResourceDriver<DistributionSpec, DistributionState> Distributions => _empty.Distributions;

        public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories => _empty.EcrRepositories;

        public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices => new Fixed(service);

        public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups => _empty.ReportGroups;

        public IRepositorySeeder Seeder => _empty.Seeder;

        private sealed class Fixed(EcsServiceState state) : IResourceDriver<EcsServiceSpec, EcsServiceState>
        {
            public string Type => ResourceTypes.EcsService;

            public string? ArnOf(EcsServiceState actual) => actual.ServiceArn;

            public Task<EcsServiceState?> ReadAsync(EcsServiceSpec desired, CancellationToken cancellationToken) => Task.FromResult<EcsServiceState?>(state);

            public Task<EcsServiceState> CreateAsync(EcsServiceSpec desired, CancellationToken cancellationToken) => throw new InvalidOperationException();

            public Task<EcsServiceState> UpdateAsync(EcsServiceSpec desired, EcsServiceState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) => throw new InvalidOperationException();

            public Task DeleteAsync(EcsServiceState actual, CancellationToken cancellationToken) => throw new InvalidOperationException();
        }
    }
}
