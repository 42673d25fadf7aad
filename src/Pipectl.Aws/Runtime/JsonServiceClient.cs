using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Base of pipectl's JSON 1.1 clients (CodeCommit, CodeBuild, CodePipeline, EventBridge). The SDK pipeline
/// does credentials, SigV4, retries and error parsing; this class only turns typed DTOs into bytes and back
/// with source-generated System.Text.Json metadata (trim- and AOT-safe).
/// </summary>
public abstract class JsonServiceClient<TFacts> : AmazonServiceClient where TFacts : IAwsServiceFacts
{
    private readonly JsonOperationMarshaller _marshaller;

    protected JsonServiceClient(AWSCredentials credentials, PipectlClientConfig<TFacts> config, string targetPrefix, ApiCallCounter? counter, bool json10 = false)
        : base(credentials, config)
    {
        _marshaller = new JsonOperationMarshaller(targetPrefix, TFacts.ServiceId, json10 ? JsonOperationMarshaller.ContentType10 : JsonOperationMarshaller.ContentType);
        RequestCountingHandler.Install(RuntimePipeline, counter);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new PipectlEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthHandler());
    }

    /// <summary>Sends one operation and deserialises its reply.</summary>
    protected async Task<TResponse> InvokeJsonAsync<TRequest, TResponse>(
        string operation, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var options = new InvokeOptions { RequestMarshaller = _marshaller, ResponseUnmarshaller = JsonOperationUnmarshaller.Instance };
        var reply = await InvokeAsync<RawResponse>(new JsonOperationRequest(operation, bytes), options, cancellationToken).ConfigureAwait(false);
        if (reply.Body.Length == 0)
        {
            return JsonSerializer.Deserialize("{}"u8, responseType)!;
        }

        return JsonSerializer.Deserialize(reply.Body, responseType)
            ?? throw new AmazonClientException($"{TFacts.ServiceId} {operation} returned an empty reply.");
    }
}
