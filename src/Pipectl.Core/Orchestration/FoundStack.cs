using System.Text;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// What a stack has in its region, from its ownership tags alone (the Resource Groups Tagging API's answer for
/// <c>pipectl:stack=&lt;name&gt;</c>, kept only where <c>pipectl:region</c> is this region): the environments its
/// pipelines, projects, rules and topics are named for, and every part made under options the run does not give
/// (a connection, an ECR repository, a bucket or another resource given by name, a report group). A teardown
/// walks the union of the given stack and these parts (<see cref="Specs"/>, <see cref="EntriesOf"/>); each is
/// still deleted only when its own tags say it is the stack's. IAM roles are not in the answer (the tagging API
/// does not cover them): they are the roles each environment's names derive.
/// </summary>
public sealed class FoundStack
{
    /// <summary>The Source given to a spec variant that brings a found connection into the graph (its provider is unknown).</summary>
    private const string FoundConnectionSource = "github:pipectl/found";

    private readonly string _stackName;
    private readonly IReadOnlyList<TaggedArn> _resources;
    private readonly string? _environment;

    public FoundStack(string stackName, IReadOnlyList<TaggedArn> resources, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(resources);
        _stackName = stackName;
        _resources = resources;
        _environment = environment;
    }

    /// <summary>
    /// What a teardown of one environment (<c>--env</c>) takes of what was found: that environment's parts only,
    /// none of the parts no environment's names explain (they could be another environment's).
    /// </summary>
    public FoundStack Within(string? environment) => new(_stackName, _resources, environment);

    /// <summary>Nothing found (the run offline, or a stack with no tagged resource).</summary>
    public static FoundStack Nothing(string stackName) => new(stackName, []);

    /// <summary>The resources found, as the tagging API named them.</summary>
    public IReadOnlyList<TaggedArn> Resources => _resources;

