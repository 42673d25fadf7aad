using Pipectl.Core.Validation;

namespace Pipectl.Core.Engine;

/// <summary>
/// Bad input the engine finds before anything is written (an invalid setting, clashing names, an option the stack
/// cannot use): one line or several, each naming the value and the rule; exit 2, error.code BadInput.
/// </summary>
public sealed class StackInputException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.BadInput;
}
