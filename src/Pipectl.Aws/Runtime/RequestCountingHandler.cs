using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Sits after the SDK's RetryHandler, so it runs once for every attempt that goes on the wire.
/// </summary>
internal sealed class RequestCountingHandler(ApiCallCounter counter) : PipelineHandler
{
    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        counter.Record(OperationName(executionContext.RequestContext));
        return base.InvokeAsync<T>(executionContext);
    }

    public override void InvokeSync(IExecutionContext executionContext)
    {
        counter.Record(OperationName(executionContext.RequestContext));
        base.InvokeSync(executionContext);
    }

    private static string OperationName(IRequestContext context)
    {
        if (context.OriginalRequest is IPipectlOperationRequest own)
        {
            return own.OperationName;
        }

        var name = context.RequestName ?? context.OriginalRequest.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }

    /// <summary>Adds the counter to a client's pipeline; called from client constructors.</summary>
    public static void Install(RuntimePipeline pipeline, ApiCallCounter? counter)
    {
        if (counter is not null)
        {
            pipeline.AddHandlerAfter<RetryHandler>(new RequestCountingHandler(counter));
        }
    }
}
