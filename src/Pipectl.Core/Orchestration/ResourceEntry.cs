namespace Pipectl.Core.Orchestration;

/// <summary>
/// One resource of a stack as data: a key unique in its graph, the part of the stack (verb) it belongs to,
/// the keys it depends on, and (in <see cref="ResourceEntry{TSpec, TState}"/>) its desired state, its
/// driver and its outputs. Apply walks the dependencies forward, teardown walks them reversed.
/// </summary>
/// <param name="Key">Unique in a graph: <c>pipeline</c>, or <c>staging/pipeline</c> for an environment's.</param>
/// <param name="Part">The verb's part that converges it (<c>create-build</c> ...).</param>
/// <param name="DependsOn">What must exist before it is created, and be deleted only after it.</param>
public abstract record ResourceEntry(string Key, StackParts Part, IReadOnlyList<string> DependsOn)
{
    /// <summary>The resource's name, as shown to people and sent to AWS.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// False for a resource the stack no longer wants but a teardown still removes when it is there (the
    /// approval topic of a stack whose approval email was dropped). Apply leaves it out.
    /// </summary>
    public bool Wanted { get; init; } = true;

    /// <summary>Shared by every environment of a stack file (listed once, torn down after all of them).</summary>
    public bool Shared { get; init; }

    /// <summary>The environment it serves when a run spans several; null otherwise.</summary>
    public string? Environment { get; init; }

    /// <summary>The option that names it, for a person told to pick another name; null when none.</summary>
    public string? NameOption { get; init; }

    /// <summary>
    /// Use a resource that exists and is not the stack's as it is (<c>--existing-repo</c>): never modified,
    /// never deleted, reported as adopted. It must exist.
    /// </summary>
    public bool UseExisting { get; init; }

    /// <summary>
    /// Keys among <see cref="DependsOn"/> that AWS looks at only when this resource is created or updated (a
    /// service role CodeBuild or CodePipeline must be able to assume, a role a trust policy names): apply still
    /// waits for them, but teardown need not keep them until this resource is gone, so they are deleted
    /// alongside it. A dependency this resource writes into while it runs (a bucket) never belongs here.
    /// </summary>
    public IReadOnlyList<string> NeededOnlyToCreate { get; init; } = [];

    /// <summary>The option that says <see cref="UseExisting"/>, for a person told to drop it.</summary>
    public string ExistingOption { get; init; } = "--existing-repo, or repository.existing in the stack file";

    /// <summary>This entry bound to the drivers that read, create, update and delete it.</summary>
    internal abstract BoundResource Bind(IStackDrivers drivers);
}
