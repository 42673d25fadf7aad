using Amazon.Runtime;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Tagging;
using Pipectl.Core.Resources;
using Pipectl.Core.Operations;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Operations;

/// <summary>
/// The stacks pipectl manages in one region: the pipelines tagged <c>pipectl:stack=&lt;name&gt;</c>, each with
/// its latest execution status. One GetResources of the Resource Groups Tagging API (pages of 100) names the
/// region's pipelines that carry the tag, with their tags, however many other pipelines the region has; the
/// status needs one ListPipelineExecutions per stack pipeline.
/// </summary>
public sealed class StackPipelineCatalog(CodePipelineClient client, ResourceTaggingClient tagging)
{
    /// <summary>How many statuses are read concurrently.</summary>
    private const int Concurrency = 4;

    /// <summary>
    /// The ARN namespace GetResources is asked for: CodePipeline (a pipeline's ARN carries no resource type; its
    /// other tagged types, webhooks and action types, have a <c>type:</c> in theirs and are left out).
    /// </summary>
    public const string PipelineResourceType = "codepipeline";

    /// <summary>The stacks, sorted by stack then pipeline name. A status that cannot be read is reported, not fatal.</summary>
    public async Task<IReadOnlyList<StackPipeline>> ListAsync(CancellationToken cancellationToken)
    {
        var tagged = await tagging.GetAllResourcesAsync([new TagFilter(StackDefaults.StackTagKey)], [PipelineResourceType], cancellationToken).ConfigureAwait(false);
        var pipelines = tagged
            .Select(r => (Name: TaggedArn.Parse(r.ResourceARN!)?.Name, Stack: r.Tags?.FirstOrDefault(t => t.Key == StackDefaults.StackTagKey)?.Value))
            .Where(p => !string.IsNullOrEmpty(p.Name) && !p.Name.Contains(':', StringComparison.Ordinal) && p.Stack is not null)
            .ToList();
        var found = new System.Collections.Concurrent.ConcurrentBag<StackPipeline>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pipelines, options, async (pipeline, token) =>
            found.Add(await WithLatestStatusAsync(pipeline.Stack!, pipeline.Name!, token).ConfigureAwait(false))).ConfigureAwait(false);

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
