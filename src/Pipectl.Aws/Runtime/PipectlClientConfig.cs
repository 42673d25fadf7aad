using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// The SDK client configuration of one of pipectl's own service clients; everything service-specific
/// comes from <typeparamref name="TFacts"/>'s static members.
/// </summary>
public sealed class PipectlClientConfig<TFacts> : ClientConfig where TFacts : IAwsServiceFacts
{
    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString("pipectl");

    public PipectlClientConfig()
        : base(new DefaultConfigurationProvider(StandardConfigurations))
    {
        base.ServiceId = TFacts.ServiceId;
        AuthenticationServiceName = TFacts.SigningName;
        EndpointProvider = new PipectlEndpointProvider<TFacts>();
        if (TFacts.IsGlobal)
        {
            // A global service is signed for us-east-1 whatever the session's region, emulator or not.
            AuthenticationRegion = PipectlEndpointProvider<TFacts>.GlobalSigningRegion;
        }
    }

    private static IEnumerable<IDefaultConfiguration> StandardConfigurations =>
    [
        new DefaultConfiguration
        {
            Name = DefaultConfigurationMode.Standard,
            RetryMode = RequestRetryMode.Standard,
            ConnectTimeout = TimeSpan.FromSeconds(3.1),
            TlsNegotiationTimeout = TimeSpan.FromSeconds(3.1),
        },
    ];

    public override string RegionEndpointServiceName => TFacts.EndpointPrefix;

    public override string ServiceVersion => TFacts.ApiVersion;

    public override string UserAgent => UserAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var endpointParameters = new EndpointParameters
        {
            ["Region"] = RegionEndpoint?.SystemName ?? AuthenticationRegion,
            ["Endpoint"] = ServiceURL,
            [PipectlEndpointProvider<TFacts>.HostPrefixParameter] = null,
        };
        return EndpointProvider.ResolveEndpoint(endpointParameters);
    }
}
