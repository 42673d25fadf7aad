using Pipectl.Core.Orchestration;

namespace Pipectl.Cli.Stacks;

/// <summary>The teardown options of one run.</summary>
internal sealed record TeardownSwitches(bool Yes, bool KeepRepository, bool KeepBuckets, bool KeepConnection = false)
{
    public TeardownOptions ToOptions(bool dryRun) => new() { DryRun = dryRun, KeepRepository = KeepRepository, KeepBuckets = KeepBuckets, KeepConnection = KeepConnection };
}
