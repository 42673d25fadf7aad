using Amazon;
using Pipectl.Core.Validation;

namespace Pipectl.Aws.Session;

/// <summary>
/// Catches a mistyped region before anything is sent: a region that is in no partition's region list (the
/// SDK's region data) fails with the closest known region. Against an endpoint override (an emulator) any
/// well-formed region is accepted, since an emulator is not bound to AWS's list.
/// </summary>
public static class KnownRegions
{
    /// <summary>Every region of every partition the SDK knows (aws, aws-cn, aws-us-gov, aws-iso...).</summary>
    public static IReadOnlyList<string> All { get; } = [.. RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Throws <see cref="RegionUnavailableException"/> (exit 2) for a region no request may be sent to.</summary>
    public static void Check(string region, bool endpointOverridden)
    {
        if (!AwsConstraints.Region().IsMatch(region))
        {
            throw new RegionUnavailableException($"region \"{region}\": not a region code such as us-east-1{Suggest(region)} (nothing was sent)");
        }

        if (!endpointOverridden && !All.Contains(region, StringComparer.Ordinal))
        {
            throw new RegionUnavailableException($"region \"{region}\": not a region of any AWS partition{Suggest(region)} (nothing was sent)");
        }
    }

    private static string Suggest(string region) =>
        KeySuggestion.Closest(region, All) is { } closest ? $"; did you mean {closest}?" : string.Empty;
}
