using Pipectl.Core.Validation;

namespace Pipectl.Aws.Session;

/// <summary>No region was given and none could be found in the environment or the profile.</summary>
public sealed class RegionUnavailableException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.BadInput;
}
