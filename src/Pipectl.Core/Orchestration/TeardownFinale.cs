namespace Pipectl.Core.Orchestration;

/// <summary>
/// The write that ends a teardown (the stack record's delete), allowed to start before the deletions end: once every
/// resource the teardown has not yet removed is one that <paramref name="MayOutlive"/> says a later teardown finds
/// without it. Started at most once; a teardown that never gets there (a deletion failed first) does not run it.
/// </summary>
/// <param name="MayOutlive">Whether a resource may still exist when the finale starts.</param>
/// <param name="RunAsync">The write.</param>
public sealed record TeardownFinale(Func<ResourceEntry, bool> MayOutlive, Func<CancellationToken, Task> RunAsync);
