namespace Pipectl.Aws.Runtime;

/// <summary>A request of one of pipectl's own clients: it knows the AWS operation it stands for.</summary>
internal interface IPipectlOperationRequest
{
    string OperationName { get; }
}
