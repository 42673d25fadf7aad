using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Ssm;

/// <summary>
/// pipectl's own Systems Manager client, only for Parameter Store (JSON 1.1, target prefix AmazonSSM, signed "ssm";
/// PascalCase members): the record of a stack (<see cref="StackRecordStore"/>).
/// </summary>
public class SsmClient(AWSCredentials credentials, PipectlClientConfig<SsmFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<SsmFacts>(credentials, config, SsmFacts.TargetPrefix, counter)
{
    private static SsmJsonContext Json => SsmJsonContext.Default;

    /// <summary>GetParameter: the parameter; <c>ParameterNotFound</c> (not found) when there is none.</summary>
    public virtual Task<GetParameterReply> GetParameterAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetParameter", new ParameterNameRequest(name), Json.ParameterNameRequest, Json.GetParameterReply, cancellationToken);

    /// <summary>PutParameter: writes a String parameter (tags only on a new one: AWS refuses Tags with Overwrite).</summary>
    public virtual Task PutParameterAsync(PutParameterRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("PutParameter", request, Json.PutParameterRequest, Json.JsonElement, cancellationToken);

    /// <summary>DeleteParameter; <c>ParameterNotFound</c> when it is gone.</summary>
    public virtual Task DeleteParameterAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteParameter", new ParameterNameRequest(name), Json.ParameterNameRequest, Json.JsonElement, cancellationToken);
}

public sealed record ParameterNameRequest(string Name);

public sealed record SsmTag(string Key, string Value);

public sealed record PutParameterRequest(string Name, string Value, string Description)
{
    public string Type { get; init; } = "String";

    public bool Overwrite { get; init; }

    /// <summary>Standard up to 4 KB, Advanced above it, decided by Parameter Store (no charge while it fits Standard).</summary>
    public string Tier { get; init; } = "Intelligent-Tiering";

    public IReadOnlyList<SsmTag>? Tags { get; init; }
}

public sealed record SsmParameter(string? Name, string? Value, long? Version);

public sealed record GetParameterReply(SsmParameter? Parameter);

/// <summary>Source-generated JSON metadata of the Parameter Store shapes; members are PascalCase.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ParameterNameRequest))]
[JsonSerializable(typeof(PutParameterRequest))]
[JsonSerializable(typeof(GetParameterReply))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SsmJsonContext : JsonSerializerContext;
