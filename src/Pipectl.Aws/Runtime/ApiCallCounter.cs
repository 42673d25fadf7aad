using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Counts every HTTP request sent to AWS (each retry too), split into reads and mutating calls, for the
/// <c>apiCalls</c> figure of the JSON output. Shared by all clients of one session; thread-safe.
/// </summary>
public sealed class ApiCallCounter
{
    private static readonly string[] MutatingPrefixes =
    [
        "Create", "Put", "Delete", "Update", "Tag", "Untag", "Start", "Stop", "Remove", "Subscribe",
        "Unsubscribe", "Set", "Attach", "Detach", "Upload", "Copy", "Restore", "Abort", "Complete",
        "Initiate", "Retry", "Enable", "Disable", "Register", "Deregister", "Add", "Publish", "Confirm",
    ];

    private int _total;
    private int _mutating;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _operations = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<CreatedResource> _created = new();

    /// <summary>The creating requests that succeeded, in order: what a run made, even one that stopped later.</summary>
    public IReadOnlyList<CreatedResource> Created => [.. _created];

    /// <summary>Records one creating request that succeeded.</summary>
    public void RecordCreated(CreatedResource created) => _created.Enqueue(created);

    /// <summary>True for an operation that makes a resource (S3 names its CreateBucket PutBucket).</summary>
    public static bool IsCreate(string operation) =>
        operation == "PutBucket" || (operation.StartsWith("Create", StringComparison.Ordinal) && operation != "CreateCommit");

    public int Total => Volatile.Read(ref _total);

    public int Mutating => Volatile.Read(ref _mutating);

    /// <summary>The operations sent so far, in the order they were sent (retries repeat).</summary>
    public IReadOnlyCollection<string> Operations => _operations.ToArray();

    /// <summary>How many requests each operation sent, by name.</summary>
    public IReadOnlyDictionary<string, int> ByOperation() =>
        new SortedDictionary<string, int>(_operations.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    public void Record(string operation)
    {
        _operations.Enqueue(operation);
        Interlocked.Increment(ref _total);
        if (IsMutating(operation))
        {
            Interlocked.Increment(ref _mutating);
        }
    }

    /// <summary>True for an operation that changes state in AWS, judged by its verb.</summary>
    public static bool IsMutating(string operation) =>
        MutatingPrefixes.Any(p => operation.StartsWith(p, StringComparison.Ordinal));
}
