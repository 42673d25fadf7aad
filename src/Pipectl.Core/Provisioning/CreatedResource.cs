namespace Pipectl.Core.Provisioning;

/// <summary>A creating request that succeeded: the service, the operation and what it named.</summary>
public sealed record CreatedResource(string Service, string Operation, NamedResource? Resource);
