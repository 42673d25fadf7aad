using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Cli.Output;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Cli.Operate;

/// <summary>
/// In <c>pipectl status -f pipectl.yaml</c> for a <c>--deploy ecs</c> stack: the roles of the service's current task
/// definition that the deploy role may not pass (the task definition was moved to other roles outside pipectl), which
/// makes the next deploy fail on iam:PassRole; a bootstrap fixes it. Two reads: the service, and the role's policy.
/// </summary>
internal static class EcsRoleDriftLine
{
    /// <summary>A reader of the roles the deploy role may not pass, or null when the target's stack does not deploy to ECS (or is not known from a file).</summary>
    public static Func<CancellationToken, Task<IReadOnlyList<string>>>? ReaderFor(OperatedTarget target, AwsSession session)
    {
        if (target.Spec is not { } spec || StackTargets.DeployOf(spec) is not EcsDeployTarget)
        {
            return null;
        }

        var desired = new EcsServiceSpec(spec.Ecs.Cluster ?? string.Empty, spec.Ecs.Service ?? string.Empty, spec.ContainerName);
        return async token =>
        {
            var service = await new EcsServiceDriver(session.Ecs).ReadAsync(desired, token).ConfigureAwait(false);
            if (service?.TaskDefinitionArn is null)
            {
                return [];
            }

            string? policy;
            try
            {
                policy = (await session.Iam.GetRolePolicyAsync(spec.DeployRoleName, StackDefaults.InlinePolicyName, token).ConfigureAwait(false)).PolicyJson;
            }
            catch (AwsResourceNotFoundException)
            {
                policy = null;
            }

            return EcsPolicies.RolesNotPassable(service, policy);
        };
    }

    /// <summary>The warning line; <paramref name="bootstrap"/> is the command that fixes it (the stack's options and region).</summary>
    public static string Text(IReadOnlyList<string> roles, TextStyle style, string bootstrap) =>
        style.Warn(TerminalText.Inline(EcsPolicies.PassRoleDrift(roles, bootstrap)));

    public static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<string>? roles, string bootstrap)
    {
        if (roles is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject("deployRoleDrift");
        writer.WriteStartArray("rolesNotPassable");
        foreach (var role in roles)
        {
            writer.WriteStringValue(role);
        }

        writer.WriteEndArray();
        writer.WriteString("fix", bootstrap);
        writer.WriteString("message", EcsPolicies.PassRoleDrift(roles, bootstrap));
        writer.WriteEndObject();
    }
}
