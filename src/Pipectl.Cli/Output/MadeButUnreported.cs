using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// Resources a run created that its outcomes do not list, because the step that made them failed after the
/// create (a repository whose seeding failed). Read from the creating requests that succeeded, each matched to its
/// kind by service and operation (<see cref="ResourceKinds"/>).
/// </summary>
public static class MadeButUnreported
{
    public const string Note = "created before the run stopped";

    public static IEnumerable<ResourceOutcome> MissingFrom(IReadOnlyList<ResourceOutcome> listed, IReadOnlyList<CreatedResource> created)
    {
        var known = listed.Select(r => (r.Type, r.Name)).ToHashSet();
        foreach (var made in created)
        {
            if (made.Resource is { } resource
                && ResourceKinds.Creating(made.Service, made.Operation) is { } kind
                && known.Add((kind.Type, resource.Name)))
            {
                yield return new ResourceOutcome(kind.Type, resource.Name, null, ResourceAction.Created) { Note = Note };
            }
        }
    }
}
