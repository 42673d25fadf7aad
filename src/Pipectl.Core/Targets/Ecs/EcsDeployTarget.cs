using Pipectl.Core.Export;
using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// The ECS deploy target (<c>--deploy ecs</c>): the build pushes an image to the stack's ECR repository and the Amazon
/// ECS standard deploy action rolls it out to an existing service, with the ECS deploy role (<see cref="EcsPolicies"/>).
/// The stack has no site bucket. Its entries are the <c>EcsDeploy</c> part.
/// </summary>
public sealed class EcsDeployTarget : IDeployTarget
{
    /// <summary>The file the Amazon ECS deploy action reads from the build output: <c>[{"name": CONTAINER, "imageUri": URI}]</c>.</summary>
    public const string ImageDefinitionsFile = "imagedefinitions.json";

    /// <summary>The parameter the ECS task role's ARN is given in (only the deploying account knows it).</summary>
    public const string TaskRoleParameter = "EcsTaskRoleArn";

    /// <summary>The parameter the ECS task execution role's ARN is given in.</summary>
    public const string ExecutionRoleParameter = "EcsExecutionRoleArn";

    /// <summary>The parameter the ECS service's task definition family is given in.</summary>
    public const string TaskDefinitionFamilyParameter = "EcsTaskDefinitionFamily";

    private const string Provider = "ECS";

    public string Name => DeployTargets.Ecs;

    public bool HasSite => false;

    public string ActionProvider => Provider;

    // The Amazon ECS standard deploy action registers a revision of the service's task definition with the image
    // imagedefinitions.json names and updates the service to it (a rolling update).
    public IReadOnlyDictionary<string, string> ActionConfiguration(StackSpec spec) => new Dictionary<string, string>
    {
        ["ClusterName"] = spec.Ecs.Cluster ?? string.Empty,
        ["ServiceName"] = spec.Ecs.Service ?? string.Empty,
        ["FileName"] = ImageDefinitionsFile,
    };

    public string ApprovalSubject(StackSpec spec) => $"ECS service {spec.Ecs.Cluster}/{spec.Ecs.Service}";

    /// <summary>The ECS deploy role before the service is read (apply time completes it from the read: the <c>EcsDeploy</c> part).</summary>
    public RoleDefinition DeployRole(StackSpec spec, StackArns arns) => new EcsPolicies(spec).DeployRole(null);

    public IEnumerable<PolicyStatement> BuildRoleStatements(StackSpec spec) => new EcsPolicies(spec).BuildStatements();

    /// <summary>The ECS parameters: what only a read of the service tells, asked of whoever deploys the template.</summary>
    public IReadOnlyList<TemplateParameter> TemplateParameters { get; } =
    [
        new(TaskRoleParameter, null, "The taskRoleArn of the ECS service's task definition: the deploy role may pass it to ECS tasks (give the execution role's ARN when the task definition has no task role)", "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"),
        new(ExecutionRoleParameter, null, "The executionRoleArn of the ECS service's task definition: the deploy role may pass it to ECS tasks", "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"),
        new(TaskDefinitionFamilyParameter, null, "The family of the ECS service's task definition: the deploy role may tag the revisions it registers", "^[A-Za-z0-9_-]{1,255}$"),
    ];

    public RoleDefinition? TemplateDeployRole(StackSpec spec) => new EcsPolicies(spec).DeployRole(TemplateService(spec));

    /// <summary>The ECS service as the template's parameters describe it.</summary>
    public static EcsServiceState TemplateService(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var arns = new Arns(spec.Region, spec.AccountId);
        return new EcsServiceState(
            spec.Ecs.Cluster ?? string.Empty,
            spec.Ecs.Service ?? string.Empty,
            ClusterActive: true,
            ServiceActive: true,
            arns.EcsService(spec.Ecs.Cluster ?? string.Empty, spec.Ecs.Service ?? string.Empty),
            $"arn:{arns.Partition}:ecs:{spec.Region}:{arns.AccountId}:task-definition/{TemplateTokens.Token(TaskDefinitionFamilyParameter)}:1",
            TemplateTokens.Token(TaskRoleParameter),
            TemplateTokens.Token(ExecutionRoleParameter),
            [spec.ContainerName]);
    }

    /// <summary>
    /// The ECS deploy action's target in <paramref name="deployed"/>, when its Deploy stage runs one with the stack's own
    /// deploy role (by name: the spec read alongside GetCallerIdentity does not know the account yet), or null.
    /// </summary>
    public static EcsDeployment? DeployedIn(PipelineDeclaration deployed, StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        ArgumentNullException.ThrowIfNull(spec);
        var action = deployed.Stages
            .Where(s => string.Equals(s.Name, PipelineDeclarationFactory.DeployStageName, StringComparison.Ordinal))
            .SelectMany(s => s.Actions)
            .FirstOrDefault(a => a.Provider == Provider && a.RoleArn is { } role && role.EndsWith($":role/{spec.DeployRoleName}", StringComparison.Ordinal));
        return action is not null && action.Configuration.TryGetValue("ClusterName", out var cluster) && action.Configuration.TryGetValue("ServiceName", out var service)
            ? new EcsDeployment { Cluster = cluster, Service = service }
            : null;
    }

    /// <summary><paramref name="spec"/> deploying to ECS with <paramref name="deployment"/> (what a discovered ECS deploy completes a teardown's spec with).</summary>
    public static StackSpec ApplyTo(StackSpec spec, EcsDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec with { Deploy = DeployTargets.Ecs, Ecs = deployment };
    }
}
