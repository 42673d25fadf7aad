using Amazon.Runtime;

namespace Pipectl.Aws.Runtime;

/// <summary>One Query-protocol call (IAM, SNS): the action and its flattened parameters.</summary>
internal sealed class QueryOperationRequest(string operationName, IReadOnlyList<KeyValuePair<string, string>> parameters)
    : AmazonWebServiceRequest, IPipectlOperationRequest
{
    public string OperationName { get; } = operationName;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;
}
