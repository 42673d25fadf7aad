using Pipectl.Core.Orchestration;

namespace Pipectl.Cli.Stacks;

/// <summary>The teardown options of one run.</summary>
internal sealed record TeardownSwitches(bool Yes, bool KeepRepository, bool KeepBuckets, bool KeepConnection = false)
{
    /// <summary>--no-wait: leave a CloudFront distribution disabled for a later teardown to delete.</summary>
    public bool NoWait { get; init; }

    /// <summary>--delete-images: delete an ECR repository that holds images, with them.</summary>
    public bool DeleteImages { get; init; }

    public TeardownOptions ToOptions(bool dryRun) => new() { DryRun = dryRun, KeepRepository = KeepRepository, KeepBuckets = KeepBuckets, KeepConnection = KeepConnection, DeleteImages = DeleteImages };
}
