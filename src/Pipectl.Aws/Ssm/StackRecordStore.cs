using Pipectl.Aws.Errors;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Ssm;

/// <summary>
/// Where a stack's record (<see cref="StackRecord"/>) is kept: the String parameter
/// <c>/pipectl/stacks/NAME</c> of Parameter Store in the stack's region, tagged as the stack's. Found from the stack's
/// name and region alone: one GetParameter to read, one PutParameter to write, one DeleteParameter to remove.
/// </summary>
public class StackRecordStore(SsmClient ssm)
{
    public static string ParameterName(string stackName) => $"/pipectl/stacks/{stackName}";

    /// <summary>The record, or null when the stack has none (made before records, or torn down).</summary>
    public virtual async Task<StackRecord?> ReadAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await ssm.GetParameterAsync(ParameterName(stackName), cancellationToken).ConfigureAwait(false);
            return reply.Parameter?.Value is { } json ? StackRecord.Parse(json) : null;
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="record"/> and returns what was written: a new parameter carries the stack's tags (AWS
    /// takes tags only without Overwrite), an existing one is overwritten. When another run created the parameter since
    /// this run read none (ParameterAlreadyExists), its record is read again and this one is written over it with
    /// <see cref="StackRecord.Over"/>, keeping the other run's settings pending. PutParameter has no expected-version
    /// condition, so the overwrite is last-writer-wins, as every overwrite of the record is.
    /// </summary>
    public virtual async Task<StackRecord> WriteAsync(StackRecord record, bool exists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!exists)
        {
            try
            {
                await PutAsync(record, false, cancellationToken).ConfigureAwait(false);
                return record;
            }
            catch (AwsResourceExistsException)
            {
                record = record.Over(await ReadAsync(record.Stack, cancellationToken).ConfigureAwait(false));
            }
        }

        await PutAsync(record, true, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private Task PutAsync(StackRecord record, bool overwrite, CancellationToken cancellationToken) =>
        ssm.PutParameterAsync(
            new PutParameterRequest(ParameterName(record.Stack), record.ToStored(), $"pipectl's record of the stack {record.Stack} (settings, no secrets)")
            {
                Overwrite = overwrite,
                Tags = overwrite ? null : [.. StackOwnership.TagsFor(record.Stack, record.Region).Select(t => new SsmTag(t.Key, t.Value))],
            },
            cancellationToken);

    /// <summary>Deletes the record; true when there was one.</summary>
    public virtual async Task<bool> DeleteAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            await ssm.DeleteParameterAsync(ParameterName(stackName), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }
}
