namespace Pipectl.Core.Naming;

/// <summary>
/// The ARN partition a region belongs to: <c>aws</c> for the commercial regions, <c>aws-cn</c> for China,
/// <c>aws-us-gov</c> for GovCloud and the isolated partitions for the ISO regions.
/// </summary>
public static class AwsPartition
{
    /// <summary>The commercial partition.</summary>
    public const string Commercial = "aws";

    /// <summary>China (Beijing, Ningxia).</summary>
    public const string China = "aws-cn";

    /// <summary>AWS GovCloud (US).</summary>
    public const string GovCloud = "aws-us-gov";

    /// <summary>The partition of <paramref name="region"/>, e.g. <c>aws-cn</c> for <c>cn-north-1</c>.</summary>
    public static string ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return China;
        }

        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return GovCloud;
        }

        // ISO regions: us-iso-east-1 is aws-iso, us-isob-east-1 aws-iso-b, eu-isoe-west-1 aws-iso-e, ...
        var parts = region.Split('-');
        if (parts.Length >= 3 && parts[1].StartsWith("iso", StringComparison.Ordinal))
        {
            var letter = parts[1]["iso".Length..];
            return letter.Length == 0 ? "aws-iso" : $"aws-iso-{letter}";
        }

        return Commercial;
    }
}
