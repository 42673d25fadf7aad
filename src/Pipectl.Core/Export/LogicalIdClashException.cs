using Pipectl.Core.Validation;

namespace Pipectl.Core.Export;

/// <summary>
/// Two resources of a stack would get the same CloudFormation logical ID (environments <c>a-1</c> and <c>a1</c> both give
/// <c>A1...</c>): the template is refused, the user renames an environment. Bad input (exit 2); the message is one line.
/// </summary>
public sealed class LogicalIdClashException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.BadInput;
}
