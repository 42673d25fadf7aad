using Amazon.Runtime;

namespace Pipectl.Aws.Runtime;

/// <summary>One JSON 1.1 call: the operation and its already-serialised body (SigV4 hashes the bytes).</summary>
internal sealed class JsonOperationRequest(string operationName, byte[] body) : AmazonWebServiceRequest, IPipectlOperationRequest
{
    public string OperationName { get; } = operationName;

    public byte[] Body { get; } = body;
}
