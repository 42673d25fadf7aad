using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>The repository's first commit (--seed), made after the repository converged and only on a branch that does not exist.</summary>
internal static class RepositorySeeding
{
    public static Func<ApplyContext, ResourceOutcome, CancellationToken, Task<ResourceOutcome>> AfterApplyAsync(StackSpec spec) =>
        (context, outcome, cancellationToken) => context.Options.SeedFiles is { } files
            ? SeedAsync(context, outcome, spec.RepositoryName, spec.Branch, files, cancellationToken)
            : Task.FromResult(outcome);

    private static async Task<ResourceOutcome> SeedAsync(ApplyContext context, ResourceOutcome outcome, string repository, string branch, IReadOnlyList<SeedFile> files, CancellationToken cancellationToken)
    {
        var seeder = context.Drivers.Seeder;
        var branchExists = outcome.Action is not (ResourceAction.WouldCreate or ResourceAction.Created)
            && await seeder.BranchExistsAsync(repository, branch, cancellationToken).ConfigureAwait(false);
        if (branchExists)
        {
            return outcome with { Note = $"branch {branch} already exists: not seeded (pipectl never rewrites a branch)" };
        }

        var change = $"first commit on {branch}: {files.Count} files";
        if (context.Options.DryRun)
        {
            var action = outcome.Action == ResourceAction.Unchanged ? ResourceAction.WouldUpdate : outcome.Action;
            return outcome.WithChange(change) with { Action = action };
        }

        var commit = await seeder.SeedAsync(repository, branch, files, cancellationToken).ConfigureAwait(false);
        var seeded = outcome.Action == ResourceAction.Unchanged ? ResourceAction.Updated : outcome.Action;
        return outcome.WithChange(change) with { Action = seeded, Note = $"commit {commit}" };
    }
}
