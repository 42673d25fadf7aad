using Pipectl.Core.Orchestration;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Stacks;

/// <summary>The stack's record: what it keeps, how a run's settings replace the old ones, and what a run removes.</summary>
public sealed class StackRecordTests
{
    private const string Account = "123456789012";

    private static StackSpec Spec(string name = "shop") => StackSpec.FromStackName(name, "us-east-1", Account);

    private static StackRecord Record(params (string Environment, StackSpec Spec)[] environments) =>
        StackRecord.Next(null, "shop", "us-east-1", environments.ToDictionary(e => e.Environment, e => RecordedSpec.Of(e.Spec)), wholeStack: true);

    [Fact]
    public void A_spec_survives_the_record_with_its_buildspecs_and_no_environment_variables()
    {
        var buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n" + string.Concat(Enumerable.Repeat("      - echo building the shop\n", 40));
        var spec = Spec() with
        {
            Site = SiteTypes.CloudFront,
            BuildspecContent = buildspec,
            Test = new TestStage("version: 0.2\nreports:\n  unit:\n    files: ['x.xml']\n", TestInputs.Source),
            ApprovalEmail = "team@example.com",
            EnvironmentVariables = new Dictionary<string, BuildVariable> { ["TOKEN"] = new("s3cr3t-value") },
        };

        var json = Record((StackRecord.SingleStack, spec)).ToJson();
        var back = StackRecord.Parse(json)!.Environments[StackRecord.SingleStack].ToSpec("us-east-1", Account);

        Assert.DoesNotContain("s3cr3t", json, StringComparison.Ordinal);
        Assert.DoesNotContain("echo building", json, StringComparison.Ordinal);
        Assert.Equal(buildspec, back.BuildspecContent);
        Assert.Equal((SiteTypes.CloudFront, "team@example.com", TestInputs.Source), (back.Site, back.ApprovalEmail, back.Test!.Input));
        Assert.Equal(DesiredStack.From(spec with { EnvironmentVariables = back.EnvironmentVariables }).Entries.Select(e => e.Name), DesiredStack.From(back).Entries.Select(e => e.Name));
    }

    [Fact]
    public void A_record_of_another_version_or_not_json_is_not_used()
    {
        Assert.Null(StackRecord.Parse("{\"version\":2,\"stack\":\"shop\",\"region\":\"us-east-1\"}"));
        Assert.Null(StackRecord.Parse("not json"));
    }

    [Fact]
    public void New_settings_keep_the_replaced_ones_pending_until_settled_and_the_same_settings_change_nothing()
    {
        var before = Record((StackRecord.SingleStack, Spec() with { Site = SiteTypes.CloudFront }));
        var same = StackRecord.Next(before, "shop", "us-east-1", new Dictionary<string, RecordedSpec> { [StackRecord.SingleStack] = RecordedSpec.Of(Spec() with { Site = SiteTypes.CloudFront }) }, wholeStack: true);
        var next = StackRecord.Next(before, "shop", "us-east-1", new Dictionary<string, RecordedSpec> { [StackRecord.SingleStack] = RecordedSpec.Of(Spec()) }, wholeStack: true);

        Assert.True(same.SameAs(before));
        Assert.Equal(SiteTypes.CloudFront, Assert.Single(next.Pending).Settings.Site);
        Assert.Equal(SiteTypes.S3Website, next.Environments[StackRecord.SingleStack].Site);
        Assert.Empty(next.Settled().Pending);
    }

