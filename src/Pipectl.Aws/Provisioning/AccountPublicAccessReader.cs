using Pipectl.Aws.Errors;
using Pipectl.Aws.S3Control;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The account's Block Public Access through S3 Control GetPublicAccessBlock. A caller without
/// s3:GetAccountPublicAccessBlock reads "unknown" (null): the bucket driver still names the setting if
/// PutBucketPolicy is refused for it.
/// </summary>
public sealed class AccountPublicAccessReader(S3ControlClient s3Control, string accountId) : IAccountPublicAccess
{
    public async Task<PublicAccessBlock?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await s3Control.GetPublicAccessBlockAsync(accountId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsAccessDeniedException)
        {
            return null;
        }
    }
}
