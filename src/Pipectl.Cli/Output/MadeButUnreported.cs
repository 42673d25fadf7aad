using Pipectl.Aws.Runtime;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// Resources a run created that its outcomes do not list, because the step that made them failed after the
/// create (a repository whose seeding failed). Read from the creating requests that succeeded.
/// </summary>
public static class MadeButUnreported
{
    private static readonly Dictionary<string, string> TypeByOperation = new(StringComparer.Ordinal)
    {
        ["CreateRepository"] = ResourceTypes.Repository,
        ["PutBucket"] = ResourceTypes.Bucket,
        ["CreateRole"] = ResourceTypes.Role,
        ["CreateProject"] = ResourceTypes.BuildProject,
        ["CreatePipeline"] = ResourceTypes.Pipeline,
        ["CreateTopic"] = ResourceTypes.Topic,
    };

    public const string Note = "created before the run stopped";

    public static IEnumerable<ResourceOutcome> MissingFrom(IReadOnlyList<ResourceOutcome> listed, IReadOnlyList<CreatedResource> created)
    {
        var known = listed.Select(r => (r.Type, r.Name)).ToHashSet();
        foreach (var made in created)
        {
            if (made.Resource is { } resource
                && TypeByOperation.TryGetValue(made.Operation, out var type)
                && known.Add((type, resource.Name)))
            {
                yield return new ResourceOutcome(type, resource.Name, null, ResourceAction.Created) { Note = Note };
            }
        }
    }
}