    /// <summary>
    /// The environments found: <c>E</c> for a pipeline <c>&lt;name&gt;-E-pipeline</c>, a project <c>&lt;name&gt;-E-build</c>,
    /// a rule <c>&lt;name&gt;-E-trigger</c> or a topic <c>&lt;name&gt;-E-approvals</c>; in name order.
    /// </summary>
    public IReadOnlyList<string> Environments =>
        [.. _resources.Select(EnvironmentOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The specs to tear down: <paramref name="given"/> (the stack file's, or the options' single stack), and one
    /// per environment found that none of them is, named as a stack file names it. A single stack given by options
    /// is left out when environments were found and none of its own parts were (it never existed).
    /// <see cref="Within"/> one environment, only that environment's.
    /// </summary>
    public IReadOnlyList<EnvironmentStackSpec> Specs(IReadOnlyList<EnvironmentStackSpec> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.Count == 0)
        {
            throw new ArgumentException("At least one spec is given.", nameof(given));
        }

        var template = given[0].Spec;
        if (_environment is not null)
        {
            return [given.FirstOrDefault(g => g.Environment == _environment) ?? ForEnvironment(template, _environment)];
        }

        var specs = given.ToList();
        var missing = Environments.Where(e => specs.All(s => s.Environment != e)).ToList();
        if (missing.Count == 0)
        {
            return specs;
        }

        if (specs is [{ Environment: null } single] && !OwnsAnyPart(single.Spec))
        {
            specs.Clear();
        }

        specs.AddRange(missing.Select(e => ForEnvironment(template, e)));
        return specs;
    }

    /// <summary>
    /// Environment <paramref name="environment"/> of the stack <paramref name="template"/> names, as
    /// <see cref="StackFile"/> names it: every resource from <c>name-environment</c>, the repository shared.
    /// </summary>
    public static EnvironmentStackSpec ForEnvironment(StackSpec template, string environment)
    {
        ArgumentNullException.ThrowIfNull(template);
        var own = StackSpec.FromStackName($"{template.StackName}-{environment}", template.Region, template.AccountId);
        return new EnvironmentStackSpec(environment, template with
        {
            BuildProjectName = own.BuildProjectName,
            PipelineName = own.PipelineName,
            RuleName = own.RuleName,
            BuildRoleName = own.BuildRoleName,
            PipelineRoleName = own.PipelineRoleName,
            DeployRoleName = own.DeployRoleName,
            EventsRoleName = own.EventsRoleName,
            ArtifactBucketName = own.ArtifactBucketName,
            SiteBucketName = own.SiteBucketName,
            ApprovalTopicName = own.ApprovalTopicName,
            TestProjectName = own.TestProjectName,
            SiteIndexFunctionName = own.SiteIndexFunctionName,
        });
    }

    /// <summary>
    /// The entries of <paramref name="spec"/> and of every found part that it does not name: the union of the
    /// entries of variants of the spec (with the found connection, with CodeCommit again, with the found ECR
    /// repository, with a found bucket, pipeline, project, rule, topic or repository of another name, with the
    /// found report groups). An entry of a variant whose key the union has under another name is kept under
    /// <c>key@name</c>. Found parts that no spec names are added to <paramref name="first"/>'s entries only.
    /// </summary>
    public IReadOnlyList<ResourceEntry> EntriesOf(StackSpec spec, bool first, IReadOnlyList<StackSpec> all)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(all);
        var variants = new List<IReadOnlyList<ResourceEntry>> { DesiredStack.From(spec).Entries };
        if (first && _environment is null)
        {
            // A spec with a connection source of its own finds its connection by name; one given by ARN is the user's.
            foreach (var connection in Named("codeconnections", "connection").Concat(Named("codestar-connections", "connection")))
            {
                if (!spec.UsesConnection)
                {
                    var variant = DesiredStack.From(spec with { Source = spec.Source ?? FoundConnectionSource, ConnectionArn = connection.Arn }).Entries;
                    variants.Add([.. variant.Select(e => e.Key == ResourceKeys.Connection ? e with { UseExisting = false } : e)]);
                }
            }

            if (spec.UsesConnection && (Has("codecommit", null, spec.RepositoryName) || Has("events", "rule", spec.RuleName)))
            {
                variants.Add(DesiredStack.From(spec with { Source = null, ConnectionArn = null }).Entries);
            }

            variants.AddRange(EcsDeploy.FoundRepositories(spec, Named("ecr", "repository").Select(r => r.Name)));

            variants.AddRange(Leftovers(all).Select(DesiredStack.From).Select(d => d.Entries));
        }

        var reports = Named("codebuild", "report-group").Select(g => g.Name)
            .Where(n => n.StartsWith($"{spec.TestProjectName}-", StringComparison.Ordinal))
            .Select(n => n[(spec.TestProjectName.Length + 1)..])
            .Where(r => spec.Test?.Reports.All(k => k.Name != r) ?? true)
            .ToList();
        if (reports.Count > 0)
        {
            variants.Add([.. DesiredStack.From(spec with { Test = new TestStage(ReportsBuildspec(reports), spec.Test?.Input ?? TestInputs.Build) }).Entries.Where(e => e.Key.StartsWith(ResourceKeys.ReportGroup(string.Empty), StringComparison.Ordinal) || e.Key is ResourceKeys.TestProject or ResourceKeys.TestRole)]);
        }

        return Union(variants);
    }

