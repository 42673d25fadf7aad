using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Base of pipectl's Query-protocol clients (IAM, SNS): form-encoded parameters in, XML out. The reply's
/// &lt;{Operation}Result&gt; element is handed to the typed client, which reads it without namespaces.
/// </summary>
public abstract class QueryServiceClient<TFacts> : AmazonServiceClient where TFacts : IAwsServiceFacts
{
    private readonly QueryOperationMarshaller _marshaller;

    protected QueryServiceClient(AWSCredentials credentials, PipectlClientConfig<TFacts> config, ApiCallCounter? counter)
        : base(credentials, config)
    {
        _marshaller = new QueryOperationMarshaller(TFacts.ApiVersion, TFacts.ServiceId);
        RequestCountingHandler.Install(RuntimePipeline, counter);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new PipectlEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthHandler());
    }

    /// <summary>Sends one action; returns its Result element (an empty element when the reply has none).</summary>
    protected async Task<XElement> InvokeQueryAsync(string action, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var options = new InvokeOptions { RequestMarshaller = _marshaller, ResponseUnmarshaller = QueryOperationUnmarshaller.Instance };
        var reply = await InvokeAsync<RawResponse>(new QueryOperationRequest(action, parameters.ToList()), options, cancellationToken).ConfigureAwait(false);
        if (reply.Body.Length == 0)
        {
            return new XElement(action + "Result");
        }

        using var stream = new MemoryStream(reply.Body);
        var document = XDocument.Load(stream);
        return document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result")
            ?? new XElement(action + "Result");
    }
}