    [Fact]
    public void One_environment_run_leaves_the_others_current_and_a_whole_stack_run_drops_what_it_does_not_name()
    {
        var before = Record(("staging", Spec()), ("production", Spec() with { Branch = "main" }));
        var one = StackRecord.Next(before, "shop", "us-east-1", new Dictionary<string, RecordedSpec> { ["staging"] = RecordedSpec.Of(Spec() with { Branch = "develop" }) }, wholeStack: false);
        var whole = StackRecord.Next(before, "shop", "us-east-1", new Dictionary<string, RecordedSpec> { ["staging"] = RecordedSpec.Of(Spec()) }, wholeStack: true);

        Assert.Equal(["staging", "production"], one.Environments.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("staging", Assert.Single(one.Pending).Environment);
        Assert.Equal(["staging"], whole.Environments.Keys);
        Assert.Equal("production", Assert.Single(whole.Pending).Environment);
    }

    [Fact]
    public void Pruning_removes_the_old_parts_by_kind_and_name_and_never_what_is_used_as_it_is()
    {
        var old = Spec() with { Site = SiteTypes.CloudFront, Test = new TestStage("version: 0.2\nreports:\n  unit:\n    files: ['x.xml']\n"), ApprovalEmail = "a@example.com", ExistingRepository = true };
        var now = Spec() with { ExistingRepository = true };
        var record = StackRecord.Next(Record((StackRecord.SingleStack, old)), "shop", "us-east-1", new Dictionary<string, RecordedSpec> { [StackRecord.SingleStack] = RecordedSpec.Of(now) }, wholeStack: true);

        var removed = StackPruning.Removed(record, StackGraph.For(now), null, Account)!;

        Assert.Equal(
            ["shop-approvals", "shop-build-invalidate", "shop-pipeline-invalidate-role", "shop-test", "shop-test-role", "shop-test-unit"],
            removed.Entries.Select(e => e.Name).Where(n => !n.Contains("cloudfront", StringComparison.Ordinal) && !n.StartsWith("shop-site", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(removed.Entries, e => e.Name == "shop");
        Assert.Null(StackPruning.Removed(Record((StackRecord.SingleStack, now)), StackGraph.For(now), null, Account));
    }

    [Fact]
    public void Options_left_out_keep_the_remembered_settings_and_explicit_ones_drop_parts()
    {
        var remembered = Spec() with { Site = SiteTypes.S3Website, PrivateSite = true, Approval = true, ApprovalEmail = "a@example.com", Test = new TestStage("version: 0.2\n"), Source = "github:octo/shop", ConnectionArn = "arn:aws:codeconnections:us-east-1:123456789012:connection/x" };

        var kept = new StackOverrides().ApplyToRemembered(remembered);
        var dropped = new StackOverrides { Site = SiteTypes.S3Website, DropApproval = true, DropTestStage = true, UseCodeCommit = true }.ApplyToRemembered(remembered);

        Assert.Equal(remembered, kept);
        Assert.Equal((false, false, null, null, null, null), (dropped.PrivateSite, dropped.Approval, dropped.ApprovalEmail, dropped.Test, dropped.Source, dropped.ConnectionArn));
    }

    [Fact]
    public void Teardown_adds_the_recorded_parts_named_by_options_and_nothing_when_the_record_names_only_what_was_found()
    {
        var made = Spec() with { BuildRoleName = "shop-b-role", DeployRoleName = "shop-d-role", ArtifactBucketName = "shop-art" };
        var given = StackGraph.For(Spec());

        var withRecord = StackPruning.WithRecorded(Record((StackRecord.SingleStack, made)), given, null, Account);

        Assert.Equal(["shop-art", "shop-b-role", "shop-d-role"], withRecord.Entries.Select(e => e.Name).Except(given.Entries.Select(e => e.Name)).Order(StringComparer.Ordinal));
        Assert.Same(given, StackPruning.WithRecorded(Record((StackRecord.SingleStack, Spec())), given, null, Account));
    }

    [Fact]
    public void Teardown_of_one_environment_adds_only_that_environments_recorded_parts_and_one_connection_stays_one()
    {
        var staging = Spec() with { BuildRoleName = "shop-staging-b" };
        var production = Spec() with { BuildRoleName = "shop-production-b" };
        var record = Record(("staging", staging), ("production", production));

        var one = StackPruning.WithRecorded(record, StackGraph.For(Spec()), "staging", Account);
        Assert.Contains(one.Entries, e => e.Name == "shop-staging-b");
        Assert.DoesNotContain(one.Entries, e => e.Name == "shop-production-b");

        // The found connection is named by its ARN, the recorded one by its name: the same connection, listed once.
        var github = Spec() with { Source = "github:octo/shop" };
        var found = StackGraph.For(Spec() with { Source = "github:octo/shop", ConnectionArn = "arn:aws:codeconnections:us-east-1:123456789012:connection/x" });
        var both = StackPruning.WithRecorded(Record((StackRecord.SingleStack, github)), found, null, Account);
        Assert.Single(both.Entries, e => e.Key.EndsWith("connection", StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_over_4_KB_is_stored_compressed_and_read_back_and_one_over_8_KB_compressed_is_refused()
    {
        var many = Record([.. Enumerable.Range(1, 30).Select(i => ($"env{i}", Spec() with { Branch = $"release/{i}", ApprovalEmail = "ops@example.com" }))]);
        var stored = many.ToStored();

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(many.ToJson()) > StackRecord.StandardTierBytes);
        Assert.StartsWith("gzip:", stored, StringComparison.Ordinal);
        Assert.True(stored.Length <= StackRecord.StandardTierBytes, $"{stored.Length} bytes");
        Assert.True(many.SameAs(StackRecord.Parse(stored)));
        Assert.Null(many.StoredSizeProblem());
        var small = Record((StackRecord.SingleStack, Spec()));
        Assert.Equal(small.ToJson(), small.ToStored());

        // Settings that do not compress (here: random branch names) past the 8 KB a parameter holds: refused, naming the limit.
        var random = Record([.. Enumerable.Range(1, 40).Select(i => ($"env{i}", Spec() with { Branch = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(100)) }))]);
        Assert.Contains("over the 8192 bytes", random.StoredSizeProblem(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The record mirrors <see cref="StackSpec"/> by hand: a setting added to the spec and forgotten here would be
    /// dropped by the next run that reads the record, so every settable member of the spec is recorded (under its own
    /// name or the one listed) or named here with the reason it is left out.
    /// </summary>
    [Fact]
    public void Every_setting_of_a_stack_is_recorded_or_named_here_as_left_out()
    {
        var leftOut = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(StackSpec.Region)] = "the record is a parameter of the stack's own region",
            [nameof(StackSpec.AccountId)] = "the record is a parameter of the stack's own account",
            [nameof(StackSpec.EnvironmentVariables)] = "values may be secret; they come only from a stack file",
            [nameof(StackSpec.SeedDirectory)] = "a local folder read once, when the repository is created",
        };
        var recordedAs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(StackSpec.BuildspecContent)] = nameof(RecordedSpec.Buildspec),
            [nameof(StackSpec.Test)] = nameof(RecordedSpec.TestBuildspec),
        };
        var recorded = typeof(RecordedSpec).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var settings = typeof(StackSpec).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name).ToList();
        var missing = settings.Where(name => !leftOut.ContainsKey(name) && !recorded.Contains(recordedAs.GetValueOrDefault(name, name))).ToList();

        Assert.Empty(missing);
        Assert.Contains(nameof(StackSpec.Ecs), settings);
        Assert.All(leftOut.Keys.Concat(recordedAs.Keys), name => Assert.Contains(name, settings));
    }
}
