namespace Pipectl.Core.Resources;

/// <summary>
/// An ARN the Resource Groups Tagging API returned, split into what names a resource: the service, the resource
/// type (the part before <c>/</c> in <c>project/NAME</c>; null for the ARNs that carry none: a pipeline, a CodeCommit
/// repository, an SNS topic, an S3 bucket) and the name (an EventBridge rule on a custom bus: the part after the bus).
/// </summary>
public sealed record TaggedArn(string Arn, string Service, string Region, string? ResourceType, string Name)
{
    /// <summary>The parts of <paramref name="arn"/>, or null when it is not an ARN.</summary>
    public static TaggedArn? Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[5].Length == 0)
        {
            return null;
        }

        var resource = parts[5];
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new TaggedArn(arn, parts[2], parts[3], null, resource);
        }

        var type = resource[..slash];
        var name = resource[(slash + 1)..];
        if (parts[2] == "events" && type == "rule")
        {
            name = name[(name.LastIndexOf('/') + 1)..];
        }

        return name.Length == 0 ? null : new TaggedArn(arn, parts[2], parts[3], type, name);
    }
}
