namespace Pipectl.Core.Orchestration;

/// <summary>
/// The reads of a run that start while the caller's account is still being asked for (GetCallerIdentity): the
/// first request of most resources needs only a name, and waiting for the account before it would put one more
/// round trip in front of every resource. Started for the entries of a graph built without the account whose
/// names do not hold it (<see cref="Naming.StackNames.AccountPlaceholder"/>: the default bucket names do) and
/// whose drivers read by name (<see cref="Provisioning.IResourceDriver{TSpec, TState}.ReadsByName"/>). The run,
/// bound to the graph with the account, takes each such read as its own when the entry's key and name are the
/// same (<see cref="BoundResource.ReuseReadOf"/>); every other entry is read then, as without early reads, and
/// for one whose name holds the account an apply lets its driver prepare that read meanwhile
/// (<see cref="Provisioning.IResourceDriver{TSpec, TState}.PrepareRead"/>: S3 lists the caller's buckets). Each
/// resource's later reads follow its own first one, whatever the account's answer or the others are waiting for.
/// </summary>
public sealed class EarlyReads
{
    private readonly IReadOnlyDictionary<string, BoundResource> _started;
    private readonly Purpose _purpose;

    private EarlyReads(IReadOnlyDictionary<string, BoundResource> started, Purpose purpose)
    {
        _started = started;
        _purpose = purpose;
    }

    /// <summary>What the reads are for: an apply reads everything it converges, a teardown what deleting needs.</summary>
    internal enum Purpose
    {
        Apply,
        Teardown,
    }

    /// <summary>No early reads: every resource is read by the run itself.</summary>
    public static EarlyReads None { get; } = new(new Dictionary<string, BoundResource>(), Purpose.Apply);

    /// <summary>The keys of the entries whose reads were started, in the run's order.</summary>
    public IReadOnlyCollection<string> Keys => [.. _started.Keys];

    /// <summary>Starts the reads an apply of <paramref name="parts"/> would make of <paramref name="withoutAccount"/>'s entries.</summary>
    /// <param name="withoutAccount">The run's graph built before the account is known (its specs' AccountId null).</param>
    public static EarlyReads ForApply(StackGraph withoutAccount, StackParts parts, IStackDrivers drivers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withoutAccount);
        return Start(StackOrchestrator.EntriesOf(withoutAccount, parts), drivers, Purpose.Apply, cancellationToken);
    }

    /// <summary>Starts the reads a teardown with <paramref name="options"/> would make of <paramref name="withoutAccount"/>'s entries.</summary>
    /// <param name="withoutAccount">The run's graph built before the account is known (its specs' AccountId null).</param>
    public static EarlyReads ForTeardown(StackGraph withoutAccount, TeardownOptions options, IStackDrivers drivers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withoutAccount);
        ArgumentNullException.ThrowIfNull(options);
        return Start(StackTeardown.EntriesOf(withoutAccount, options), drivers, Purpose.Teardown, cancellationToken);
    }

    /// <summary>
    /// These reads, and the reads a teardown with <paramref name="options"/> would make of the entries of
    /// <paramref name="withAccount"/> not started yet: once the account is known, the names that hold it (the buckets)
    /// need not wait for the rest of the stack to be found.
    /// </summary>
    public EarlyReads AndTeardownReadsOf(StackGraph withAccount, TeardownOptions options, IStackDrivers drivers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withAccount);
        ArgumentNullException.ThrowIfNull(options);
        var more = Start([.. StackTeardown.EntriesOf(withAccount, options).Where(e => !_started.ContainsKey(e.Key))], drivers, Purpose.Teardown, cancellationToken);
        var all = new Dictionary<string, BoundResource>(_started, StringComparer.Ordinal);
        foreach (var (key, resource) in more._started)
        {
            all[key] = resource;
        }

        return new EarlyReads(all, Purpose.Teardown);
    }

    private static EarlyReads Start(IReadOnlyList<ResourceEntry> entries, IStackDrivers drivers, Purpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var started = new Dictionary<string, BoundResource>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var resource = entry.Bind(drivers);
            if (entry.Name.Contains(Naming.StackNames.AccountPlaceholder, StringComparison.Ordinal))
            {
                // Its name waits for the account; a teardown's read of it is one request, with nothing to prepare.
                if (purpose == Purpose.Apply)
                {
                    resource.PrepareRead(cancellationToken);
                }

                continue;
            }

            if (!resource.ReadsByName)
            {
                continue;
            }

            var read = purpose == Purpose.Teardown ? resource.ReadToDeleteAsync(cancellationToken) : resource.ReadAsync(cancellationToken);

            // Observed here too: a run that stops before it uses them (the account could not be asked for) leaves no unobserved failure behind.
            _ = read.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            started[entry.Key] = resource;
        }

        return new EarlyReads(started, purpose);
    }

    /// <summary><paramref name="entry"/> bound to <paramref name="drivers"/>, with its early read when one was started for the same purpose.</summary>
    internal BoundResource Bind(ResourceEntry entry, IStackDrivers drivers, Purpose purpose)
    {
        var resource = entry.Bind(drivers);
        if (purpose == _purpose && _started.TryGetValue(entry.Key, out var early))
        {
            resource.ReuseReadOf(early);
        }

        return resource;
    }
}
