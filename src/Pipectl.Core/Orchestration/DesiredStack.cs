using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// A stack as a list of resource entries, derived from its <see cref="StackSpec"/>: which resources a stack has,
/// what each should be, what each depends on and what each outputs. Apply,
/// teardown, the plan and the report all walk these entries (through <see cref="StackGraph"/>); each part of the
/// stack adds its own entries (<see cref="StackComponents"/>).
/// </summary>
public sealed class DesiredStack
{
    public const string WebsiteIndexDocument = "index.html";
    public const string WebsiteErrorDocument = "error.html";
    public const string RuleTargetId = "pipeline";

    private DesiredStack(StackSpec spec, IReadOnlyList<ResourceEntry> entries)
    {
        Spec = spec;
        Entries = entries;
    }

    public StackSpec Spec { get; }

    /// <summary>Every resource of the stack, keyed as in <see cref="ResourceKeys"/>.</summary>
    public IReadOnlyList<ResourceEntry> Entries { get; }

    // Views of single entries, for code that needs one resource's desired state (policies, drivers' tests).
    public RepositorySpec Repository => Desired<RepositorySpec, RepositoryState>(ResourceKeys.Repository);

    public BucketSpec ArtifactBucket => Desired<BucketSpec, BucketState>(ResourceKeys.ArtifactBucket);

    public BucketSpec SiteBucket => Desired<BucketSpec, BucketState>(ResourceKeys.SiteBucket);

    public RoleSpec BuildRole => Desired<RoleSpec, RoleState>(ResourceKeys.BuildRole);

    public RoleSpec PipelineRole => Desired<RoleSpec, RoleState>(ResourceKeys.PipelineRole);

    public RoleSpec DeployRole => Desired<RoleSpec, RoleState>(ResourceKeys.DeployRole);

    public RoleSpec EventsRole => Desired<RoleSpec, RoleState>(ResourceKeys.EventsRole);

    public BuildProjectSpec BuildProject => Desired<BuildProjectSpec, BuildProjectState>(ResourceKeys.BuildProject);

    /// <summary>The approval topic, or null when the stack mails no approvals.</summary>
    public TopicSpec? ApprovalTopic => Spec.HasApprovalTopic ? Desired<TopicSpec, TopicState>(ResourceKeys.ApprovalTopic) : null;

    public PipelineSpec Pipeline => Desired<PipelineSpec, PipelineState>(ResourceKeys.Pipeline);

    public RuleSpec Rule => Desired<RuleSpec, RuleState>(ResourceKeys.Rule);

    /// <summary>The desired state of the entry <paramref name="key"/>.</summary>
    public TSpec Desired<TSpec, TState>(string key)
        where TSpec : IDesiredState<TState>
        where TState : class =>
        ((ResourceEntry<TSpec, TState>)Entries.Single(e => e.Key == key)).Desired;

    public static DesiredStack From(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var stack = new StackBuilder(spec);
        foreach (var part in StackComponents.For(spec))
        {
            part.Contribute(stack);
        }

        return new DesiredStack(spec, stack.Entries());
    }
}
