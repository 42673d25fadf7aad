using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// What one request names, for error lines ("repository demo"): read from the request as marshalled, the
/// same way for pipectl's JSON and Query clients and the SDK's S3 client.
/// </summary>
internal static class RequestResource
{
    /// <summary>Request members that name the resource, in the order they are tried, with what they name.</summary>
    private static readonly (string Member, string? Noun)[] Members =
    [
        ("repositoryName", "repository"), ("pipelineName", "pipeline"), ("projectName", "project"),
        ("logGroupName", "log group"), ("RoleName", "role"), ("TopicArn", "topic"), ("Rule", "rule"),
        ("name", null), ("Name", null), ("names", "project"), ("ids", "build"), ("pipelineExecutionId", "execution"),
        ("services", "ECS service"), ("clusters", "ECS cluster"), ("taskDefinition", "task definition"),
    ];

    /// <summary>The noun of a bare "name" member, by service.</summary>
    private static readonly Dictionary<string, string> NameNouns = new(StringComparer.Ordinal)
    {
        ["CodePipeline"] = "pipeline",
        ["CodeBuild"] = "project",
        ["EventBridge"] = "rule",
        ["SNS"] = "topic",
        ["CodeCommit"] = "repository",
        ["IAM"] = "role",
    };

    /// <summary>"repository demo", or null when the request names nothing pipectl recognises.</summary>
    public static string? Of(string serviceId, IRequestContext context) => Find(serviceId, context)?.ToString();

    /// <summary>The kind and name of what the request names.</summary>
    public static NamedResource? Find(string serviceId, IRequestContext context)
    {
        try
        {
            return context.OriginalRequest switch
            {
                JsonOperationRequest json => FromJson(serviceId, json.Body),
                QueryOperationRequest query => FromPairs(serviceId, query.Parameters),
                _ => FromPath(context.Request),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static NamedResource? FromJson(string serviceId, byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
                _ => null,
            };
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(property.Name, value));
            }
        }

        return FromPairs(serviceId, pairs);
    }

    private static NamedResource? FromPairs(string serviceId, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        foreach (var (member, noun) in Members)
        {
            var match = pairs.FirstOrDefault(p => p.Key == member);
            if (match.Value is { Length: > 0 } value)
            {
                return new NamedResource(noun ?? NameNouns.GetValueOrDefault(serviceId, "resource"), value);
            }
        }

        return null;
    }

    /// <summary>The SDK's S3 requests carry the bucket (and key) as path resources.</summary>
    private static NamedResource? FromPath(IRequest? request)
    {
        if (request?.PathResources is not { Count: > 0 } resources)
        {
            return null;
        }

        var bucket = resources.TryGetValue("{Bucket}", out var b) ? b : null;
        var key = resources.TryGetValue("{Key+}", out var k) ? k : null;
        return bucket is null ? null : key is null ? new NamedResource("bucket", bucket) : new NamedResource("object", $"{key} in bucket {bucket}");
    }
}
