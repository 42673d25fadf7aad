namespace Pipectl.Core.Provisioning;

/// <summary>
/// The one shape every resource is handled with: read, compare, then create / update / leave alone, and
/// report. In a dry run it stops after the comparison. This gives idempotency and --dry-run for free.
/// </summary>
public static class Converger
{
    /// <summary>
    /// The outcome and the resource's state afterwards (null in a dry run that would create it).
    /// <paramref name="checkExisting"/> may refuse an existing resource (by throwing) before anything changes.
    /// </summary>
    public static async Task<(ResourceOutcome Outcome, TState? State)> ConvergeAsync<TSpec, TState>(
        IResourceDriver<TSpec, TState> driver, TSpec desired, bool dryRun, CancellationToken cancellationToken, Action<TState>? checkExisting = null)
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        var actual = await driver.ReadAsync(desired, cancellationToken).ConfigureAwait(false);
        if (actual is not null)
        {
            checkExisting?.Invoke(actual);
        }

        if (actual is null)
        {
            if (dryRun)
            {
                return (new ResourceOutcome(driver.Type, desired.Name, null, ResourceAction.WouldCreate), null);
            }

            var created = await driver.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
            return (new ResourceOutcome(driver.Type, desired.Name, driver.ArnOf(created), ResourceAction.Created), created);
        }

        var changes = desired.DifferencesFrom(actual);
        if (changes.Count == 0)
        {
            return (new ResourceOutcome(driver.Type, desired.Name, driver.ArnOf(actual), ResourceAction.Unchanged), actual);
        }

        if (dryRun)
        {
            return (new ResourceOutcome(driver.Type, desired.Name, driver.ArnOf(actual), ResourceAction.WouldUpdate) { Changes = changes, Details = Differences.Of(changes) }, actual);
        }

        var updated = await driver.UpdateAsync(desired, actual, changes, cancellationToken).ConfigureAwait(false);
        return (new ResourceOutcome(driver.Type, desired.Name, driver.ArnOf(updated), ResourceAction.Updated) { Changes = changes, Details = Differences.Of(changes) }, updated);
    }
}
