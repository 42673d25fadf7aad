using System.Text.Json.Nodes;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Export;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Targets;
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
        var sample = RepositoryRoot.Of("samples/multi-env");
        var compared = await CompareAsync(
            stack => File.ReadAllText(Path.Combine(sample, "pipectl.yaml")).Replace("name: shop", $"name: {stack}", StringComparison.Ordinal),
            Path.Combine(sample, "buildspec.yml"));

        Assert.Equal(20, compared);
    }

    [Fact]
    public async Task The_exported_template_declares_the_CloudFront_site_bootstrap_made()
    {
        var compared = await CompareAsync(stack => $"name: {stack}\nsite: cloudfront\napproval:\n  email: releases@example.com\n", null);

        // Repository, 2 buckets, 4 roles, project, pipeline, rule, topic; the distribution, its invalidation role and project.
        Assert.Equal(14, compared);
    }

    [Fact]
    public async Task The_exported_template_declares_the_connection_source_bootstrap_made()
    {
        var compared = await CompareAsync(stack => $"name: {stack}\nsource:\n  repository: github:octo-org/{stack}\n  filePaths:\n    - site/**\n", null);

        // The connection in place of the repository, rule and events role: 2 buckets, 3 roles, project, pipeline.
        Assert.Equal(8, compared);
    }

    [Fact]
    public async Task The_exported_template_declares_the_ECS_deploy_bootstrap_made_with_the_services_roles_as_parameters()
    {
        var compared = await CompareAsync(
            stack => $"name: {stack}\ndeploy:\n  target: ecs\n  cluster: {stack}-c\n  service: {stack}-s\n  containerName: web\n",
            null,
            async stack => await EcsFixture.CreateServiceAsync(moto, stack + "-c", stack + "-s", "web"),
            stack => new Dictionary<string, string>
            {
                [EcsDeployTarget.TaskRoleParameter] = EcsFixture.TaskRole(stack + "-s"),
                [EcsDeployTarget.ExecutionRoleParameter] = EcsFixture.ExecutionRole(stack + "-s"),
                [EcsDeployTarget.TaskDefinitionFamilyParameter] = stack + "-s",
            });

        // Repository, artifact bucket, ECR repository, 4 roles, project, pipeline, rule (no site bucket; the service is only read).
        Assert.Equal(10, compared);
    }

    /// <summary>
    /// Exports and bootstraps the stack file <paramref name="yaml"/> writes for a fresh stack name, compares every
    /// resource of the template (resolved with the attributes AWS gave and <paramref name="parameters"/>) with the one
    /// bootstrap made, tears the stack down and returns how many resources were compared.
    /// </summary>
    private async Task<int> CompareAsync(Func<string, string> yaml, string? buildspec, Func<string, Task>? arrange = null, Func<string, Dictionary<string, string>>? parameters = null)
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-export-");
        try
        {
            var stack = "ex" + Guid.NewGuid().ToString("N")[..8];
            if (buildspec is not null)
            {
                File.Copy(buildspec, Path.Combine(folder.FullName, "buildspec.yml"));
            }

            var file = Path.Combine(folder.FullName, "pipectl.yaml");
            await File.WriteAllTextAsync(file, yaml(stack));
            if (arrange is not null)
            {
                await arrange(stack);
            }

            var export = await CliRun.RunAsync("export", "-f", file, "--json");
            var bootstrap = await CliRun.RunAsync("bootstrap", "-f", file, "--endpoint-url", moto.Endpoint, "--region", Region);

            Assert.True(export.ExitCode == 0, export.Stderr);
            Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
            using var session = TestSessions.For(moto);
            var account = (await session.Sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest())).Account;
            var (parsed, errors) = StackFileParser.Load(file);
            Assert.Empty(errors);
            var graph = StackGraph.For(parsed!.ToSpecs(Region, account));
            var drivers = new AwsStackDrivers(session, account, SilentProgress.Instance);
            var given = parameters?.Invoke(stack) ?? [];
            foreach (var entry in graph.Entries)
            {
                switch (entry)
                {
                    case ResourceEntry<DistributionSpec, DistributionState> e:
                        given[CloudFormationTemplate.LogicalId(e.Key) + ".Id"] = (await drivers.Distributions.ReadAsync(e.Desired, CancellationToken.None))!.Id;
                        break;
                    case ResourceEntry<ConnectionSpec, ConnectionState> e:
                        given[CloudFormationTemplate.LogicalId(e.Key) + ".ConnectionArn"] = (await drivers.Connections.ReadAsync(e.Desired, CancellationToken.None))!.Arn;
                        break;
                }
            }

            var template = TemplateStates.From(TemplateResolution.Resolve(JsonNode.Parse(export.Stdout)!.AsObject(), account, Region, "aws", given: given));
            var wanted = graph.Entries.Where(e => e.Wanted && !e.UseExisting).ToList();
            Assert.Equal(wanted.Count, template.Count);
            var compared = 0;
            foreach (var entry in wanted)
            {
                var declared = template[CloudFormationTemplate.LogicalId(entry.Key)];
                var made = await ReadAsync(drivers, entry) ?? throw new InvalidOperationException($"bootstrap made no {entry.Key}");
                Assert.True(Differences(declared, made) is [], $"{entry.Key}: {string.Join("; ", Differences(declared, made))}");
                compared++;
            }

            // --no-wait: a CloudFront distribution is disabled and left to a later teardown; everything else goes.
            Assert.Equal(0, (await CliRun.RunAsync("teardown", "-f", file, "--yes", "--no-wait", "--endpoint-url", moto.Endpoint, "--region", Region)).ExitCode);
            return compared;
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
        ResourceEntry<DistributionSpec, DistributionState> e => await drivers.Distributions.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<ConnectionSpec, ConnectionState> e => await drivers.Connections.ReadAsync(e.Desired, CancellationToken.None),
        ResourceEntry<EcrRepositorySpec, EcrRepositoryState> e => await drivers.EcrRepositories.ReadAsync(e.Desired, CancellationToken.None),
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
                .. t.InlinePolicies.SelectMany(p => Same($"inline policy {p.Key}", PolicyDocumentComparer.Normalize(ForMadeConnection(p.Value, a.InlinePolicies.GetValueOrDefault(p.Key))), a.InlinePolicies.TryGetValue(p.Key, out var other) ? PolicyDocumentComparer.Normalize(other) : null)),
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
            (DistributionState t, DistributionState a) =>
            [
                .. Same("origin", t.OriginDomain, a.OriginDomain),
                .. Same("origin access control", t.OriginAccessControlName, a.OriginAccessControlName),
                .. Same("enabled", t.Enabled, a.Enabled),
                .. Same("viewer protocol policy", t.ViewerProtocolPolicy, a.ViewerProtocolPolicy),
                .. Same("default root object", t.DefaultRootObject, a.DefaultRootObject),
                .. Same("cache policy", t.CachePolicyId, a.CachePolicyId),
                .. Same("error responses", string.Join(", ", t.ErrorResponses), string.Join(", ", a.ErrorResponses)),
            ],
            (ConnectionState t, ConnectionState a) => [.. Same("name", t.Name, a.Name), .. Same("provider", t.ProviderType, a.ProviderType)],
            (EcrRepositoryState t, EcrRepositoryState a) =>
            [
                .. Same("name", t.Name, a.Name),
                .. Same("scan on push", t.ScanOnPush, a.ScanOnPush),
                .. Same("lifecycle policy", t.LifecyclePolicy is null ? null : JsonNode.Parse(t.LifecyclePolicy)!.ToJsonString(), a.LifecyclePolicy is null ? null : JsonNode.Parse(a.LifecyclePolicy)!.ToJsonString()),
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

    /// <summary>
    /// The template's policy as it reads for the connection bootstrap made. The template cannot know which service
    /// prefix the ARN CloudFormation gives will carry, so it allows UseConnection under both (as a plan does before the
    /// ARN is known); bootstrap, knowing the ARN, allows the one matching action. Only that action is dropped here.
    /// </summary>
    private static string ForMadeConnection(string template, string? made)
    {
        if (made is null)
        {
            return template;
        }

        var document = JsonNode.Parse(template)!;
        foreach (var statement in document["Statement"]!.AsArray())
        {
            if (statement!["Action"] is JsonArray actions && actions.Count == 2 && actions.Any(a => (string?)a == "codeconnections:UseConnection") && actions.Any(a => (string?)a == "codestar-connections:UseConnection"))
            {
                var unused = made.Contains("codestar-connections:UseConnection", StringComparison.Ordinal) ? "codeconnections:UseConnection" : "codestar-connections:UseConnection";
                if (!made.Contains(unused, StringComparison.Ordinal))
                {
                    statement["Action"] = actions.Select(a => (string)a!).Single(a => a != unused);
                }
            }
        }

        return document.ToJsonString();
    }

    private static IEnumerable<string> Same<T>(string what, T declared, T made) =>
        EqualityComparer<T>.Default.Equals(declared, made) ? [] : [$"{what}: template {declared}, bootstrap {made}"];
}
