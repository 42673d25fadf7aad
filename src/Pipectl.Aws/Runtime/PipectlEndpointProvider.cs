using Amazon.Runtime.Endpoints;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Resolves the URL and the SigV4 scope of a request. A configured endpoint (an emulator) wins, used as it is;
/// otherwise the regional endpoint, with the request's host prefix if it has one (S3 Control's "ACCOUNT."),
/// or for a global service (IAM) https://iam.amazonaws.com signed for us-east-1.
/// </summary>
public sealed class PipectlEndpointProvider<TFacts> : IEndpointProvider where TFacts : IAwsServiceFacts
{
    public const string GlobalSigningRegion = "us-east-1";

    /// <summary>The endpoint parameter carrying a request's host prefix (a host label such as the account ID and a dot).</summary>
    public const string HostPrefixParameter = "PipectlHostPrefix";

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        var region = parameters["Region"] as string;
        var configured = parameters["Endpoint"] as string;
        var signingRegion = TFacts.IsGlobal ? GlobalSigningRegion : region;
        if (string.IsNullOrEmpty(signingRegion))
        {
            throw new Amazon.Runtime.AmazonClientException($"No AWS region is set for {TFacts.ServiceId}.");
        }

        string url;
        if (!string.IsNullOrEmpty(configured))
        {
            url = configured;
        }
        else if (TFacts.IsGlobal)
        {
            url = $"https://{TFacts.EndpointPrefix}.amazonaws.com";
        }
        else
        {
            var hostPrefix = parameters[HostPrefixParameter] as string;
            url = $"https://{hostPrefix}{TFacts.EndpointPrefix}.{region}.{DnsSuffix(region!)}";
        }

        var attributes = $$"""{"authSchemes":[{"name":"sigv4","signingName":"{{TFacts.SigningName}}","signingRegion":"{{signingRegion}}"}]}""";
        return new Endpoint(url, attributes, "");
    }

    private static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
}
