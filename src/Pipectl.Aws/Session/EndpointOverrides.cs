namespace Pipectl.Aws.Session;

/// <summary>
/// Where a service's requests go when the user points pipectl elsewhere (an emulator): --endpoint-url wins,
/// then AWS_ENDPOINT_URL_&lt;SERVICE&gt; (the SDK service id upper-cased, spaces as underscores), then AWS_ENDPOINT_URL.
/// </summary>
public sealed class EndpointOverrides(string? endpointUrl, Func<string, string?> environment)
{
    public string? For(string serviceId)
    {
        if (!string.IsNullOrWhiteSpace(endpointUrl))
        {
            return endpointUrl;
        }

        var specific = environment("AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_'));
        if (!string.IsNullOrWhiteSpace(specific))
        {
            return specific;
        }

        var global = environment("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(global) ? null : global;
    }

    /// <summary>True when any service is redirected (S3 then uses path-style addressing).</summary>
    public bool Any(IEnumerable<string> serviceIds) => serviceIds.Any(id => For(id) is not null);
}
