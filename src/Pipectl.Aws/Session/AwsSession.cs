using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.SecurityToken;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.CodeCommit;
using Pipectl.Aws.CodeConnections;
using Pipectl.Aws.Tagging;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Ecr;
using Pipectl.Aws.Ecs;
using Pipectl.Aws.EventBridge;
using Pipectl.Aws.Iam;
using Pipectl.Aws.Logs;
using Pipectl.Aws.Runtime;
using Pipectl.Aws.CloudFront;
using Pipectl.Aws.S3Control;
using Pipectl.Aws.Sns;

using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Session;

/// <summary>
/// One AWS session for every client of a pipectl run: the SDK's default credential chain (env, profiles
/// incl. SSO, container and instance metadata) or a named profile, the resolved region, endpoint
/// overrides, and one <see cref="ApiCallCounter"/> that sees every request each client sends.
/// Clients are created on first use and reuse their HTTP connections.
/// </summary>
public sealed class AwsSession : IDisposable
{
    /// <summary>The SDK service ids of the services pipectl calls, as used in AWS_ENDPOINT_URL_&lt;SERVICE&gt; (<see cref="AwsServices"/>).</summary>
    public static IReadOnlyList<string> ServiceIds => AwsServices.Ids;

    /// <summary>
    /// One attempt of one request may take this long (connect, send, reply) before it is abandoned and retried:
    /// a connection that stops answering never hangs a run. pipectl's replies are small; 30 s is generous.
    /// </summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries after the first attempt (standard mode: throttling, 5xx, dropped connections, timeouts), unless
    /// AWS_MAX_ATTEMPTS says otherwise. The SDK's default is 2; every pipectl call is safe to repeat (creates
    /// recognise "already exists" and converge), so a few more ride out a burst of throttling or a flaky link.
    /// </summary>
    public const int DefaultMaxErrorRetry = 4;

    private const string StsServiceId = AwsServices.StsId;
    private const string S3ServiceId = AwsServices.S3Id;

    private readonly EndpointOverrides _endpoints;
    private readonly TimeSpan _requestTimeout;
    private readonly int? _maxErrorRetry;
    private readonly Lazy<(AWSCredentials Credentials, string Source)> _credentials;
    private readonly List<IDisposable> _clients = [];
    private readonly Lock _gate = new();
    private CodeCommitClient? _codeCommit;
    private CodeBuildClient? _codeBuild;
    private CodePipelineClient? _codePipeline;
    private EventBridgeClient? _eventBridge;
    private CodeConnectionsClient? _codeConnections;
    private IamClient? _iam;
    private SnsClient? _sns;
    private CloudWatchLogsClient? _logs;
    private AmazonS3Client? _s3;
    private S3ControlClient? _s3Control;
    private CloudFrontClient? _cloudFront;
    private AmazonSecurityTokenServiceClient? _sts;
    private EcrClient? _ecr;
    private EcsClient? _ecs;
    private Pipectl.Aws.Ssm.SsmClient? _ssm;
    private ResourceTaggingClient? _tagging;

