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

    /// <summary>Writes <paramref name="record"/>: a new parameter carries the stack's tags, an existing one is overwritten.</summary>
    public virtual Task WriteAsync(StackRecord record, bool exists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = new PutParameterRequest(ParameterName(record.Stack), record.ToJson(), $"pipectl's record of the stack {record.Stack} (settings, no secrets)")
        {
            Overwrite = exists,
            Tags = exists ? null : [.. StackOwnership.TagsFor(record.Stack, record.Region).Select(t => new SsmTag(t.Key, t.Value))],
        };
        return ssm.PutParameterAsync(request, cancellationToken);
    }

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
