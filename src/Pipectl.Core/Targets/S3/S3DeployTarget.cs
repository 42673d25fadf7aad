using Pipectl.Core.Export;
using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// The S3 deploy target (the default): the Deploy action extracts the build output into the site bucket, with a
/// deploy role that may write the bucket's objects. The bucket is the site's (<see cref="ISiteKind"/>).
/// </summary>
public sealed class S3DeployTarget : IDeployTarget
{
    public string Name => DeployTargets.S3;

    public bool HasSite => true;

    public string ActionProvider => "S3";

    // No CannedACL: new buckets have ACLs disabled, and the bucket policy makes the site readable.
    public IReadOnlyDictionary<string, string> ActionConfiguration(StackSpec spec) => new Dictionary<string, string>
    {
        ["BucketName"] = spec.SiteBucketName,
        ["Extract"] = "true",
    };

    public string ApprovalSubject(StackSpec spec) => $"s3://{spec.SiteBucketName}";

    /// <summary>The S3 deploy action's role: trusted by the pipeline role (see <see cref="TrustPolicies.ForRole"/>).</summary>
    public RoleDefinition DeployRole(StackSpec spec, StackArns arns) => new(
        spec.DeployRoleName,
        arns.DeployRole,
        $"pipectl {spec.StackName}: deploy to s3://{spec.SiteBucketName}",
        TrustPolicies.ForRole(arns.PipelineRole),
        StackDefaults.InlinePolicyName,
        DeployRolePolicy(arns));

    /// <summary>
    /// Deploy role: write (and read) the website's objects; read the build output from the artifact bucket,
    /// because CodePipeline fetches an action's input artifacts with the action's own role.
    /// </summary>
    public static PolicyDocument DeployRolePolicy(StackArns arns)
    {
        ArgumentNullException.ThrowIfNull(arns);
        return new(
        [
            PolicyStatement.Allow("DeploySite", [PolicyActions.S3PutObject, PolicyActions.S3GetObject], [arns.SiteObjects]),
            PolicyStatement.Allow("ReadBuildOutput", [PolicyActions.S3GetObject, PolicyActions.S3GetObjectVersion], [arns.ArtifactObjects]),
        ]);
    }

    public IEnumerable<PolicyStatement> BuildRoleStatements(StackSpec spec) => [];

    public IReadOnlyList<TemplateParameter> TemplateParameters => [];

    public RoleDefinition? TemplateDeployRole(StackSpec spec) => null;
}
