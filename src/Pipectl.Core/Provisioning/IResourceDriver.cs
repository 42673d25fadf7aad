namespace Pipectl.Core.Provisioning;

/// <summary>
/// The provisioning interface of one kind of resource, implemented against AWS in Pipectl.Aws: read what
/// exists, create what is missing, update what drifted, delete. Implementations tolerate "already exists"
/// on create (a lost reply) by reading back, and "not found" on delete.
/// </summary>
public interface IResourceDriver<in TSpec, TState>
    where TSpec : IDesiredState<TState>
    where TState : class
{
    /// <summary>The CloudFormation type name of the resource kind.</summary>
    string Type { get; }

    /// <summary>
    /// True when <see cref="ReadAsync"/> and <see cref="ReadToDeleteAsync"/> send only what the resource's name
    /// decides (and the names of its parts, such as a role's inline policy names): never an ARN or any other value
    /// of the desired state that holds the account. Such a read may start before the caller's account is known
    /// (<see cref="Orchestration.EarlyReads"/>), with a desired state whose ARNs hold a stand-in account. A driver
    /// that needs the account for a read (to build an ARN) waits for it itself. False by default: read later.
    /// </summary>
    bool ReadsByName => false;

    /// <summary>
    /// Called before the caller's account is known for a resource whose name holds it (a default bucket name), so
    /// that it cannot be read yet: the driver may start a read that needs no name and that its
    /// <see cref="ReadAsync"/> will use (S3 lists the caller's buckets). Sends only reads. By default nothing.
    /// </summary>
    /// <param name="withoutAccount">The desired state built without the account: its name is not the final one.</param>
    void PrepareRead(TSpec withoutAccount, CancellationToken cancellationToken)
    {
    }

    /// <summary>The resource as it is in AWS, or null when it does not exist. Sends only reads.</summary>
    Task<TState?> ReadAsync(TSpec desired, CancellationToken cancellationToken);

    /// <summary>
    /// What teardown needs of the resource: whether it exists, its tags (which decide ownership) and what
    /// <see cref="DeleteAsync"/> takes; null when it does not exist. Sends only reads. By default the full
    /// <see cref="ReadAsync"/>; a driver whose full read holds settings teardown never looks at sends fewer.
    /// </summary>
    Task<TState?> ReadToDeleteAsync(TSpec desired, CancellationToken cancellationToken) => ReadAsync(desired, cancellationToken);

    Task<TState> CreateAsync(TSpec desired, CancellationToken cancellationToken);

    /// <summary>Brings an existing resource to the desired state; <paramref name="changes"/> says what differs.</summary>
    Task<TState> UpdateAsync(TSpec desired, TState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the resource and what only it holds (a rule's targets, a role's inline policies, a bucket's
    /// object versions). "Not found" part way is success: an interrupted delete is finished by the next.
    /// </summary>
    Task DeleteAsync(TState actual, CancellationToken cancellationToken);

    /// <summary>The ARN of a resource as read or created.</summary>
    string? ArnOf(TState state);
}
