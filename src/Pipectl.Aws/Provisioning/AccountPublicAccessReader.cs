using Pipectl.Aws.Errors;
using Pipectl.Aws.S3Control;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The account's Block Public Access through S3 Control GetPublicAccessBlock. A caller without
/// s3:GetAccountPublicAccessBlock reads "unknown" (null): the bucket driver still names the setting if
/// PutBucketPolicy is refused for it.
/// </summary>
/// <param name="account">The account (S3 Control names it in each request), which may still be being asked for.</param>
public sealed class AccountPublicAccessReader(S3ControlClient s3Control, Task<string> account) : IAccountPublicAccess
{
    public AccountPublicAccessReader(S3ControlClient s3Control, string accountId)
        : this(s3Control, Task.FromResult(accountId))
    {
    }

    public async Task<PublicAccessBlock?> ReadAsync(CancellationToken cancellationToken)
    {
        var accountId = await account.ConfigureAwait(false);
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
