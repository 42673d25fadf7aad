using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using AwsPipeline = Pipectl.Aws.CodePipeline.PipelineDeclaration;
using CorePipeline = Pipectl.Core.Pipelines.PipelineDeclaration;
using PipelineDeclarationComparer = Pipectl.Core.Pipelines.PipelineDeclarationComparer;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The stack's CodePipeline. CreatePipeline and UpdatePipeline are retried while IAM propagates a new role.
/// A create whose reply was lost is recognised by PipelineNameInUseException, read back and converged when its
/// tags show it is the stack's own.
/// An update replaces the structure, sending the version it replaces; tags are merged, never replaced.
/// </summary>
/// <param name="arnOf">
/// The ARN of the pipeline of a name in the caller's account and region (<c>arn:PARTITION:codepipeline:REGION:ACCOUNT:NAME</c>),
/// or null: then the ARN is read back with GetPipeline after a create, whose reply has none.
/// </param>
public sealed class PipelineDriver(CodePipelineClient codePipeline, IamPropagation propagation, Func<string, Task<string>>? arnOf = null) : IResourceDriver<PipelineSpec, PipelineState>
{
    public string Type => ResourceTypes.Pipeline;

    public string? ArnOf(PipelineState state) => state.Arn;

    public async Task DeleteAsync(PipelineState actual, CancellationToken cancellationToken)
    {
        try
        {
            await codePipeline.DeletePipelineAsync(actual.Declaration.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
    }

    /// <summary>Its reads name the pipeline (the tags' ARN comes from GetPipeline's reply): they may start before the account is known.</summary>
    public bool ReadsByName => true;

    public async Task<PipelineState?> ReadAsync(PipelineSpec desired, CancellationToken cancellationToken)
    {
        GetPipelineReply reply;
        try
        {
            reply = await codePipeline.GetPipelineAsync(desired.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }

        // The tags need the ARN, which only GetPipeline's metadata gives (the driver does not know the account).
        var arn = ArnFrom(desired.Name, reply);
        var tags = await codePipeline.ListAllTagsForResourceAsync(arn, cancellationToken).ConfigureAwait(false);
        return new PipelineState(arn, Declaration(desired.Name, reply.Pipeline), ToDictionary(tags));
    }

    public async Task<PipelineState> CreateAsync(PipelineSpec desired, CancellationToken cancellationToken)
    {
        var declaration = PipelineDeclarationMapper.ToAws(desired.Declaration with { Version = null });
        var tags = desired.Tags.Select(t => new PipelineTag(t.Key, t.Value)).ToList();
        CreatePipelineReply reply;
        try
        {
            reply = await propagation.RetryAsync(
                $"pipeline {desired.Name}",
                () => codePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration, tags.Count == 0 ? null : tags), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceExistsException e)
        {
            // An earlier attempt created it (its reply was lost): read it back and converge it, if it is ours.
            var existing = OwnershipGuard.Owned(
                await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
                    ?? throw new ProvisioningException($"Pipeline {desired.Name} is reported to exist but cannot be read back.", e),
                desired.Tags,
                $"Pipeline {desired.Name}");
            var changes = desired.DifferencesFrom(existing);
            return changes.Count == 0 ? existing : await UpdateAsync(desired, existing, changes, cancellationToken).ConfigureAwait(false);
        }

        // CreatePipeline's reply has the structure as CodePipeline normalised it (with its version) but no ARN,
        // which is spelled from the account, region and name: no need to read the pipeline back.
        if (arnOf is not null && reply.Pipeline is { } made)
        {
            return new PipelineState(await arnOf(desired.Name).ConfigureAwait(false), PipelineDeclarationMapper.ToCore(made), new Dictionary<string, string>(desired.Tags));
        }

        GetPipelineReply created;
        try
        {
            created = await codePipeline.GetPipelineAsync(desired.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException e)
        {
            throw new ProvisioningException($"Pipeline {desired.Name} was created but cannot be read back.", e);
        }

        return new PipelineState(ArnFrom(desired.Name, created), Declaration(desired.Name, created.Pipeline), new Dictionary<string, string>(desired.Tags));
    }

    public async Task<PipelineState> UpdateAsync(PipelineSpec desired, PipelineState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        Task<UpdatePipelineReply>? update = null;
        if (PipelineDeclarationComparer.Differences(desired.Declaration, actual.Declaration).Count > 0)
        {
            // UpdatePipeline replaces the whole structure; the declaration carries the version it replaces.
            var declaration = PipelineDeclarationMapper.ToAws(desired.Declaration with { Version = actual.Declaration.Version });
            update = propagation.RetryAsync(
                $"pipeline {desired.Name}",
                () => codePipeline.UpdatePipelineAsync(declaration, cancellationToken),
                cancellationToken);
            work.Add(update);
        }

        var missingTags = desired.Tags.Where(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value).ToList();
        if (missingTags.Count > 0)
        {
            work.Add(codePipeline.TagResourceAsync(actual.Arn, missingTags.Select(t => new PipelineTag(t.Key, t.Value)).ToList(), cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        var merged = new Dictionary<string, string>(actual.Tags);
        foreach (var (key, value) in missingTags)
        {
            merged[key] = value;
        }

        var result = actual.Declaration;
        if (update is not null)
        {
            var reply = await update.ConfigureAwait(false);
            result = reply.Pipeline is { } updated
                ? PipelineDeclarationMapper.ToCore(updated)
                : desired.Declaration with { Version = actual.Declaration.Version + 1 };
        }

        return actual with { Declaration = result, Tags = merged };
    }

    private static CorePipeline Declaration(string name, AwsPipeline? pipeline) =>
        pipeline is null
            ? throw new ProvisioningException($"GetPipeline returned no structure for pipeline {name}.")
            : PipelineDeclarationMapper.ToCore(pipeline);

    private static string ArnFrom(string name, GetPipelineReply reply) =>
        reply.Metadata?.PipelineArn is { Length: > 0 } arn
            ? arn
            : throw new ProvisioningException($"GetPipeline returned no ARN for pipeline {name}.");

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<PipelineTag> tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
