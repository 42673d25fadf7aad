using System.Text.RegularExpressions;

namespace Pipectl.Core.Sources;

/// <summary>
/// The shape of a connection ARN: <c>arn:PARTITION:codeconnections:REGION:ACCOUNT:connection/ID</c>, or the same
/// under the older service prefix <c>codestar-connections</c> (connections made before 2024 keep it).
/// </summary>
public static partial class ConnectionArns
{
    /// <summary>The rule a malformed ARN breaks, for the one error line.</summary>
    public const string Rule = "connection ARNs look like arn:aws:codeconnections:REGION:ACCOUNT:connection/ID (or codestar-connections)";

    /// <summary>True when <paramref name="arn"/> has the shape of a connection ARN.</summary>
    public static bool IsValid(string arn) => Shape().IsMatch(arn);

    /// <summary>The region an ARN of the valid shape names.</summary>
    public static string RegionOf(string arn) => Shape().Match(arn).Groups["region"].Value;

    /// <summary>The partition an ARN of the valid shape names (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...).</summary>
    public static string PartitionOf(string arn) => Shape().Match(arn).Groups["partition"].Value;

    /// <summary>A stand-in for the ARN of a connection not created yet (a plan): the real one exists only once AWS made it.</summary>
    public static string Pending(string partition, string region, string accountId) =>
        $"arn:{partition}:codeconnections:{region}:{accountId}:connection/(created-by-bootstrap)";

    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):(codeconnections|codestar-connections):(?<region>[a-z]{2}(-[a-z]+)+-\d):\d{12}:connection/[A-Za-z0-9-]{1,64}\z")]
    private static partial Regex Shape();
}
