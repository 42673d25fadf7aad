using Amazon.Runtime;

namespace Pipectl.Aws.Runtime;

/// <summary>The body of a successful reply, kept as bytes for the typed client to deserialise.</summary>
internal sealed class RawResponse : AmazonWebServiceResponse
{
    public byte[] Body { get; init; } = [];

    /// <summary>The ETag header (CloudFront's version of what was read or written), or null.</summary>
    public string? ETag { get; init; }
}
