using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The entries of a <c>--deploy ecs</c> stack: the website bucket goes; the ECR repository the build pushes to
/// comes (the stack's own); the ECS service it deploys to is read, never written (it must exist, ACTIVE, with its
/// cluster, and its task definition must have the container the deploy names); the build runs privileged with the
/// variables the buildspec needs; and the deploy role is the ECS one. That role may pass the task definition's own
/// roles, which only the service's read tells: it is completed at apply time from that read.
/// </summary>
internal sealed class EcsDeploy : IStackComponent
{
    /// <summary>The registry URI of the repository: what the buildspec tags and pushes.</summary>
    public const string RepositoryUriVariable = "REPOSITORY_URI";

    /// <summary>The container imagedefinitions.json names.</summary>
    public const string ContainerNameVariable = "CONTAINER_NAME";

    /// <summary>The account, for <c>docker login</c> to the registry.</summary>
    public const string AccountIdVariable = "AWS_ACCOUNT_ID";

    /// <summary>The region, for <c>aws ecr get-login-password</c> (CodeBuild sets it too; stated for builds run elsewhere).</summary>
    public const string RegionVariable = "AWS_DEFAULT_REGION";

    /// <summary>The build variables pipectl sets on a container stack's project; a stack file may not set them itself.</summary>
    public static IReadOnlyList<string> Variables { get; } = [RepositoryUriVariable, ContainerNameVariable, AccountIdVariable, RegionVariable];

    /// <summary>Adds the ECR repository, the ECS service (read only) and the ECS deploy role; asks the build to push there.</summary>
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var tags = stack.Tags;
        var policies = new EcsPolicies(spec);
        var uri = RepositoryUri(spec);
        var repository = new EcrRepositorySpec(spec.EcrRepositoryName, ScanOnPush: true, EcrRepositorySpec.KeepNewest(spec.EcrImagesToKeep), tags);
        var service = new EcsServiceSpec(spec.Ecs.Cluster ?? string.Empty, spec.Ecs.Service ?? string.Empty, spec.ContainerName) { AccountId = spec.AccountId, Region = spec.Region };

        var registry = stack.Add(new ResourceEntry<EcrRepositorySpec, EcrRepositoryState>(ResourceKeys.EcrRepository, StackParts.Build, [], repository, d => d.EcrRepositories)
        {
            NameOption = StackOptionNames.EcrRepository,
            KeepOnTeardown = (state, options) => options.DeleteImages || state.HeldImages is not { } what ? null
                : options.Pruning ? PrunedDataNote.Of(what, StackOptionNames.DeleteImages) : state.KeptForImages,
            Check = state => RepositoryProblem(spec, state),
            Outputs = state => new Dictionary<string, string> { [StackOutputs.EcrRepositoryUri] = state?.Uri ?? uri },
        });

        // The build pushes into the repository: it is created first, and deleted only after the project.
        stack.Build.WaitFor(registry.Key);
        stack.Build.RunPrivileged();
        stack.Build.Set(RepositoryUriVariable, new(uri));
        stack.Build.Set(ContainerNameVariable, new(spec.ContainerName));
        stack.Build.Set(AccountIdVariable, new(spec.AccountId ?? StackNames.AccountPlaceholder));
        stack.Build.Set(RegionVariable, new(spec.Region));

        var ecsService = stack.Add(new ResourceEntry<EcsServiceSpec, EcsServiceState>(ResourceKeys.EcsService, StackParts.Pipeline, [], service, d => d.EcsServices)
        {
            // Used as it is: never modified or deleted, reported as adopted.
            UseExisting = true,
            ExistingOption = $"{StackOptionNames.EcsCluster} and {StackOptionNames.EcsService}",
            Check = service.Problem,
            Outputs = state => state?.ServiceArn is { } arn ? new Dictionary<string, string> { [StackOutputs.EcsServiceArn] = arn } : new Dictionary<string, string>(),
        });

