using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.SharedInterfaces;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace Pipectl.Aws.Session;

/// <summary>
/// Hands the SDK the SSO, SSO OIDC and STS clients its credential providers need for SSO and assume-role
/// profiles. Without this the SDK finds them by loading their assemblies through reflection, which Native
/// AOT cannot do: an SSO or assume-role profile would fail at run time with MissingRuntimeDependencyException.
/// Registering only stores factories: no client is built, no profile or credential is read, so it costs
/// nothing on the start path. Call it once, before anything else (Program.cs does).
/// </summary>
/// <remarks>
/// The registry's STS context carries the region but not the source credentials of the role being assumed
/// (the reflection path passes them to the client's constructor). So the STS factory returns a small
/// <see cref="ICoreAmazonSTS"/> that, when AssumeRole is actually needed, finds the profile that names the
/// role (role_arn) and signs with that profile's source credentials (source_profile or credential_source,
/// resolved by the SDK, so chains of roles work too). Web identity and SAML calls are unsigned, as in the
/// SDK. Nothing is resolved inside the factory itself: the registry calls it under a lock, and resolving
/// credentials there can re-enter it (aws/aws-sdk-net#3153).
/// </remarks>
public static class SdkRuntimeDependencies
{
    private static int _registered;

    private static EndpointOverrides? _endpoints;

    /// <summary>
    /// Where the credential providers' own requests go (AssumeRole, SSO): the endpoint settings of the session being
    /// made (--endpoint-url, AWS_ENDPOINT_URL_STS / _SSO / _SSO_OIDC, AWS_ENDPOINT_URL), so that a run pointed at an
    /// emulator sends nothing, not even the credential chain's requests, to AWS. Set by <see cref="AwsSession.Create"/>.
    /// </summary>
    public static void UseEndpoints(EndpointOverrides endpoints) => Volatile.Write(ref _endpoints, endpoints);

    /// <summary><paramref name="config"/> sent to the endpoint the settings name for <paramref name="serviceId"/>, if any.</summary>
    internal static TConfig Directed<TConfig>(TConfig config, string serviceId, RegionEndpoint? region) where TConfig : ClientConfig
    {
        if (Volatile.Read(ref _endpoints)?.For(serviceId) is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = (region ?? RegionEndpoint.USEast1).SystemName;
        }
        else
        {
            config.RegionEndpoint = region ?? RegionEndpoint.USEast1;
        }

        return config;
    }

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSSOClient(context =>
        {
            var data = context.SSOClientContextData;
            return new AmazonSSOClient(new AnonymousAWSCredentials(), WithProxy(Directed(new AmazonSSOConfig(), "SSO", data.Region), data.ProxySettings));
        });
        registry.RegisterSSOOIDCClient(context =>
        {
            var data = context.SSOOIDCClientContextData;
            return new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), WithProxy(Directed(new AmazonSSOOIDCConfig(), "SSO OIDC", data.Region), data.ProxySettings));
        });
        registry.RegisterSecurityTokenServiceClient(context =>
        {
            var data = context.SecurityTokenServiceClientContextData;
            return new ProfileRoleSts(data.Region, data.ProxySettings);
        });
    }

    private static TConfig WithProxy<TConfig>(TConfig config, IWebProxy? proxy) where TConfig : ClientConfig
    {
        if (proxy is not null)
        {
            config.SetWebProxy(proxy);
        }

        return config;
    }

    /// <summary>The SDK's STS client for its credential providers, signing AssumeRole with the role profile's source credentials.</summary>
    private sealed class ProfileRoleSts(RegionEndpoint? region, IWebProxy? proxy) : ICoreAmazonSTS
    {
        public AssumeRoleImmutableCredentials CredentialsFromAssumeRoleAuthentication(string roleArn, string roleSessionName, AssumeRoleAWSCredentialsOptions options)
        {
            using var client = Client(SourceCredentialsFor(roleArn));
            return ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleAuthentication(roleArn, roleSessionName, options);
        }

        public async Task<AssumeRoleImmutableCredentials> CredentialsFromAssumeRoleAuthenticationAsync(string roleArn, string roleSessionName, AssumeRoleAWSCredentialsOptions options)
        {
            using var client = Client(SourceCredentialsFor(roleArn));
            return await ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleAuthenticationAsync(roleArn, roleSessionName, options).ConfigureAwait(false);
        }

        public SAMLImmutableCredentials CredentialsFromSAMLAuthentication(string endpoint, string authenticationType, string roleArn, TimeSpan credentialDuration, ICredentials userCredential)
        {
            using var client = Client(new AnonymousAWSCredentials());
            return ((ICoreAmazonSTS)client).CredentialsFromSAMLAuthentication(endpoint, authenticationType, roleArn, credentialDuration, userCredential);
        }

        public async Task<SAMLImmutableCredentials> CredentialsFromSAMLAuthenticationAsync(string endpoint, string authenticationType, string roleArn, TimeSpan credentialDuration, ICredentials userCredential)
        {
            using var client = Client(new AnonymousAWSCredentials());
            return await ((ICoreAmazonSTS)client).CredentialsFromSAMLAuthenticationAsync(endpoint, authenticationType, roleArn, credentialDuration, userCredential).ConfigureAwait(false);
        }

        public AssumeRoleImmutableCredentials CredentialsFromAssumeRoleWithWebIdentityAuthentication(string webIdentityToken, string roleArn, string roleSessionName, AssumeRoleWithWebIdentityCredentialsOptions options)
        {
            using var client = Client(new AnonymousAWSCredentials());
            return ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleWithWebIdentityAuthentication(webIdentityToken, roleArn, roleSessionName, options);
        }

        public async Task<AssumeRoleImmutableCredentials> CredentialsFromAssumeRoleWithWebIdentityAuthenticationAsync(string webIdentityToken, string roleArn, string roleSessionName, AssumeRoleWithWebIdentityCredentialsOptions options)
        {
            using var client = Client(new AnonymousAWSCredentials());
            return await ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleWithWebIdentityAuthenticationAsync(webIdentityToken, roleArn, roleSessionName, options).ConfigureAwait(false);
        }

        private AmazonSecurityTokenServiceClient Client(AWSCredentials credentials) =>
            new(credentials, WithProxy(Directed(new AmazonSecurityTokenServiceConfig(), "STS", region), proxy));

        /// <summary>
        /// The credentials AssumeRole must be signed with: those of the source of the profile that names the
        /// role (the one in AWS_PROFILE first when several do).
        /// </summary>
        private static AWSCredentials SourceCredentialsFor(string roleArn)
        {
            var store = new CredentialProfileStoreChain();
            var preferred = Environment.GetEnvironmentVariable("AWS_PROFILE");
            var candidates = store.ListProfiles()
                .Where(p => string.Equals(p.Options.RoleArn, roleArn, StringComparison.Ordinal))
                .OrderBy(p => p.Name == preferred ? 0 : 1)
                .ToList();
            foreach (var profile in candidates)
            {
                if (store.TryGetAWSCredentials(profile.Name, out var credentials) && credentials is AssumeRoleAWSCredentials role && role.SourceCredentials is { } source)
                {
                    return source;
                }
            }

            throw new AmazonClientException($"Cannot assume {roleArn}: no profile in ~/.aws/config names this role_arn with a source_profile or credential_source.");
        }
    }
}
