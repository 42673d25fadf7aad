using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Engine;

/// <summary>
/// The lines of the teardown question that say what will be lost: the repository's branches and the objects
/// in each bucket, and the switches that keep them. A count that cannot be read says so; it never stops
/// the question.
/// </summary>
public static class TeardownLosses
{
    /// <param name="contents">Where the counts are read.</param>
    /// <param name="doomed">What the teardown deletes.</param>
    /// <param name="failureText">A short account of a failed request (null: not a request failure, which is not caught).</param>
    /// <param name="cancellationToken">Stops the counting.</param>
    public static async Task<IReadOnlyList<string>> DescribeAsync(IStackContents contents, IReadOnlyList<ResourceOutcome> doomed, Func<Exception, string?> failureText, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var repository in doomed.Where(r => r.Type == ResourceTypes.Repository))
        {
            lines.Add(await CountAsync(async () =>
            {
                var branches = await contents.CountBranchesAsync(repository.Name, cancellationToken).ConfigureAwait(false);
                return $"repository {repository.Name}: {branches} {(branches == 1 ? "branch" : "branches")} and all their history will be lost";
            }, $"repository {repository.Name}", failureText).ConfigureAwait(false));
        }

        foreach (var bucket in doomed.Where(r => r.Type == ResourceTypes.Bucket))
        {
            lines.Add(await CountAsync(async () =>
            {
                var (count, more) = await contents.CountObjectsAsync(bucket.Name, cancellationToken).ConfigureAwait(false);
                return $"bucket {bucket.Name}: {(more ? "more than " : string.Empty)}{count} {(count == 1 && !more ? "object" : "objects")} will be deleted";
            }, $"bucket {bucket.Name}", failureText).ConfigureAwait(false));
        }

        // Doomed only when it holds no image or teardown was told --delete-images: either way nothing in it survives.
        foreach (var images in doomed.Where(r => r.Type == ResourceTypes.EcrRepository))
        {
            lines.Add($"ECR repository {images.Name}: every image in it will be deleted");
        }

        var keep = new List<string>();
        if (doomed.Any(r => r.Type == ResourceTypes.Repository))
        {
            keep.Add("--keep-repo keeps the repository");
        }

        if (doomed.Any(r => r.Type == ResourceTypes.Bucket))
        {
            keep.Add("--keep-buckets keeps both buckets and their objects");
        }

        if (keep.Count > 0)
        {
            lines.Add(string.Join("; ", keep) + ".");
        }

        return lines;
    }

    private static async Task<string> CountAsync(Func<Task<string>> count, string what, Func<Exception, string?> failureText)
    {
        try
        {
            return await count().ConfigureAwait(false);
        }
        catch (Exception e) when (failureText(e) is { } why)
        {
            return $"{what}: its contents could not be counted ({why}); they will be deleted with it";
        }
    }
}
