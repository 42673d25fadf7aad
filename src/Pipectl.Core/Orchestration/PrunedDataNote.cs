namespace Pipectl.Core.Orchestration;

/// <summary>
/// The note of a part the stack no longer has that a bootstrap keeps for the data it holds (docs/stack-record.md):
/// what it holds and the option that deletes it with that data.
/// </summary>
public static class PrunedDataNote
{
    /// <param name="holds">"2 branch(es)", "3 images", "more than 1000 object(s)".</param>
    /// <param name="option">The bootstrap option that deletes it anyway (--delete-repo, --delete-buckets, --delete-images).</param>
    public static string Of(string holds, string option) =>
        $"the stack no longer uses it but it holds {holds}: kept (run again with {option} to delete it with them, or delete it by hand)";
}
