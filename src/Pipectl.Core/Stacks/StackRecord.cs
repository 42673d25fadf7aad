using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipectl.Core.Naming;

namespace Pipectl.Core.Stacks;

/// <summary>
/// What pipectl remembers of a stack in the account (docs/stack-record.md): the settings of each environment it has
/// now (<see cref="Environments"/>, keyed <c>""</c> for a stack made from options), and the settings of earlier runs
/// whose parts may still exist (<see cref="Pending"/>: written with the new settings before a run's first write,
/// cleared once its removed parts are gone). No secret: build environment variables and seed folders are not kept.
/// </summary>
public sealed record StackRecord
{
    public const int CurrentVersion = 1;

    /// <summary>The key of a stack made from options (no stack file environments).</summary>
    public const string SingleStack = "";

    public int Version { get; init; } = CurrentVersion;

    public required string Stack { get; init; }

    public required string Region { get; init; }

    /// <summary>The settings of each environment the stack has now.</summary>
    public Dictionary<string, RecordedSpec> Environments { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Settings whose parts may still be there: they are removed by the run that wrote them here.</summary>
    public List<RecordedEnvironment> Pending { get; init; } = [];

    /// <summary>Every settings the record names, current first: whatever of them exists belongs to the stack.</summary>
    public IEnumerable<RecordedEnvironment> All => Current.Concat(Pending);

    private IEnumerable<RecordedEnvironment> Current => Environments.Select(e => new RecordedEnvironment(e.Key, e.Value));

    /// <summary>
    /// The record after a run that wants <paramref name="now"/> in the environments it covers: those settings become
    /// current, and every settings they replace is kept pending until its parts are removed. <paramref name="wholeStack"/>:
    /// the run covers every environment (an environment it does not name is dropped, pending).
    /// </summary>
    public static StackRecord Next(StackRecord? before, string stack, string region, IReadOnlyDictionary<string, RecordedSpec> now, bool wholeStack)
    {
        ArgumentNullException.ThrowIfNull(now);
        var environments = new Dictionary<string, RecordedSpec>(StringComparer.Ordinal);
        var pending = new List<RecordedEnvironment>(before?.Pending ?? []);
        foreach (var (environment, settings) in before?.Environments ?? [])
        {
            if (!wholeStack && !now.ContainsKey(environment))
            {
                environments[environment] = settings;
                continue;
            }

            if (!now.TryGetValue(environment, out var replacing) || replacing != settings)
            {
                pending.Add(new RecordedEnvironment(environment, settings));
            }
        }

        foreach (var (environment, settings) in now)
        {
            environments[environment] = settings;
        }

        var current = environments.Select(e => new RecordedEnvironment(e.Key, e.Value)).ToHashSet();
        return new StackRecord
        {
            Stack = stack,
            Region = region,
            Environments = environments,
            Pending = [.. pending.Distinct().Where(p => !current.Contains(p))],
        };
    }

    /// <summary>This record with nothing pending (the removed parts are gone).</summary>
    public StackRecord Settled() => this with { Pending = [] };

    /// <summary>
    /// This record written over <paramref name="other"/>, a record another run wrote meanwhile: this record's settings
    /// stay current, and every settings of <paramref name="other"/> (current or pending) that is not current here is
    /// kept pending, so nothing the other run may have made is forgotten (docs/stack-record.md, Concurrent runs).
    /// </summary>
    public StackRecord Over(StackRecord? other)
    {
        var current = Current.ToHashSet();
        return this with { Pending = [.. Pending.Concat(other?.All ?? []).Distinct().Where(p => !current.Contains(p))] };
    }

    /// <summary>
    /// This record (the one a run planned) with nothing pending but what <paramref name="written"/>, the record the run
    /// actually wrote, holds pending beyond this plan: settings a concurrent run left, which this run did not remove.
    /// </summary>
    public StackRecord SettledAfter(StackRecord? written) =>
        this with { Pending = [.. (written?.Pending ?? []).Except(Pending).Except(Current)] };

    /// <summary>True when both say the same (written again only when not).</summary>
    public bool SameAs(StackRecord? other) => other is not null && ToJson() == other.ToJson();

    public string ToJson() => JsonSerializer.Serialize(this, StackRecordJson.Default.StackRecord);

    /// <summary>Parameter Store's Standard tier: a value of at most 4 KB (free); Intelligent-Tiering moves a longer one to Advanced.</summary>
    public const int StandardTierBytes = 4096;

    /// <summary>The most a parameter value holds (Advanced tier): 8 KB.</summary>
    public const int MostStoredBytes = 8192;

    /// <summary>
    /// What is stored: the JSON, or, when it is over the Standard tier's 4 KB, the JSON gzipped and base64-encoded
    /// behind <c>gzip:</c> (a stack file's environments repeat each other's settings, so it shrinks several times).
    /// </summary>
    public string ToStored()
    {
        var json = ToJson();
        return Encoding.UTF8.GetByteCount(json) <= StandardTierBytes ? json : RecordedSpec.Pack(json)!;
    }

    /// <summary>
    /// Why this record cannot be stored (over the 8 KB a parameter holds even compressed), for the run to stop before
    /// its first write; null when it fits.
    /// </summary>
    public string? StoredSizeProblem() => Encoding.UTF8.GetByteCount(ToStored()) is var bytes and > MostStoredBytes
        ? $"the stack's record (/pipectl/stacks/{Stack}) would be {bytes} bytes compressed, over the {MostStoredBytes} bytes a Parameter Store parameter holds: split the stack file's {Environments.Count + Pending.Count} environment settings into several stacks, or shorten their buildspecs. Nothing was written."
        : null;

    /// <summary>The record in <paramref name="stored"/> (JSON, or <see cref="ToStored"/>'s compressed form), or null when it is not one this version reads (then it is not used).</summary>
    public static StackRecord? Parse(string stored)
    {
        try
        {
            var record = JsonSerializer.Deserialize(RecordedSpec.Unpack(stored)!, StackRecordJson.Default.StackRecord);
            return record is { Version: CurrentVersion } ? record : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
        {
            return null;
        }
    }
}

/// <summary>One environment's settings (<see cref="StackRecord.SingleStack"/> for a stack made from options).</summary>
public sealed record RecordedEnvironment(string Environment, RecordedSpec Settings);

/// <summary>
/// A <see cref="StackSpec"/> as the record keeps it: every name and setting that decides which resources the stack has
/// and what they are, without the account (it is the record's own) and without build environment variables (they may
/// be secret, and come only from a stack file). Buildspecs longer than a line or two are kept gzip-compressed.
/// </summary>
public sealed record RecordedSpec
{
    private const string Compressed = "gzip:";

    public required string StackName { get; init; }

    public required string RepositoryName { get; init; }

    public string? RepositoryDescription { get; init; }

    public bool ExistingRepository { get; init; }

    public required string Branch { get; init; }

    public required string BuildProjectName { get; init; }

    public required string PipelineName { get; init; }

    public required string RuleName { get; init; }

    public required string BuildRoleName { get; init; }

    public required string PipelineRoleName { get; init; }

    public required string DeployRoleName { get; init; }

    public required string EventsRoleName { get; init; }

    public required string ArtifactBucketName { get; init; }

    public required string SiteBucketName { get; init; }

    public required string ApprovalTopicName { get; init; }

    public required string TestProjectName { get; init; }

    /// <summary>The CloudFront site's index function when it is not the name derived from the stack (an environment's); else null.</summary>
    public string? SiteIndexFunctionName { get; init; }

    public required string BuildImage { get; init; }

    public required string ComputeType { get; init; }

    public required string SourceType { get; init; }

    public bool Privileged { get; init; }

    public string? Buildspec { get; init; }

    public bool Approval { get; init; }

    public string? ApprovalEmail { get; init; }

    public required string PipelineType { get; init; }

    public bool PrivateSite { get; init; }

    public required string Site { get; init; }

    public required string Deploy { get; init; }

    public EcsDeployment? Ecs { get; init; }

    public string? TestBuildspec { get; init; }

    public string? TestInput { get; init; }

    public string? Source { get; init; }

    public string? ConnectionArn { get; init; }

    public List<string>? TriggerFilePaths { get; init; }

    public bool Equals(RecordedSpec? other) => other is not null && JsonSerializer.Serialize(this, StackRecordJson.Default.RecordedSpec) == JsonSerializer.Serialize(other, StackRecordJson.Default.RecordedSpec);

    public override int GetHashCode() => JsonSerializer.Serialize(this, StackRecordJson.Default.RecordedSpec).GetHashCode(StringComparison.Ordinal);

    public static RecordedSpec Of(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new RecordedSpec
        {
            StackName = spec.StackName,
            RepositoryName = spec.RepositoryName,
            RepositoryDescription = spec.RepositoryDescription,
            ExistingRepository = spec.ExistingRepository,
            Branch = spec.Branch,
            BuildProjectName = spec.BuildProjectName,
            PipelineName = spec.PipelineName,
            RuleName = spec.RuleName,
            BuildRoleName = spec.BuildRoleName,
            PipelineRoleName = spec.PipelineRoleName,
            DeployRoleName = spec.DeployRoleName,
            EventsRoleName = spec.EventsRoleName,
            ArtifactBucketName = spec.ArtifactBucketName,
            SiteBucketName = spec.SiteBucketName,
            ApprovalTopicName = spec.ApprovalTopicName,
            TestProjectName = spec.TestProjectName,
            SiteIndexFunctionName = spec.SiteIndexFunctionName == StackNames.SiteIndexFunction(spec.StackName, spec.Region) ? null : spec.SiteIndexFunctionName,
            BuildImage = spec.BuildImage,
            ComputeType = spec.ComputeType,
            SourceType = spec.SourceType,
            Privileged = spec.Privileged,
            Buildspec = Pack(spec.BuildspecContent),
            Approval = spec.Approval,
            ApprovalEmail = spec.ApprovalEmail,
            PipelineType = spec.PipelineType,
            PrivateSite = spec.PrivateSite,
            Site = spec.Site,
            Deploy = spec.Deploy,
            Ecs = spec.IsEcsDeploy ? spec.Ecs : null,
            TestBuildspec = Pack(spec.Test?.Buildspec),
            TestInput = spec.Test?.Input,
            Source = spec.Source,
            ConnectionArn = spec.ConnectionArn,
            TriggerFilePaths = spec.TriggerFilePaths.Count == 0 ? null : [.. spec.TriggerFilePaths],
        };
    }

    /// <summary>The spec these settings describe, in <paramref name="region"/> of <paramref name="accountId"/>.</summary>
    public StackSpec ToSpec(string region, string? accountId) => new()
    {
        StackName = StackName,
        Region = region,
        AccountId = accountId,
        RepositoryName = RepositoryName,
        RepositoryDescription = RepositoryDescription,
        ExistingRepository = ExistingRepository,
        Branch = Branch,
        BuildProjectName = BuildProjectName,
        PipelineName = PipelineName,
        RuleName = RuleName,
        BuildRoleName = BuildRoleName,
        PipelineRoleName = PipelineRoleName,
        DeployRoleName = DeployRoleName,
        EventsRoleName = EventsRoleName,
        ArtifactBucketName = ArtifactBucketName,
        SiteBucketName = SiteBucketName,
        ApprovalTopicName = ApprovalTopicName,
        TestProjectName = TestProjectName,
        SiteIndexFunctionName = SiteIndexFunctionName ?? StackNames.SiteIndexFunction(StackName, region),
        BuildImage = BuildImage,
        ComputeType = ComputeType,
        SourceType = SourceType,
        Privileged = Privileged,
        BuildspecContent = Unpack(Buildspec),
        Approval = Approval,
        ApprovalEmail = ApprovalEmail,
        PipelineType = PipelineType,
        PrivateSite = PrivateSite,
        Site = Site,
        Deploy = Deploy,
        Ecs = Ecs ?? new EcsDeployment(),
        Test = Unpack(TestBuildspec) is { } tests ? new TestStage(tests, TestInput ?? TestInputs.Build) : null,
        Source = Source,
        ConnectionArn = ConnectionArn,
        TriggerFilePaths = TriggerFilePaths ?? [],
    };

    internal static string? Pack(string? text)
    {
        if (text is null || text.Length < 256)
        {
            return text;
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return Compressed + Convert.ToBase64String(buffer.ToArray());
    }

    internal static string? Unpack(string? text)
    {
        if (text is null || !text.StartsWith(Compressed, StringComparison.Ordinal))
        {
            return text;
        }

        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(text[Compressed.Length..])), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>Source-generated JSON metadata of the record; camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(StackRecord))]
[JsonSerializable(typeof(RecordedSpec))]
internal sealed partial class StackRecordJson : JsonSerializerContext;
