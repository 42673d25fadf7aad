using Amazon.Runtime;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Core.Naming;
using Pipectl.Core.Operations;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Operations;

/// <summary>
/// The stacks pipectl manages in one region: the pipelines tagged <c>pipectl:stack=&lt;name&gt;</c>, each with
/// its latest execution status. ListPipelines names every pipeline of the region; the tags need one
/// ListTagsForResource per pipeline, and the status one ListPipelineExecutions per stack.
/// </summary>
public sealed class StackPipelineCatalog(CodePipelineClient client, Arns arns)
{
    /// <summary>How many pipelines are looked at concurrently (tags, then status).</summary>
    private const int Concurrency = 4;

    /// <summary>The stacks, sorted by stack then pipeline name. A status that cannot be read is reported, not fatal.</summary>
    public async Task<IReadOnlyList<StackPipeline>> ListAsync(CancellationToken cancellationToken)
    {
        var pipelines = await client.ListAllPipelinesAsync(cancellationToken).ConfigureAwait(false);
        var found = new System.Collections.Concurrent.ConcurrentBag<StackPipeline>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pipelines.Where(p => !string.IsNullOrEmpty(p.Name)), options, async (pipeline, token) =>
        {
            var name = pipeline.Name!;
            IReadOnlyList<PipelineTag> tags;
            try
            {
                tags = await client.ListAllTagsForResourceAsync(arns.Pipeline(name), token).ConfigureAwait(false);
            }
            catch (AwsResourceNotFoundException)
            {
                // Deleted between ListPipelines and now: not a stack any more.
                return;
            }

            var stack = tags.FirstOrDefault(t => t.Key == StackDefaults.StackTagKey)?.Value;
            if (stack is not null)
            {
                found.Add(await WithLatestStatusAsync(stack, name, token).ConfigureAwait(false));
            }
        }).ConfigureAwait(false);

        return [.. found.OrderBy(s => s.Stack, StringComparer.Ordinal).ThenBy(s => s.Pipeline, StringComparer.Ordinal)];
    }

    private async Task<StackPipeline> WithLatestStatusAsync(string stack, string pipeline, CancellationToken cancellationToken)
    {
        try
        {
            var page = await client.ListPipelineExecutionsAsync(pipeline, 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new StackPipeline(stack, pipeline, page.PipelineExecutionSummaries?.FirstOrDefault()?.Status);
        }
        catch (AmazonServiceException e)
        {
            // One unreadable status (a missing permission, an emulator without the call) must not hide the list.
            return new StackPipeline(stack, pipeline, null, AwsFailureText.Describe(e) ?? $"{e.ErrorCode ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {e.Message}");
        }
    }
}
