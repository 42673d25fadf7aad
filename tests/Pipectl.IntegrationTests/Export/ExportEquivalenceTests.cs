using System.Text.Json.Nodes;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Export;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Tests.Export;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Export;

/// <summary>
/// <c>pipectl export</c> against what <c>pipectl bootstrap</c> makes: the same stack file is exported and
/// bootstrapped on the emulator; the template, resolved in the emulator's account and region, and the stack read
/// back with pipectl's own drivers have the same names, policy documents (canonical JSON), project settings,
/// pipeline declarations, trigger and approval topic.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExportEquivalenceTests(MotoServer moto)
{
    private const string Region = "us-east-1";

    [Fact]
    public async Task The_exported_template_declares_what_bootstrap_made_for_every_environment()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-export-");
        try
        {
            var stack = "ex" + Guid.NewGuid().ToString("N")[..8];
            var sample = RepositoryRoot.Of("samples/multi-env");
            File.Copy(Path.Combine(sample, "buildspec.yml"), Path.Combine(folder.FullName, "buildspec.yml"));
            var file = Path.Combine(folder.FullName, "pipectl.yaml");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Path.Combine(sample, "pipectl.yaml"))).Replace("name: shop", $"name: {stack}", StringComparison.Ordinal));

            var export = await CliRun.RunAsync("export", "-f", file, "--json");
            var bootstrap = await CliRun.RunAsync("bootstrap", "-f", file, "--endpoint-url", moto.Endpoint, "--region", Region);

            Assert.True(export.ExitCode == 0, export.Stderr);
            Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
            using var session = TestSessions.For(moto);
            var account = (await session.Sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest())).Account;
            var template = TemplateStates.From(TemplateResolution.Resolve(JsonNode.Parse(export.Stdout)!.AsObject(), account, Region, "aws"));
            var (parsed, errors) = StackFileParser.Load(file);
            Assert.Empty(errors);
            var graph = StackGraph.For(parsed!.ToSpecs(Region, account));
            var drivers = new AwsStackDrivers(session, account, SilentProgress.Instance);

            Assert.Equal(graph.Entries.Count(e => e.Wanted), template.Count);
            var compared = 0;
            foreach (var entry in graph.Entries.Where(e => e.Wanted))
            {
                var declared = template[CloudFormationTemplate.LogicalId(entry.Key)];
                var made = await ReadAsync(drivers, entry) ?? throw new InvalidOperationException($"bootstrap made no {entry.Key}");
                Assert.Empty(Differences(declared, made));
                compared++;
            }

            Assert.Equal(20, compared);
            Assert.Equal(0, (await CliRun.RunAsync("teardown", "-f", file, "--yes", "--endpoint-url", moto.Endpoint, "--region", Region)).ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<object?> ReadAsync(IStackDrivers drivers, ResourceEntry entry) => entry switch
    {
        ResourceEntry<RepositorySpec, RepositoryState> e => await drivers.Repositories.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<BucketSpec, BucketState> e => await drivers.Buckets.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<RoleSpec, RoleState> e => await drivers.Roles.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<BuildProjectSpec, BuildProjectState> e => await drivers.BuildProjects.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<TopicSpec, TopicState> e => await drivers.Topics.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<PipelineSpec, PipelineState> e => await drivers.Pipelines.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<RuleSpec, RuleState> e => await drivers.Rules.ReadAsync(e.Desired, CancellationToken.None),
        _ => throw new ArgumentException(entry.Key),
    };

    /// <summary>What differs between the template's resource and the one bootstrap made (tags: the template's are all there).</summary>
    private static List<string> Differences(object declared, object made)
    {
        List<string> differences = (declared, made) switch
        {
            (RepositoryState t, RepositoryState a) => Same("name", t.Name, a.Name).Concat(Same("description", t.Description, a.Description)).ToList(),
            (BucketState t, BucketState a) =>
            [
                .. Same("name", t.Name, a.Name),
                .. Same("versioning", t.Versioning, a.Versioning),
                .. Same("encryption", t.DefaultEncryption, a.DefaultEncryption),
                .. Same("public access block", t.PublicAccessBlock, a.PublicAccessBlock),
                .. Same("website", t.Website, a.Website),
                .. Same("policy", t.Policy is null ? null : PolicyDocumentComparer.Normalize(t.Policy), a.Policy is null ? null : PolicyDocumentComparer.Normalize(a.Policy)),
            ],
            (RoleState t, RoleState a) =>
            [
                .. Same("name", t.Name, a.Name),
                .. Same("trust policy", PolicyDocumentComparer.Normalize(t.TrustPolicy), PolicyDocumentComparer.Normalize(a.TrustPolicy)),
                .. Same("inline policy names", string.Join(",", t.InlinePolicies.Keys.Order()), string.Join(",", a.InlinePolicies.Keys.Order())),
                .. t.InlinePolicies.SelectMany(p => Same($"inline policy {p.Key}", PolicyDocumentComparer.Normalize(p.Value), a.InlinePolicies.TryGetValue(p.Key, out var other) ? PolicyDocumentComparer.Normalize(other) : null)),
            ],
            (BuildProjectState t, BuildProjectState a) =>
            [
                .. Same("name", t.Name, a.Name),
                .. Same("source", (t.SourceType, t.SourceLocation, t.Buildspec), (a.SourceType, a.SourceLocation, a.Buildspec)),
                .. Same("artifacts", t.ArtifactsType, a.ArtifactsType),
                .. Same("environment", (t.EnvironmentType, t.Image, t.ComputeType, t.Privileged), (a.EnvironmentType, a.Image, a.ComputeType, a.Privileged)),
                .. Same("variables", string.Join(";", t.EnvironmentVariables.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}")), string.Join(";", a.EnvironmentVariables.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}"))),
                .. Same("service role", t.ServiceRoleArn, a.ServiceRoleArn),
                .. Same("log group", t.LogGroupName, a.LogGroupName),
            ],
            (PipelineState t, PipelineState a) => PipelineDeclarationComparer.Differences(t.Declaration, a.Declaration).Select(d => d.ToString()).ToList(),
            (RuleState t, RuleState a) =>
            [
                .. Same("name", t.Name, a.Name),
                .. Same("event pattern", EventPatternComparer.AreEquivalent(t.EventPattern!, a.EventPattern!), true),
                .. Same("enabled", t.Enabled, a.Enabled),
                .. Same("targets", string.Join(";", t.Targets), string.Join(";", a.Targets)),
            ],
            (TopicState t, TopicState a) => [.. Same("name", t.Name, a.Name), .. Same("subscriptions", string.Join(",", t.EmailSubscriptions), string.Join(",", a.EmailSubscriptions))],
            _ => [$"{declared.GetType().Name} against {made.GetType().Name}"],
        };
        var declaredTags = ((ITaggedState)declared).Tags;
        var madeTags = ((ITaggedState)made).Tags;
        differences.AddRange(declaredTags.Where(t => madeTags.GetValueOrDefault(t.Key) != t.Value).Select(t => $"tag {t.Key}={t.Value} missing"));
        if (declaredTags.Count < 2)
        {
            differences.Add("the template's resource carries no ownership tags");
        }

        return differences;
    }

    private static IEnumerable<string> Same<T>(string what, T declared, T made) =>
        EqualityComparer<T>.Default.Equals(declared, made) ? [] : [$"{what}: template {declared}, bootstrap {made}"];
}
