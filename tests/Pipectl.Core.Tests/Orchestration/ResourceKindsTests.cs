using System.Reflection;
using Pipectl.Core.Export;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Orchestration;

/// <summary>Walks every resource kind of <see cref="ResourceKinds"/>: a kind that misses a piece fails here.</summary>
public sealed class ResourceKindsTests
{
    private const string Tests = "version: 0.2\nphases:\n  build:\n    commands: [npm test]\nreports:\n  unit:\n    files: ['junit.xml']\n";

    /// <summary>Stacks that between them hold every kind.</summary>
    private static readonly IReadOnlyList<StackSpec> Stacks =
    [
        TestStacks.Demo() with { ApprovalEmail = "ops@example.com", Test = new TestStage(Tests) },
        TestStacks.Demo() with { Site = SiteTypes.CloudFront },
        TestStacks.Demo() with { Source = "github:octo/site", Deploy = DeployTargets.Ecs, Ecs = new EcsDeployment { Cluster = "prod", Service = "web", ContainerName = "app" } },
    ];

    private static IEnumerable<ResourceEntry> Entries(StackSpec spec) => StackGraph.For(spec).Entries;

    private static object DesiredOf(ResourceEntry entry) => entry.GetType().GetProperty("Desired")!.GetValue(entry)!;

    [Fact]
    public void Every_resource_type_has_exactly_one_kind()
    {
        var types = typeof(ResourceTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);

        Assert.Equal(types, ResourceKinds.All.Select(k => k.Type).Order(StringComparer.Ordinal));
        Assert.Equal(ResourceKinds.All.Count, ResourceKinds.All.Select(k => k.Spec).Distinct().Count());
    }

    [Fact]
    public void Every_kind_has_a_driver_for_its_spec_and_state_that_names_its_type()
    {
        IStackDrivers drivers = new EmptyAccountDrivers();

        Assert.All(ResourceKinds.All, kind =>
        {
            Assert.Contains(typeof(IDesiredState<>).MakeGenericType(kind.State), kind.Spec.GetInterfaces());
            var driver = kind.Driver(drivers);
            var contract = typeof(IResourceDriver<,>).MakeGenericType(kind.Spec, kind.State);
            Assert.True(contract.IsInstanceOfType(driver), $"{kind.Type}: {driver.GetType().Name} is no {contract.Name}");
            Assert.Equal(kind.Type, contract.GetProperty(nameof(IResourceDriver<RepositorySpec, RepositoryState>.Type))!.GetValue(driver));
        });
    }

    [Fact]
    public void Every_kind_is_in_a_stack_with_its_spec_and_a_plan_document()
    {
        var entries = Stacks.SelectMany(Entries).ToList();

        Assert.All(ResourceKinds.All, kind => Assert.Contains(entries, e => DesiredOf(e).GetType() == kind.Spec));
        Assert.All(entries, entry =>
        {
            var desired = DesiredOf(entry);
            Assert.Contains(ResourceKinds.All, k => k.Spec == desired.GetType() && k.State == entry.GetType().GetGenericArguments()[1]);
            Assert.NotNull(DesiredDocument.Of(desired));
        });
    }

    [Fact]
    public void Every_kind_pipectl_creates_is_checked_before_the_first_write_unless_AWS_assigns_its_ARN()
    {
        // PlannedWrites: a distribution's and a connection's ARN exists only once AWS made them, so no policy is simulated on it.
        string[] arnAssigned = [ResourceTypes.Distribution, ResourceTypes.Connection];
        var entries = Stacks.SelectMany(Entries).ToList();

        var notChecked = ResourceKinds.All.Where(k => k.Creates.Count > 0).Where(kind =>
        {
            var entry = entries.First(e => DesiredOf(e).GetType() == kind.Spec);
            var creating = new ResourceOutcome(kind.Type, entry.Name, null, ResourceAction.WouldCreate) { Desired = DesiredDocument.Of(DesiredOf(entry)) };
            return PlannedWrites.Of([creating], "us-east-1", TestStacks.Account).Count == 0;
        }).Select(k => k.Type);

        Assert.Equal(arnAssigned.Order(StringComparer.Ordinal), notChecked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_kind_pipectl_creates_names_its_create_operations_once()
    {
        var creates = ResourceKinds.All.SelectMany(k => k.Creates).ToList();

        Assert.All(ResourceKinds.All.Where(k => k.Type != ResourceTypes.EcsService), k => Assert.NotEmpty(k.Creates));
        Assert.Empty(ResourceKinds.OfType(ResourceTypes.EcsService)!.Creates);
        Assert.Equal(creates.Count, creates.Distinct().Count());
    }

    [Fact]
    public void An_ecr_create_repository_is_an_ecr_repository_and_a_codecommit_one_is_a_codecommit_repository()
    {
        Assert.Equal(ResourceTypes.EcrRepository, ResourceKinds.Creating("ECR", "CreateRepository")?.Type);
        Assert.Equal(ResourceTypes.Repository, ResourceKinds.Creating("CodeCommit", "CreateRepository")?.Type);
        Assert.Equal(ResourceTypes.Bucket, ResourceKinds.Creating("S3", "PutBucket")?.Type);
        Assert.Null(ResourceKinds.Creating("CodeCommit", "CreateCommit"));
    }

    [Fact]
    public void The_exported_template_holds_exactly_the_types_the_kinds_of_an_exportable_stack_map_to()
    {
        var spec = Stacks[0];
        var kinds = Entries(spec).Where(e => e.Wanted && !e.UseExisting).Select(e => ResourceKinds.All.Single(k => k.Spec == DesiredOf(e).GetType())).Distinct().ToList();
        var template = CloudFormationTemplate.Build([new EnvironmentStackSpec(null, spec)], [], "golden");

        var exported = template["Resources"]!.AsObject().Select(r => r.Value!["Type"]!.GetValue<string>()).ToHashSet();

        Assert.All(kinds, k => Assert.NotEmpty(k.ExportedAs));
        Assert.Equal(kinds.SelectMany(k => k.ExportedAs).Where(exported.Contains).Order(StringComparer.Ordinal).Distinct(), exported.Order(StringComparer.Ordinal));
        Assert.All(kinds, k => Assert.Contains(k.ExportedAs[0], exported));
    }

    [Fact]
    public void A_teardown_keeps_a_kind_only_under_its_own_option()
    {
        var options = new TeardownOptions { KeepBuckets = true };

        Assert.Equal("kept by --keep-buckets", ResourceKinds.OfType(ResourceTypes.Bucket)!.KeepReason(options));
        Assert.Null(ResourceKinds.OfType(ResourceTypes.Repository)!.KeepReason(options));
        Assert.Equal("kept by --keep-repo", ResourceKinds.OfType(ResourceTypes.Repository)!.KeepReason(new TeardownOptions { KeepRepository = true }));
        Assert.Equal("kept by --keep-connection", ResourceKinds.OfType(ResourceTypes.Connection)!.KeepReason(new TeardownOptions { KeepConnection = true }));
    }
}