    /// <summary>The found parts that no spec names, each as a variant of the first spec that names it.</summary>
    private IEnumerable<StackSpec> Leftovers(IReadOnlyList<StackSpec> all)
    {
        var first = all[0];
        all = [.. all, .. Environments.Select(e => ForEnvironment(first, e).Spec)];
        bool Known(Func<StackSpec, IEnumerable<string>> names, string name) => all.Any(s => names(s).Contains(name, StringComparer.Ordinal));
        foreach (var bucket in Named("s3", null).Select(r => r.Name).Where(n => !Known(s => [s.ArtifactBucketName, s.SiteBucketName], n)))
        {
            yield return first with { ArtifactBucketName = bucket };
        }

        foreach (var pipeline in Named("codepipeline", null).Select(r => r.Name).Where(n => !Known(s => [s.PipelineName], n)))
        {
            yield return first with { PipelineName = pipeline };
        }

        foreach (var project in Named("codebuild", "project").Select(r => r.Name).Where(n => !Known(s => [s.BuildProjectName, s.TestProjectName, s.InvalidationProjectName], n)))
        {
            yield return first with { BuildProjectName = project };
        }

        foreach (var rule in Named("events", "rule").Select(r => r.Name).Where(n => !Known(s => [s.RuleName], n)))
        {
            yield return first with { RuleName = rule };
        }

        foreach (var topic in Named("sns", null).Select(r => r.Name).Where(n => !Known(s => [s.ApprovalTopicName], n)))
        {
            yield return first with { ApprovalTopicName = topic };
        }

        foreach (var repository in Named("codecommit", null).Select(r => r.Name).Where(n => !Known(s => [s.RepositoryName], n)))
        {
            yield return first with { RepositoryName = repository, Source = null, ConnectionArn = null, ExistingRepository = false };
        }
    }

    /// <summary>The entries of every variant, each key once; a key met again under another name is kept as <c>key@name</c>.</summary>
    internal static IReadOnlyList<ResourceEntry> Union(IEnumerable<IReadOnlyList<ResourceEntry>> variants)
    {
        var byKey = new Dictionary<string, ResourceEntry>(StringComparer.Ordinal);
        var result = new List<ResourceEntry>();
        foreach (var entry in variants.SelectMany(v => v))
        {
            if (byKey.TryGetValue(entry.Key, out var existing))
            {
                var renamed = $"{entry.Key}@{entry.Name}";
                if (existing.Name == entry.Name || byKey.ContainsKey(renamed))
                {
                    continue;
                }

                var again = entry with { Key = renamed, DependsOn = [], NeededOnlyToCreate = [] };
                byKey[renamed] = again;
                result.Add(again);
                continue;
            }

            byKey[entry.Key] = entry;
            result.Add(entry);
        }

        return result;
    }

    /// <summary>A buildspec whose <c>reports:</c> names <paramref name="reports"/>: how the graph gets their report groups.</summary>
    private static string ReportsBuildspec(IEnumerable<string> reports)
    {
        var text = new StringBuilder("version: 0.2\nphases:\n  build:\n    commands:\n      - \"true\"\nreports:\n");
        foreach (var report in reports)
        {
            text.Append("  ").Append(report).Append(":\n    files:\n      - \"**/*\"\n");
        }

        return text.ToString();
    }

    private bool OwnsAnyPart(StackSpec spec) =>
        Has("codepipeline", null, spec.PipelineName) || Has("codebuild", "project", spec.BuildProjectName) || Has("events", "rule", spec.RuleName)
        || Has("sns", null, spec.ApprovalTopicName) || Has("s3", null, spec.ArtifactBucketName) || Has("s3", null, spec.SiteBucketName);

    private bool Has(string service, string? type, string name) => Named(service, type).Any(r => r.Name == name);

    private IEnumerable<TaggedArn> Named(string service, string? type) =>
        _resources.Where(r => r.Service == service && r.ResourceType == type);

    /// <summary>The environment a found resource's name is derived for, or null.</summary>
    private string? EnvironmentOf(TaggedArn resource)
    {
        var suffix = (resource.Service, resource.ResourceType) switch
        {
            ("codepipeline", null) => "-pipeline",
            ("codebuild", "project") => "-build",
            ("events", "rule") => "-trigger",
            ("sns", null) => "-approvals",
            _ => null,
        };
        var prefix = $"{_stackName}-";
        if (suffix is null || resource.Name.Length <= prefix.Length + suffix.Length || !resource.Name.EndsWith(suffix, StringComparison.Ordinal) || !resource.Name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var environment = resource.Name[prefix.Length..^suffix.Length];
        return environment.Length > 0 && environment.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? environment : null;
    }
}
