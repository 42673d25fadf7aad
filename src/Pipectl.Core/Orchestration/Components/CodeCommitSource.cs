using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>The CodeCommit repository a stack's pipeline and build read (created, or an existing one used as it is).</summary>
internal sealed class CodeCommitSource : IStackComponent
{
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var repository = new RepositorySpec(spec.RepositoryName, spec.RepositoryDescription ?? $"Source of the {spec.StackName} delivery pipeline", stack.Tags);
        var added = stack.Add(new ResourceEntry<RepositorySpec, RepositoryState>(ResourceKeys.Repository, StackParts.Repository, [], repository, d => d.Repositories)
        {
            Shared = true,
            NameOption = StackOptionNames.RepositoryName,
            UseExisting = spec.ExistingRepository,
            AfterApply = RepositorySeeding.AfterApplyAsync(spec),
            Outputs = state => new Dictionary<string, string>
            {
                [StackOutputs.CloneUrlHttp] = state?.CloneUrlHttp ?? StackEndpoints.CloneUrlHttp(spec.Region, spec.RepositoryName),
                [StackOutputs.CloneUrlSsh] = state?.CloneUrlSsh ?? StackEndpoints.CloneUrlSsh(spec.Region, spec.RepositoryName),
            },
        });

        // The build clones it; the pipeline's source action reads it while it runs.
        stack.Build.WaitFor(added.Key);
        stack.Pipeline.WaitFor(added.Key);
    }
}
