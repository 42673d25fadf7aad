using System.Text.RegularExpressions;
using Pipectl.Core.Export;
using Pipectl.Core.Naming;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;
using Pipectl.Core.Tests.Buildspecs;

namespace Pipectl.Core.Tests.Targets;

/// <summary>
/// Walks every deploy target and site kind of <see cref="StackTargets"/>: each is chosen from its own settings, and each
/// supplies every piece the pipeline, the policies, export, the preflight and discovery ask of it, so a new target or
/// site missing a piece fails here.
/// </summary>
public sealed partial class StackTargetsTests
{
    /// <summary>
    /// Deploy-category providers of AWS's own actions ("Valid action providers in CodePipeline", CodePipeline User Guide;
    /// https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-valid-providers.html).
    /// </summary>
    private static readonly string[] DocumentedDeployProviders =
    [
        "AppConfig", "CloudFormation", "CloudFormationStackInstances", "CloudFormationStackSet", "CodeDeploy", "CodeDeployToECS",
        "EC2", "ECS", "EKS", "ElasticBeanstalk", "Lambda", "S3", "ServiceCatalog",
    ];

    /// <summary>ActionTypeId.provider in the CodePipeline API model: 1 to 35 characters of <c>[0-9A-Za-z_-]</c>.</summary>
    [GeneratedRegex("^[0-9A-Za-z_-]{1,35}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderPattern();

    public static TheoryData<string> DeployTargetNames() => [.. StackTargets.Deploys.Select(t => t.Name)];

    public static TheoryData<string> SiteKindNames() => [.. StackTargets.Sites.Select(s => s.Name)];

    private static string Text(PipelineStage stage) =>
        $"{stage.Name}: {string.Join(", ", stage.Actions.Select(a => $"{a.Category}/{a.Provider} {string.Join(" ", a.Configuration.Select(c => $"{c.Key}={c.Value}"))} {string.Join(" ", a.InputArtifacts)}"))}";

    private static IDeployTarget Target(string name) => StackTargets.Deploys.Single(t => t.Name == name);

    private static ISiteKind Site(string name) => StackTargets.Sites.Single(s => s.Name == name);

    /// <summary>A stack deploying to <paramref name="target"/>, with what a container target needs set and an approval mail.</summary>
    private static StackSpec SpecFor(IDeployTarget target) => TestStacks.Demo() with
    {
        Deploy = target.Name,
        Ecs = new EcsDeployment { Cluster = "web", Service = "api" },
        ApprovalEmail = "ops@example.com",
    };

    [Fact]
    public void There_is_one_deploy_target_per_setting_value_and_each_is_chosen_by_its_own()
    {
        Assert.Equal(DeployTargets.All.Order(StringComparer.Ordinal), StackTargets.Deploys.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var target in StackTargets.Deploys)
        {
            Assert.Same(target, StackTargets.DeployOf(TestStacks.Demo() with { Deploy = target.Name }));
        }
    }

    [Fact]
    public void Every_site_kind_is_chosen_by_the_settings_it_applies_and_a_target_without_a_bucket_has_none()
    {
        Assert.Equal(StackTargets.Sites.Count, StackTargets.Sites.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var site in StackTargets.Sites.Where(s => s != StackTargets.NoSite))
        {
            Assert.Same(site, StackTargets.SiteOf(site.ApplyTo(SpecFor(StackTargets.S3))));
        }

        foreach (var target in StackTargets.Deploys)
        {
            Assert.Equal(target.HasSite, StackTargets.SiteOf(SpecFor(target)) != StackTargets.NoSite);
        }
    }

    [Theory]
    [MemberData(nameof(DeployTargetNames))]
    public void Every_deploy_target_yields_a_Deploy_action_of_a_documented_provider_run_with_its_deploy_role(string name)
    {
        var target = Target(name);
        var spec = SpecFor(target);
        var arns = StackArns.For(spec);

        var stages = PipelineDeclarationFactory.Create(spec).Stages;
        var action = Assert.Single(Assert.Single(stages, s => s.Name == PipelineDeclarationFactory.DeployStageName).Actions);
        Assert.Equal("Deploy", action.Category);
        Assert.Equal(target.ActionProvider, action.Provider);
        Assert.Contains(action.Provider, DocumentedDeployProviders);
        Assert.Matches(ProviderPattern(), action.Provider);
        Assert.NotEmpty(action.Configuration);
        Assert.Equal(arns.DeployRole, action.RoleArn);

        // The approval mail names where the stack deploys to.
        var approval = Assert.Single(Assert.Single(stages, s => s.Name == PipelineDeclarationFactory.ApprovalStageName).Actions);
        Assert.NotEmpty(target.ApprovalSubject(spec));
        Assert.EndsWith($" to {target.ApprovalSubject(spec)}", approval.Configuration["CustomData"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DeployTargetNames))]
    public void Every_deploy_target_has_a_deploy_role_the_pipeline_role_assumes_and_a_part_that_adds_it(string name)
    {
        var target = Target(name);
        var spec = SpecFor(target);
        var arns = StackArns.For(spec);
        var policies = new StackPolicies(spec, arns);

        var role = policies.DeployRole;
        Assert.Equal(spec.DeployRoleName, role.Name);
        Assert.Equal(arns.DeployRole, role.Arn);
        Assert.Contains(arns.PipelineRole, role.TrustPolicy.ToJson(), StringComparison.Ordinal);
        Assert.NotEmpty(role.InlinePolicy.Statements);
        var assume = Assert.Single(policies.PipelineRolePolicy().Statements, s => s.Actions.Contains(PolicyActions.StsAssumeRole));
        Assert.Equal([arns.DeployRole], assume.Resources);

        Assert.NotNull(StackComponents.PartOf(target));
        var entry = Assert.Single(DesiredStack.From(spec).Entries, e => e.Key == ResourceKeys.DeployRole);
        Assert.Equal(spec.DeployRoleName, Assert.IsType<ResourceEntry<RoleSpec, RoleState>>(entry).Desired.Name);
    }

    [Theory]
    [MemberData(nameof(DeployTargetNames))]
    public void Every_template_parameter_of_a_deploy_target_is_read_by_its_template_deploy_role(string name)
    {
        var target = Target(name);
        var spec = SpecFor(target);
        var role = target.TemplateDeployRole(spec);

        Assert.Equal(target.TemplateParameters.Count, target.TemplateParameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        if (role is null)
        {
            Assert.Empty(target.TemplateParameters);
            return;
        }

        Assert.Equal(spec.DeployRoleName, role.Name);
        var policy = role.InlinePolicy.ToJson();
        Assert.All(target.TemplateParameters, p => Assert.Contains(TemplateTokens.Token(p.Name), policy, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SiteKindNames))]
    public void Every_site_kind_has_its_part_and_its_stages_run_after_the_deploy_with_projects_the_pipeline_role_may_start(string name)
    {
        var site = Site(name);
        var spec = site == StackTargets.NoSite ? SpecFor(StackTargets.Deploys.First(t => !t.HasSite)) : site.ApplyTo(SpecFor(StackTargets.S3));
        Assert.Same(site, StackTargets.SiteOf(spec));

        var pipeline = PipelineDeclarationFactory.Create(spec);
        var after = pipeline.Stages.SkipWhile(s => s.Name != PipelineDeclarationFactory.DeployStageName).Skip(1).ToList();
        Assert.Equal(site.StagesAfterDeploy(spec).Select(Text), after.Select(Text));
        Assert.Equal(after.Count > 0, site.RunsIn(pipeline, spec));
        Assert.False(site.RunsIn(PipelineDeclarationFactory.Create(StackTargets.Website.ApplyTo(SpecFor(StackTargets.S3))), spec));

        var start = Assert.Single(new StackPolicies(spec).PipelineRolePolicy().Statements, s => s.Actions.Contains(PolicyActions.CodeBuildStartBuild));
        var projects = after.SelectMany(s => s.Actions).Select(a => new Arns(spec.Region, spec.AccountId).BuildProject(a.Configuration["ProjectName"]));
        Assert.All(projects, p => Assert.Contains(p, start.Resources));

        // The part adds the site bucket (none without a site), and the preflight applies exactly to a public bucket.
        Assert.Equal(site != StackTargets.NoSite, DesiredStack.From(spec).Entries.Any(e => e.Key == ResourceKeys.SiteBucket));
        var bucket = DesiredStack.From(spec).Entries.OfType<ResourceEntry<BucketSpec, BucketState>>().SingleOrDefault(e => e.Key == ResourceKeys.SiteBucket);
        var publicRead = bucket?.Desired.Policy is { } policy && StatementFacts.Parse(policy).Any(s => s.IsAllow && s.Principals.Contains("AWS:*"));
        Assert.Equal(site.PublicBucket, publicRead);
        Assert.Equal(site.PublicBucket, PublicSitePreflight.Applies(spec));
    }

    /// <summary>
    /// Where the deploy-target and site settings may be read: the spec itself, the settings' parsing, validation and
    /// record, the target and site folder (each target's own code, and <see cref="StackTargets"/>, which chooses them),
    /// <c>StackComponents</c> (which picks each one's part), and, until the engine leaves it, the CLI's run.
    /// </summary>
    private static readonly string[] FlagReaders =
    [
        "src/Pipectl.Core/Stacks/StackSpec.cs",
        "src/Pipectl.Core/Stacks/StackRecord.cs",
        "src/Pipectl.Core/StackFiles/",
        "src/Pipectl.Core/Validation/",
        "src/Pipectl.Core/Targets/",
        "src/Pipectl.Core/Orchestration/Components/StackComponents.cs",
    ];

    [GeneratedRegex(@"\b(IsEcsDeploy|IsCloudFrontSite|DeployTargets\.Ecs)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TargetFlag();

    [Fact]
    public void No_deploy_target_or_site_setting_is_read_outside_the_targets_and_the_settings()
    {
        var src = RepositoryFiles.PathOf("src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadAllLines(RepositoryFiles.PathOf(f)).Any(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && TargetFlag().IsMatch(l)))
            .ToList();

        Assert.Contains("src/Pipectl.Core/Stacks/StackSpec.cs", readers);
        Assert.DoesNotContain(readers, f => !FlagReaders.Any(r => f.StartsWith(r, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_targets_the_pipeline_factory_and_the_policies_do_not_depend_on_the_orchestration()
    {
        var lower = new[] { "namespace Pipectl.Core.Targets;", "namespace Pipectl.Core.Pipelines;", "namespace Pipectl.Core.Policies;" };
        var files = Directory.EnumerateFiles(RepositoryFiles.PathOf("src/Pipectl.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryFiles.Root, f), Lines: File.ReadAllLines(f)))
            .Where(f => f.Lines.Any(l => lower.Contains(l.Trim())))
            .ToList();

        Assert.Contains(files, f => f.File.EndsWith("StackTargets.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Lines.Any(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && l.Contains("Pipectl.Core.Orchestration", StringComparison.Ordinal)));
    }
}