        // The deploy role trusts the pipeline role by ARN (IAM checks that principal only when the trust policy is
        // written), and may pass the task definition's own roles, which only the service's read tells.
        stack.Add(new ResourceEntry<RoleSpec, RoleState>(ResourceKeys.DeployRole, StackParts.Pipeline, [ResourceKeys.PipelineRole, ecsService.Key], RoleSpec.From(policies.DeployRole(null), tags), d => d.Roles)
        {
            NameOption = StackOptionNames.DeployRoleName,
            NeededOnlyToCreate = [ResourceKeys.PipelineRole],
            DesiredAtApply = async (context, ct) => RoleSpec.From(policies.DeployRole(await context.Drivers.EcsServices.ReadAsync(service, ct).ConfigureAwait(false)), tags),
            // A dry run that would change which roles the deploy role passes has found a task definition moved to other
            // roles outside pipectl: say what that breaks and that a bootstrap fixes it.
            AfterApply = (context, outcome, _) => Task.FromResult(
                context.Options.DryRun && outcome.Action == ResourceAction.WouldUpdate && outcome.ChangeDetails().Any(d => d.Statement == EcsPolicies.PassTaskRolesSid)
                    ? outcome with { Note = $"the task definition's roles changed outside pipectl: {EcsPolicies.PassRoleDriftAdvice}" }
                    : outcome),
        });
    }

    /// <summary>
    /// The entries of the ECR repositories tag discovery found (<paramref name="found"/>, by name) that
    /// <paramref name="spec"/> does not name as its own: a teardown removes a repository a former ECS deploy left.
    /// Only the repository: the service of a deploy that is gone is not known (and never deleted).
    /// </summary>
    public static IEnumerable<IReadOnlyList<ResourceEntry>> FoundRepositories(StackSpec spec, IEnumerable<string> found)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(found);
        foreach (var repository in found)
        {
            if (!(spec.IsEcsDeploy && spec.EcrRepositoryName == repository))
            {
                var variant = DesiredStack.From(EcsDeployTarget.ApplyTo(spec, spec.Ecs with { RepositoryName = repository })).Entries;
                yield return [.. variant.Where(e => e.Key == ResourceKeys.EcrRepository)];
            }
        }
    }

    /// <summary>
    /// The ARN or URI of an existing repository as ECR describes it, when it is not this account's and region's own
    /// repository of this name (either would reach the build role's policy and the build's push target), or null.
    /// </summary>
    private static string? RepositoryProblem(StackSpec spec, EcrRepositoryState? actual)
    {
        if (actual is null || spec.AccountId is not { Length: 12 } account || spec.Region.Length == 0)
        {
            return null;
        }

        var partition = AwsPartition.ForRegion(spec.Region);
        var source = $"of ECR repository {spec.EcrRepositoryName} (DescribeRepositories)";
        var values = new (string Value, string What, string? Problem)[]
        {
            (actual.Arn, $"the ARN {source}", Validation.ReadValueRules.ArnProblem(actual.Arn, ["ecr"], "repository", spec.EcrRepositoryName, partition, spec.Region, account)),
            (actual.Uri, $"the URI {source}", Validation.ReadValueRules.ExactProblem(actual.Uri, RepositoryUri(spec))),
        };
        return values.FirstOrDefault(v => v.Problem is not null) is { Problem: { } problem } bad
            ? $"{bad.What} \"{Validation.SafeFragment.Visible(bad.Value)}\" {problem}: pipectl writes into a policy only values that name this account and region, without wildcards. Nothing was changed."
            : null;
    }

    /// <summary>Where the build pushes: <c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME</c> (a placeholder account when unknown).</summary>
    public static string RepositoryUri(StackSpec spec) =>
        StackEndpoints.EcrRepositoryUri(spec.Region, spec.AccountId ?? StackNames.AccountPlaceholder, spec.EcrRepositoryName);
}
