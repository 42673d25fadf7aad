namespace Pipectl.Core.Provisioning;

/// <summary>The identity pipectl's requests are made as: its account and its ARN (a user, an assumed-role session, root).</summary>
public sealed record CallerIdentity(string Account, string Arn);
