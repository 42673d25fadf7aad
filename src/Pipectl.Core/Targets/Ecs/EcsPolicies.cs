using Pipectl.Core.Naming;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Policies;

/// <summary>
/// The permissions of a <c>--deploy ecs</c> stack: the build role pushes to its one ECR repository, and the
/// deploy role rolls the one ECS service out. Two statements name <c>*</c>, because AWS gives those actions no
/// resource to name (Service Authorization Reference, "Actions, resources, and condition keys" for Amazon ECR and
/// Amazon ECS): <c>ecr:GetAuthorizationToken</c> (the docker login), and <c>ecs:DescribeTaskDefinition</c>. They
/// are the only wildcard resources pipectl writes; their Sids say so, and docs/permissions.md names them.
/// <c>ecs:RegisterTaskDefinition</c> takes the <c>task-definition</c> resource type: it is granted on the service's
/// family only (<c>task-definition/FAMILY:*</c>).
/// </summary>
public sealed class EcsPolicies(StackSpec spec)
{
    /// <summary>The resource of an action that takes no resource ARN.</summary>
    public const string AnyResource = "*";

    /// <summary>The Sid of the docker login statement (a wildcard AWS requires).</summary>
    public const string EcrLoginSid = "EcrLoginAwsGrantsOnlyOnWildcard";

    /// <summary>The Sid of the task definition statement (a wildcard AWS requires).</summary>
    public const string TaskDefinitionsSid = "EcsTaskDefinitionsTakeNoResourceArn";

    /// <summary>Stands for the task definition's roles in a plan that could not read them (no credentials).</summary>
    public const string UnknownTaskRoles = "<roles of the service's task definition>";

    /// <summary>Stands for the task definition's family in a plan that could not read the service (no credentials).</summary>
    public const string UnknownFamily = "<family of the service's task definition>";

    /// <summary>The Sid of the statement that registers the service's next task definition revision.</summary>
    public const string RegisterRevisionsSid = "RegisterTaskDefinitionRevisions";

    /// <summary>The Sid of the statement that passes the task definition's roles to ECS tasks.</summary>
    public const string PassTaskRolesSid = "PassTaskRolesToEcsTasks";

    /// <summary>What a deploy role that may not pass the task definition's current roles means, and what fixes it.</summary>
    public const string PassRoleDriftAdvice = "the next deploy fails on iam:PassRole until `pipectl bootstrap` updates the deploy role";

    /// <summary>
    /// The roles of the service's current task definition that the deploy role's inline policy as read
    /// (<paramref name="inlinePolicy"/>; null when it has none) may not pass to ECS tasks: a task definition moved to
    /// other task or execution roles outside pipectl. Empty when the role passes them all.
    /// </summary>
    public static IReadOnlyList<string> RolesNotPassable(EcsServiceState service, string? inlinePolicy)
    {
        ArgumentNullException.ThrowIfNull(service);
        var passable = new HashSet<string>(StringComparer.Ordinal);
        if (inlinePolicy is not null)
        {
            foreach (var statement in StatementFacts.Parse(inlinePolicy).Where(s => s.IsAllow && s.Sid == PassTaskRolesSid && s.Actions.Contains(PolicyActions.IamPassRole)))
            {
                passable.UnionWith(statement.Resources);
            }
        }

        return [.. service.TaskRoles.Where(r => !passable.Contains(r))];
    }

    /// <summary>One line: the task definition's roles the deploy role may not pass, and that a bootstrap fixes it.</summary>
    /// <param name="roles">The roles the deploy role may not pass.</param>
    /// <param name="bootstrap">The bootstrap that fixes it, with the options that name the stack (default: the bare verb).</param>
    public static string PassRoleDrift(IReadOnlyList<string> roles, string bootstrap = "pipectl bootstrap") =>
        $"the ECS service's task definition uses {string.Join(", ", roles)}, which the deploy role may not pass (changed outside pipectl): {PassRoleDriftAdvice.Replace("`pipectl bootstrap`", $"`{bootstrap}`", StringComparison.Ordinal)}";

    private Arns Arns => new(spec.Region, spec.AccountId);

    /// <summary>Every revision of the task definition family <paramref name="family"/>.</summary>
    private string TaskDefinitionRevisions(string family) => $"arn:{Arns.Partition}:ecs:{spec.Region}:{Arns.AccountId}:task-definition/{family}:*";