    private AwsSession(string region, string? profile, EndpointOverrides endpoints, Func<(AWSCredentials, string)> credentials, TimeSpan requestTimeout, int? maxErrorRetry)
    {
        _requestTimeout = requestTimeout;
        _maxErrorRetry = maxErrorRetry;
        Region = region;
        Profile = profile;
        _endpoints = endpoints;
        _credentials = new Lazy<(AWSCredentials, string)>(credentials, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Region { get; }

    public string? Profile { get; }

    /// <summary>Counts every request of every client of this session (retries included).</summary>
    public ApiCallCounter Counter { get; } = new();

    /// <summary>Where requests for <paramref name="serviceId"/> go when overridden; null for the real AWS endpoint.</summary>
    public string? EndpointFor(string serviceId) => _endpoints.For(serviceId);

    /// <summary>A readable name of where the credentials came from; resolves them (throws when there are none).</summary>
    public string CredentialSource => _credentials.Value.Source;

    /// <summary>True when credentials can be found, without sending anything.</summary>
    public bool HasCredentials()
    {
        try
        {
            _ = _credentials.Value;
            return true;
        }
        catch (CredentialsUnavailableException)
        {
            return false;
        }
    }

    public CodeCommitClient CodeCommit => Client(ref _codeCommit, () => new CodeCommitClient(Credentials, Configure(new PipectlClientConfig<CodeCommitFacts>(), CodeCommitFacts.ServiceId), Counter));

    public CodeBuildClient CodeBuild => Client(ref _codeBuild, () => new CodeBuildClient(Credentials, Configure(new PipectlClientConfig<CodeBuildFacts>(), CodeBuildFacts.ServiceId), Counter));

    public CodePipelineClient CodePipeline => Client(ref _codePipeline, () => new CodePipelineClient(Credentials, Configure(new PipectlClientConfig<CodePipelineFacts>(), CodePipelineFacts.ServiceId), Counter));

    public EventBridgeClient EventBridge => Client(ref _eventBridge, () => new EventBridgeClient(Credentials, Configure(new PipectlClientConfig<EventBridgeFacts>(), EventBridgeFacts.ServiceId), Counter));

    public CodeConnectionsClient CodeConnections => Client(ref _codeConnections, () => new CodeConnectionsClient(Credentials, Configure(new PipectlClientConfig<CodeConnectionsFacts>(), CodeConnectionsFacts.ServiceId), Counter));

    public IamClient Iam => Client(ref _iam, () => new IamClient(Credentials, Configure(new PipectlClientConfig<IamFacts>(), IamFacts.ServiceId), Counter));

    public SnsClient Sns => Client(ref _sns, () => new SnsClient(Credentials, Configure(new PipectlClientConfig<SnsFacts>(), SnsFacts.ServiceId), Counter));

    public CloudWatchLogsClient Logs => Client(ref _logs, () => new CloudWatchLogsClient(Credentials, Configure(new PipectlClientConfig<CloudWatchLogsFacts>(), CloudWatchLogsFacts.ServiceId), Counter));

    public IAmazonS3 S3 => Client(ref _s3, CreateS3);

    /// <summary>S3 Control, for the account's Block Public Access (endpoint override id "S3 Control": AWS_ENDPOINT_URL_S3_CONTROL).</summary>
    public S3ControlClient S3Control => Client(ref _s3Control, () => new S3ControlClient(Credentials, Configure(new PipectlClientConfig<S3ControlFacts>(), S3ControlFacts.ServiceId), Counter));

    public CloudFrontClient CloudFront => Client(ref _cloudFront, () => new CloudFrontClient(Credentials, Configure(new PipectlClientConfig<CloudFrontFacts>(), CloudFrontFacts.ServiceId), Counter));

    public EcrClient Ecr => Client(ref _ecr, () => new EcrClient(Credentials, Configure(new PipectlClientConfig<EcrFacts>(), EcrFacts.ServiceId), Counter));

    public EcsClient Ecs => Client(ref _ecs, () => new EcsClient(Credentials, Configure(new PipectlClientConfig<EcsFacts>(), EcsFacts.ServiceId), Counter));

    /// <summary>Parameter Store: the stack's record (<see cref="Pipectl.Aws.Ssm.StackRecordStore"/>).</summary>
    public Pipectl.Aws.Ssm.SsmClient Ssm => Client(ref _ssm, () => new Pipectl.Aws.Ssm.SsmClient(Credentials, Configure(new PipectlClientConfig<SsmFacts>(), SsmFacts.ServiceId), Counter));
    /// <summary>The Resource Groups Tagging API (endpoint override id "Resource Groups Tagging API": AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API).</summary>
    public ResourceTaggingClient Tagging => Client(ref _tagging, () => new ResourceTaggingClient(Credentials, Configure(new PipectlClientConfig<TaggingFacts>(), TaggingFacts.ServiceId), Counter));

    public IAmazonSecurityTokenService Sts => Client(ref _sts, CreateSts);

    /// <summary>The caller as STS names it (GetCallerIdentity): the account and the ARN of the identity making the requests.</summary>
    public async Task<CallerIdentity> CallerAsync(CancellationToken cancellationToken)
    {
        var identity = await Sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(identity.Account, identity.Arn);
    }

    private AWSCredentials Credentials => _credentials.Value.Credentials;

    /// <summary>
    /// Resolves the region (option, then the profile's, then AWS_REGION / AWS_DEFAULT_REGION and the shared
    /// config) without touching the network. Credentials are resolved on first use.
    /// </summary>
    public static AwsSession Create(AwsSessionOptions options, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var profileName = string.IsNullOrWhiteSpace(options.Profile) ? null : options.Profile;
        CredentialProfile? profile = null;
        if (profileName is not null && !new CredentialProfileStoreChain().TryGetProfile(profileName, out profile))
        {
            throw new CredentialsUnavailableException($"The profile \"{profileName}\" was not found in ~/.aws/config or ~/.aws/credentials.");
        }

        var region = ResolveRegion(options.Region, profile, environment);
        var endpoints = new EndpointOverrides(options.EndpointUrl, environment);
        SdkRuntimeDependencies.UseEndpoints(endpoints);
        KnownRegions.Check(region, endpoints.Any(ServiceIds));
        var maxErrorRetry = string.IsNullOrWhiteSpace(environment("AWS_MAX_ATTEMPTS")) ? DefaultMaxErrorRetry : (int?)null;
        return new AwsSession(
            region,
            profileName,
            endpoints,
            () => ResolveCredentials(profileName, profile),
            options.RequestTimeout ?? DefaultRequestTimeout,
            maxErrorRetry);
    }

    /// <summary>The region that would be used, or null when none is configured anywhere.</summary>
    public static string? TryResolveRegion(string? option, string? profileName, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        CredentialProfile? profile = null;
        if (!string.IsNullOrWhiteSpace(profileName))
        {
            new CredentialProfileStoreChain().TryGetProfile(profileName, out profile);
        }

        try
        {
            return ResolveRegion(option, profile, environment);
        }
        catch (RegionUnavailableException)
        {
            return null;
        }
    }

    private static string ResolveRegion(string? option, CredentialProfile? profile, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        if (profile?.Region is not null)
        {
            return profile.Region.SystemName;
        }

        foreach (var name in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            var value = environment(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        var fallback = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false);
        return fallback?.SystemName
            ?? throw new RegionUnavailableException("No AWS region is set: pass --region, set AWS_REGION, or give the profile a region.");
    }

    private static (AWSCredentials, string) ResolveCredentials(string? profileName, CredentialProfile? profile)
    {
        const string Hint = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile NAME, or run `aws configure` / `aws sso login`";
        try
        {
            if (profileName is not null && profile is not null)
            {
                if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profileName, out var fromProfile))
                {
                    throw new CredentialsUnavailableException($"The profile \"{profileName}\" has no usable credentials: {Hint}.");
                }

                return (fromProfile, DescribeSource(fromProfile, profileName));
            }

            var resolver = new DefaultAWSCredentialsIdentityResolver();
            var credentials = resolver.ResolveIdentity(null);
            return (credentials, DescribeSource(credentials, DefaultAWSCredentialsIdentityResolver.GetProfileName()));
        }
        catch (CredentialsUnavailableException)
        {
            throw;
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException)
        {
            throw new CredentialsUnavailableException($"No AWS credentials were found: {Hint}.", e);
        }
    }

    private static string DescribeSource(AWSCredentials credentials, string? profileName) => credentials.GetType().Name switch
    {
        "EnvironmentVariablesAWSCredentials" => "environment variables",
        "DefaultInstanceProfileAWSCredentials" or "InstanceProfileAWSCredentials" => "EC2 instance metadata",
        "ECSTaskCredentials" or "GenericContainerCredentials" => "container credentials",
        "AssumeRoleWithWebIdentityCredentials" => "web identity token",
        "SSOAWSCredentials" => $"SSO (profile {profileName ?? "default"})",
        "AssumeRoleAWSCredentials" => $"assume-role (profile {profileName ?? "default"})",
        _ => $"profile {profileName ?? "default"}",
    };

    private TConfig Configure<TConfig>(TConfig config, string serviceId) where TConfig : ClientConfig
    {
        var endpoint = _endpoints.For(serviceId);
        config.IgnoreConfiguredEndpointUrls = true;
        config.Timeout = _requestTimeout;
        if (_maxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion ??= Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }

        return config;
    }

    private AmazonS3Client CreateS3()
    {
        var config = new AmazonS3Config();
        Configure(config, S3ServiceId);
        if (_endpoints.For(S3ServiceId) is not null)
        {
            config.ForcePathStyle = true;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return new CountedS3Client(Credentials, config, Counter);
    }

    private AmazonSecurityTokenServiceClient CreateSts()
    {
        var config = new AmazonSecurityTokenServiceConfig();
        Configure(config, StsServiceId);
        return new CountedStsClient(Credentials, config, Counter);
    }

    private T Client<T>(ref T? field, Func<T> create) where T : class, IDisposable
    {
        lock (_gate)
        {
            if (field is null)
            {
                field = create();
                _clients.Add(field);
            }

            return field;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}
