namespace Pipectl.Core.Orchestration;

/// <summary>What a teardown may delete.</summary>
public sealed record TeardownOptions
{
    /// <summary>List what would be deleted; delete nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Keep the repository (--keep-repo).</summary>
    public bool KeepRepository { get; init; }

    /// <summary>Keep both buckets and their objects (--keep-buckets).</summary>
    public bool KeepBuckets { get; init; }

    /// <summary>Keep the source connection pipectl made (--keep-connection).</summary>
    public bool KeepConnection { get; init; }

    /// <summary>Delete an ECR repository that holds images, with them (--delete-images); without it such a repository is kept.</summary>
    public bool DeleteImages { get; init; }

    /// <summary>
    /// A bootstrap removing the parts the stack no longer has, not a teardown: what is kept for the data it holds
    /// says which of bootstrap's options deletes it (<see cref="PrunedDataNote"/>).
    /// </summary>
    public bool Pruning { get; init; }

    /// <summary>
    /// Leave out what the environments of a stack file share (the repository): when one --env is torn down,
    /// the others still use it.
    /// </summary>
    public bool SkipShared { get; init; }

    /// <summary>
    /// Reads started while the caller's account was being asked for (<see cref="Orchestration.EarlyReads"/>): the
    /// run uses them instead of reading those resources again. None by default.
    /// </summary>
    public EarlyReads EarlyReads { get; init; } = EarlyReads.None;

    /// <summary>
    /// The write that ends the teardown, overlapping its last deletions where that is safe (<see cref="TeardownFinale"/>);
    /// its failure is the teardown's. Never run in a dry run. None by default.
    /// </summary>
    public TeardownFinale? Finale { get; init; }
}
