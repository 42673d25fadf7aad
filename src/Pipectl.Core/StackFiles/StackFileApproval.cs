namespace Pipectl.Core.StackFiles;

/// <summary>The <c>approval:</c> section: a manual approval stage before Deploy, optionally mailed.</summary>
/// <param name="Enabled">Whether the pipeline waits for a person; true when only an email is given.</param>
/// <param name="Email">Where approval requests are mailed through an SNS topic, or null.</param>
public sealed record StackFileApproval(bool Enabled, string? Email = null);