    /// <summary>The build role's statements for the image: push to (and pull from) the one repository, and log in.</summary>
    public IEnumerable<PolicyStatement> BuildStatements()
    {
        yield return PolicyStatement.Allow(
            "PushImage",
            [
                PolicyActions.EcrBatchCheckLayerAvailability,
                PolicyActions.EcrInitiateLayerUpload,
                PolicyActions.EcrUploadLayerPart,
                PolicyActions.EcrCompleteLayerUpload,
                PolicyActions.EcrPutImage,
                PolicyActions.EcrBatchGetImage,
                PolicyActions.EcrGetDownloadUrlForLayer,
            ],
            [Arns.EcrRepository(spec.EcrRepositoryName)]);
        yield return PolicyStatement.Allow(EcrLoginSid, [PolicyActions.EcrGetAuthorizationToken], [AnyResource]);
    }

    /// <summary>
    /// The role the Amazon ECS deploy action assumes (trusted by the pipeline role, as the S3 deploy role is), from the
    /// service as read (<paramref name="service"/>; null when it could not be read): read the build output
    /// (imagedefinitions.json), update the one service, register its task definition's next revision, follow the
    /// rollout's tasks in its cluster, and pass the task definition's own roles to ECS tasks only.
    /// </summary>
    public RoleDefinition DeployRole(EcsServiceState? service)
    {
        var cluster = spec.Ecs.Cluster ?? string.Empty;
        var serviceName = spec.Ecs.Service ?? string.Empty;
        var artifacts = Arns.BucketObjects(spec.ArtifactBucketName);
        List<PolicyStatement> statements =
        [
            PolicyStatement.Allow("ReadBuildOutput", [PolicyActions.S3GetObject, PolicyActions.S3GetObjectVersion], [artifacts]),
            PolicyStatement.Allow(
                "UpdateService",
                [PolicyActions.EcsDescribeServices, PolicyActions.EcsUpdateService],
                [service?.ServiceArn ?? Arns.EcsService(cluster, serviceName)]),
            PolicyStatement.Allow(TaskDefinitionsSid, [PolicyActions.EcsDescribeTaskDefinition], [AnyResource]),
            PolicyStatement.Allow(RegisterRevisionsSid, [PolicyActions.EcsRegisterTaskDefinition], [TaskDefinitionRevisions(service?.TaskDefinitionFamily ?? UnknownFamily)]),
            PolicyStatement.Allow(
                "FollowRollout",
                [PolicyActions.EcsDescribeTasks, PolicyActions.EcsListTasks],
                [$"arn:{Arns.Partition}:ecs:{spec.Region}:{Arns.AccountId}:task/{cluster}/*", $"arn:{Arns.Partition}:ecs:{spec.Region}:{Arns.AccountId}:container-instance/{cluster}/*"]),
        ];
        if (service?.TaskDefinitionFamily is { } family)
        {
            // Tags only as part of registering a revision (ECS's tag-on-create condition key), never on an existing one.
            statements.Add(new PolicyStatement(
                "TagTaskDefinitionRevisions",
                PolicyStatement.AllowEffect,
                [PolicyActions.EcsTagResource],
                [TaskDefinitionRevisions(family)])
            {
                Conditions = [new PolicyCondition("StringEquals", "ecs:CreateAction", "RegisterTaskDefinition")],
            });
        }

        IReadOnlyList<string> roles = service?.TaskDefinitionArn is null ? [UnknownTaskRoles] : service.TaskRoles;
        if (roles.Count > 0)
        {
            statements.Add(new PolicyStatement(PassTaskRolesSid, PolicyStatement.AllowEffect, [PolicyActions.IamPassRole], roles)
            {
                Conditions = [new PolicyCondition("StringEquals", "iam:PassedToService", ServicePrincipals.EcsTasks)],
            });
        }

        var deployRole = Arns.Role(spec.DeployRoleName);
        return new RoleDefinition(
            spec.DeployRoleName,
            deployRole,
            $"pipectl {spec.StackName}: deploy to ECS service {cluster}/{serviceName}",
            TrustPolicies.ForRole(Arns.Role(spec.PipelineRoleName)),
            StackDefaults.InlinePolicyName,
            new PolicyDocument(statements));
    }
}
