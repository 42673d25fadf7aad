using Pipectl.Core.Validation;

namespace Pipectl.Core.LocalFiles;

/// <summary>A local file pipectl was pointed at cannot be used; the message is one line naming the path and why.</summary>
public sealed class LocalFileException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.BadInput;
}
