using Pipectl.Core.Validation;

namespace Pipectl.Cli.Hosting;

/// <summary>Bad input found before anything was sent to AWS (exit code 2). The message is the one line shown.</summary>
public sealed class UsageException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.BadInput;
}
