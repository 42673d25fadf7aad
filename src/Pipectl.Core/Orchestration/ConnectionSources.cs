using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The entries of a stack whose source is GitHub, GitLab or Bitbucket: a CodeConnections connection takes the
/// place of the CodeCommit repository, and (V2) the pipeline's push trigger that of the EventBridge rule and
/// its role (<see cref="StackComponents"/> adds neither). AWS picks a new connection's ARN, which the pipeline's source
/// action and the pipeline role's policy name: both take it from the connection's outputs when they converge.
/// </summary>
internal sealed class ConnectionSources : IStackComponent
{
    /// <summary>Adds the connection; the pipeline and its role take its ARN from the run's outputs.</summary>
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var tags = stack.Tags;
        var connection = new ConnectionSpec(spec.ConnectionArn ?? spec.ConnectionName, spec.ConnectionSource?.ProviderType ?? string.Empty, spec.ConnectionArn, tags);
        var added = stack.Add(new ResourceEntry<ConnectionSpec, ConnectionState>(ResourceKeys.Connection, StackParts.Repository | StackParts.Pipeline, [], connection, d => d.Connections)
        {
            // One connection serves every environment of a stack file, as the repository would.
            Shared = true,
            UseExisting = spec.ConnectionArn is not null,
            ExistingOption = "--connection-arn",
            // The ARN does not say which provider a connection serves: the read does, and a connection of another
            // provider than the source's is refused after that read, before the first write (CodePipeline would
            // accept the pipeline and fail its first source action).
            Check = state => ArnProblem(spec, state) ?? (state is not null && spec.ConnectionArn is not null && spec.ConnectionSource is { } source && !string.Equals(state.ProviderType, source.ProviderType, StringComparison.Ordinal)
                ? $"{StackOptionNames.ConnectionArn} {spec.ConnectionArn} is a {state.ProviderType} connection, but {StackOptionNames.Source} {source.Display} needs a {source.ProviderType} one: pass a {source.ProviderType} connection, or leave {StackOptionNames.ConnectionArn} out to let pipectl create one. Nothing was changed."
                : null),
            Outputs = state => state is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { [StackOutputs.ConnectionArn] = state.Arn, [StackOutputs.ConnectionStatus] = state.Status },
        });

        stack.Pipeline.CompleteFrom(added.Key, With);
    }

    /// <summary>
    /// The ARN of an existing connection as CodeConnections answered it (GetConnection for a given ARN, ListConnections
    /// for one found by name), when it is not a connection of this account and region without wildcards, or null: the
    /// pipeline role's policy grants <c>codeconnections:UseConnection</c> on it.
    /// </summary>
    private static string? ArnProblem(StackSpec spec, ConnectionState? actual)
    {
        if (actual is null || spec.AccountId is not { Length: 12 } account || spec.Region.Length == 0)
        {
            return null;
        }

        var problem = Validation.ReadValueRules.ArnProblem(actual.Arn, ["codeconnections", "codestar-connections"], "connection", null, AwsPartition.ForRegion(spec.Region), spec.Region, account)
            ?? (Sources.ConnectionArns.IsValid(actual.Arn) ? null : $"is not a connection ARN ({Sources.ConnectionArns.Rule})");
        var source = spec.ConnectionArn is null ? $"connection {spec.ConnectionName} (ListConnections)" : $"connection {spec.ConnectionArn} (GetConnection)";
        return problem is null
            ? null
            : $"the ARN of {Validation.SafeFragment.Visible(source)} \"{Validation.SafeFragment.Visible(actual.Arn)}\" {problem}: pipectl writes into a policy only values that name this account and region, without wildcards. Nothing was changed.";
    }

    /// <summary><paramref name="spec"/> naming the connection the run converged (its ARN is known only once it exists).</summary>
    private static StackSpec With(StackSpec spec, IReadOnlyDictionary<string, string> outputs) =>
        outputs.TryGetValue(StackOutputs.ConnectionArn, out var arn) ? spec with { ConnectionArn = arn } : spec;
}
