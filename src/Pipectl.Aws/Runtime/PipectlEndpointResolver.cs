using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// The pipeline handler that feeds region and configured endpoint to <see cref="PipectlEndpointProvider{TFacts}"/>.
/// With a ServiceURL the SDK leaves RegionEndpoint null, so the region falls back to AuthenticationRegion.
/// </summary>
internal sealed class PipectlEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var region = config.RegionEndpoint?.SystemName;
        if (string.IsNullOrEmpty(region))
        {
            region = config.AuthenticationRegion;
        }

        return new EndpointParameters
        {
            ["Region"] = region,
            ["Endpoint"] = config.ServiceURL,
            [PipectlEndpointProvider<S3ControlFacts>.HostPrefixParameter] = requestContext.Request?.HostPrefix,
        };
    }
}
