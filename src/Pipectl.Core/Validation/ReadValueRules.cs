using System.Text.RegularExpressions;

namespace Pipectl.Core.Validation;

/// <summary>
/// Values pipectl reads from AWS and then writes into a policy (an ECS task definition's roles and family, a service
/// ARN) are checked like user input before the first write: they must name the caller's own account and partition,
/// the region where one applies, the resource type expected, and hold no wildcard. A hostile or broken reply (a task
/// role of <c>*</c>, another account's role, a family <c>fam*</c>) would otherwise become <c>iam:PassRole</c> on it.
/// </summary>
public static partial class ReadValueRules
{
    /// <summary>Why <paramref name="arn"/> is not an IAM role of <paramref name="account"/> in <paramref name="partition"/>, or null.</summary>
    public static string? RoleProblem(string arn, string partition, string account)
    {
        ArgumentNullException.ThrowIfNull(arn);
        if (HasWildcard(arn))
        {
            return "holds a wildcard";
        }

        return RoleArn().Match(arn) is { Success: true } match
            ? match.Groups["partition"].Value != partition || match.Groups["account"].Value != account
                ? $"is not a role of account {account} (partition {partition})"
                : null
            : "is not an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)";
    }

    /// <summary>
    /// Why <paramref name="arn"/> is not an ECS <paramref name="resourceType"/> (<c>service</c>, <c>task-definition</c>) of
    /// <paramref name="account"/> in <paramref name="region"/> whose last part is <paramref name="name"/> (any, when null), or null.
    /// </summary>
    public static string? EcsProblem(string arn, string resourceType, string? name, string partition, string region, string account)
    {
        ArgumentNullException.ThrowIfNull(arn);
        if (HasWildcard(arn))
        {
            return "holds a wildcard";
        }

        var match = EcsArn().Match(arn);
        if (!match.Success || match.Groups["type"].Value != resourceType)
        {
            return $"is not an ECS {resourceType} ARN (arn:PARTITION:ecs:REGION:ACCOUNT:{resourceType}/...)";
        }

        if (match.Groups["partition"].Value != partition || match.Groups["region"].Value != region || match.Groups["account"].Value != account)
        {
            return $"is not in account {account}, region {region} (partition {partition})";
        }

        var path = match.Groups["path"].Value;
        var shape = resourceType == "task-definition" ? TaskDefinitionPath() : ServicePath();
        if (!shape.IsMatch(path))
        {
            return resourceType == "task-definition" ? "does not end in FAMILY:REVISION (letters, digits, '_' and '-')" : "does not end in [CLUSTER/]SERVICE (letters, digits, '_' and '-')";
        }

        return name is not null && path.Split('/')[^1] != name && path.Split('/')[^1].Split(':')[0] != name ? $"does not name {name}" : null;
    }

    /// <summary>
    /// Why <paramref name="arn"/> is not an ARN of one of <paramref name="services"/> (<c>ecr</c>; <c>codeconnections</c> or
    /// <c>codestar-connections</c>) for a <paramref name="resourceType"/> of <paramref name="account"/> in
    /// <paramref name="region"/> whose path is <paramref name="name"/> (any, when null), or null.
    /// </summary>
    public static string? ArnProblem(string arn, IReadOnlyCollection<string> services, string resourceType, string? name, string partition, string region, string account)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ArgumentNullException.ThrowIfNull(services);
        if (HasWildcard(arn))
        {
            return "holds a wildcard";
        }

        var match = ServiceArn().Match(arn);
        if (!match.Success || !services.Contains(match.Groups["service"].Value) || match.Groups["type"].Value != resourceType)
        {
            return $"is not a {resourceType} ARN (arn:PARTITION:{services.First()}:REGION:ACCOUNT:{resourceType}/...)";
        }

        if (match.Groups["partition"].Value != partition || match.Groups["region"].Value != region || match.Groups["account"].Value != account)
        {
            return $"is not in account {account}, region {region} (partition {partition})";
        }

        return name is not null && match.Groups["path"].Value != name ? $"does not name {name}" : null;
    }

    /// <summary>Why <paramref name="value"/>, read from AWS, is not exactly <paramref name="expected"/> (what pipectl derives itself), or null.</summary>
    public static string? ExactProblem(string value, string expected)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HasWildcard(value) ? "holds a wildcard" : string.Equals(value, expected, StringComparison.Ordinal) ? null : $"is not {expected}";
    }

    private static bool HasWildcard(string value) => value.Contains('*', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal);

    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):iam::(?<account>\d{12}):role/(?:[A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}\z")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):ecs:(?<region>[a-z0-9-]+):(?<account>\d{12}):(?<type>[a-z-]+)/(?<path>.+)\z")]
    private static partial Regex EcsArn();

    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):(?<service>[a-z-]+):(?<region>[a-z0-9-]+):(?<account>\d{12}):(?<type>[a-z-]+)/(?<path>.+)\z")]
    private static partial Regex ServiceArn();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,255}:\d+\z")]
    private static partial Regex TaskDefinitionPath();

    [GeneratedRegex(@"^(?:[A-Za-z0-9_-]{1,255}/)?[A-Za-z0-9_-]{1,255}\z")]
    private static partial Regex ServicePath();
}
