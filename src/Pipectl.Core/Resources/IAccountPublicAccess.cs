namespace Pipectl.Core.Resources;

/// <summary>
/// The account-level S3 Block Public Access settings (S3 Control GetPublicAccessBlock), read before anything
/// is created: a public website policy cannot be put while the account blocks public policies.
/// </summary>
public interface IAccountPublicAccess
{
    /// <summary>The account's settings; null when it has none, or when they cannot be read (then the create tells).</summary>
    Task<PublicAccessBlock?> ReadAsync(CancellationToken cancellationToken);
}
