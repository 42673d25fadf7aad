using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Pipectl.Core.Diagnostics;

using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Sits after the SDK's RetryHandler, so it runs once for every attempt that goes on the wire.
/// </summary>
internal sealed class RequestCountingHandler(ApiCallCounter counter) : PipelineHandler
{
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var operation = OperationName(executionContext.RequestContext);
        counter.Record(operation);
        var sent = RunTrace.Enabled ? RunTrace.Now : 0;
        T reply;
        try
        {
            reply = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e) when (RunTrace.Enabled)
        {
            RunTrace.Request(operation, sent, e is AmazonServiceException service ? $"{(int)service.StatusCode} {service.ErrorCode}" : e.GetType().Name);
            throw;
        }

        RunTrace.Request(operation, sent, "ok");
        if (ApiCallCounter.IsCreate(operation))
        {
            // Remembered so that a run that stops later can still list everything it made.
            var config = executionContext.RequestContext.ClientConfig;
            var service = string.IsNullOrEmpty(config.ServiceId) ? config.AuthenticationServiceName : config.ServiceId;
            counter.RecordCreated(new CreatedResource(service, operation, RequestResource.Find(service, executionContext.RequestContext)));
        }

        return reply;
    }

    public override void InvokeSync(IExecutionContext executionContext)
    {
        counter.Record(OperationName(executionContext.RequestContext));
        base.InvokeSync(executionContext);
    }

    /// <summary>The AWS operation a request stands for (the SDK's request type without "Request").</summary>
    public static string OperationName(IRequestContext context)
    {
        if (context.OriginalRequest is IPipectlOperationRequest own)
        {
            return own.OperationName;
        }

        var name = context.RequestName ?? context.OriginalRequest.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }

    /// <summary>
    /// Adds the counter (and the handler that names a failed request) to a client's pipeline; called from
    /// every client constructor.
    /// </summary>
    public static void Install(RuntimePipeline pipeline, ApiCallCounter? counter)
    {
        pipeline.AddHandler(new FailedRequestHandler());
        if (counter is not null)
        {
            pipeline.AddHandlerAfter<RetryHandler>(new RequestCountingHandler(counter));
        }
    }
}
