namespace Pipectl.Aws.Diagnostics;

/// <summary>What <c>pipectl doctor</c> found: who and where pipectl talks to, and whether each service answers.</summary>
public sealed record ConnectivityReport(string? Account, string Region, string? Endpoint, string CredentialSource, IReadOnlyList<ServiceCheck> Services)
{
    public bool AllOk => Services.All(s => s.Ok);

    /// <summary>The region's CodeConnections connections (the first 100) and their states: a PENDING one makes its pipeline's source fail.</summary>
    public IReadOnlyList<ConnectionCheck> Connections { get; init; } = [];

    /// <summary>The caller's ARN as STS named it, or null when STS did not answer.</summary>
    public string? CallerArn { get; init; }
}
