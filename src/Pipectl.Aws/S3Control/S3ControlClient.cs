using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Runtime;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.S3Control;

/// <summary>
/// pipectl's own S3 Control client (REST-XML, signed "s3"): only GetPublicAccessBlock for the account, read
/// before anything is created to tell whether a public website policy can be put at all.
/// </summary>
public class S3ControlClient : AmazonServiceClient
{
    private const string PublicAccessBlockPath = "/v20180820/configuration/publicAccessBlock";
    private readonly RestXmlOperationMarshaller _marshaller = new(S3ControlFacts.ServiceId);
    private readonly bool _endpointOverridden;

    public S3ControlClient(AWSCredentials credentials, PipectlClientConfig<S3ControlFacts> config, ApiCallCounter? counter = null)
        : base(credentials, config)
    {
        _endpointOverridden = !string.IsNullOrEmpty(config.ServiceURL);
        RequestCountingHandler.Install(RuntimePipeline, counter);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new PipectlEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthHandler());
    }

    /// <summary>
    /// GetPublicAccessBlock: the account's S3 Block Public Access settings, or null when the account has none
    /// (NoSuchPublicAccessBlockConfiguration). The host is ACCOUNT.s3-control.REGION.amazonaws.com; under an
    /// endpoint override the override is used as it is.
    /// </summary>
    public virtual async Task<PublicAccessBlock?> GetPublicAccessBlockAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var request = new RestXmlOperationRequest(
            "GetPublicAccessBlock",
            "GET",
            PublicAccessBlockPath,
            new Dictionary<string, string> { ["x-amz-account-id"] = accountId },
            _endpointOverridden ? null : accountId + ".");
        RawResponse reply;
        try
        {
            var options = new InvokeOptions { RequestMarshaller = _marshaller, ResponseUnmarshaller = QueryOperationUnmarshaller.Instance };
            reply = await InvokeAsync<RawResponse>(request, options, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }

        using var stream = new MemoryStream(reply.Body);
        var root = XDocument.Load(stream).Root;
        bool Flag(string name) => string.Equals(root?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new PublicAccessBlock(Flag("BlockPublicAcls"), Flag("IgnorePublicAcls"), Flag("BlockPublicPolicy"), Flag("RestrictPublicBuckets"));
    }
}
