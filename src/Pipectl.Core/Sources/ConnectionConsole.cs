namespace Pipectl.Core.Sources;

/// <summary>
/// What a person does to make a PENDING connection usable: AWS lets only the console finish the handshake with
/// the provider (the Developer Tools console guide, "Update a pending connection").
/// </summary>
public static class ConnectionConsole
{
    public const string Pending = "PENDING";
    public const string Available = "AVAILABLE";

    /// <summary>The console page that lists the region's connections.</summary>
    public static string Url(string region) => $"https://console.aws.amazon.com/codesuite/settings/connections?region={region}";

    /// <summary>The lines that tell the account owner how to finish the handshake of connection <paramref name="name"/>; <paramref name="stackArguments"/> name the stack in the suggested start.</summary>
    public static IReadOnlyList<string> Steps(string name, string providerType, string region, string stackArguments) =>
    [
        $"connection {name} is PENDING: the pipeline's source fails until the {providerType} handshake is finished in the console.",
        $"  1. Open {Url(region)}",
        $"  2. Choose {name}, then \"Update pending connection\".",
        $"  3. Install the AWS Connector app for {providerType} (or pick an existing installation), give it the repository, and choose \"Connect\".",
        $"  The status turns AVAILABLE; run `pipectl start {stackArguments}` (or push) to build. --wait-connection waits for it.",
    ];
}
