using Pipectl.Core.Naming;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Policies;

/// <summary>
/// The policy documents of one stack: each role's trust and inline least-privilege policy, scoped to the exact
/// ARNs of the stack's resources (no <c>*</c> action or resource in any role policy), and the two bucket policies.
/// </summary>
public sealed class StackPolicies
{
    private readonly StackSpec spec;
    private readonly StackArns arns;

    /// <summary>The policies of <paramref name="spec"/>, whose ARNs are <paramref name="arns"/>.</summary>
    public StackPolicies(StackSpec spec, StackArns arns)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arns);
        this.spec = spec;
        this.arns = arns;
    }

    /// <summary>The policies of <paramref name="spec"/>, with its ARNs from <see cref="StackArns.For"/>.</summary>
    public StackPolicies(StackSpec spec)
        : this(spec, StackArns.For(spec))
    {
    }

    /// <summary>
    /// The build role: trusted by CodeBuild for the stack's project only (aws:SourceArn is the project ARN, as the
    /// CodeBuild User Guide's "Cross-service confused deputy prevention" shows).
    /// </summary>
    public RoleDefinition BuildRole => new(
        spec.BuildRoleName,
        arns.BuildRole,
        $"pipectl {spec.StackName}: CodeBuild project {spec.BuildProjectName}",
        TrustPolicies.ForService(ServicePrincipals.CodeBuild, SourceAccount, arns.BuildProject),
        StackDefaults.InlinePolicyName,
        BuildRolePolicy());

    /// <summary>
    /// The pipeline's service role: trusted by CodePipeline on behalf of this account, in the
    /// <c>StringEqualsIfExists</c> form. CodePipeline's own pages ("Create the CodePipeline service role (CLI)")
    /// show a trust with no condition, and no AWS page documents that CodePipeline sends aws:SourceAccount when it
    /// assumes the role: a plain StringEquals on a key the service does not send would make the role impossible to
    /// assume and CreatePipeline fail on every account. The IfExists form still refuses another account's
    /// pipeline wherever the key is sent.
    /// </summary>
    public RoleDefinition PipelineRole => new(
        spec.PipelineRoleName,
        arns.PipelineRole,
        $"pipectl {spec.StackName}: pipeline {spec.PipelineName}",
        TrustPolicies.ForService(ServicePrincipals.CodePipeline, SourceAccount),
        StackDefaults.InlinePolicyName,
        PipelineRolePolicy());

    /// <summary>The Deploy action's role, as the deploy target defines it (<see cref="IDeployTarget.DeployRole"/>): trusted by the pipeline role.</summary>
    public RoleDefinition DeployRole => StackTargets.DeployOf(spec).DeployRole(spec, arns);

    /// <summary>The EventBridge target's role: trusted by EventBridge for the stack's rule only (aws:SourceArn is the rule ARN).</summary>
    public RoleDefinition EventsRole => new(
        spec.EventsRoleName,
        arns.EventsRole,
        $"pipectl {spec.StackName}: start {spec.PipelineName} on a push",
        TrustPolicies.ForService(ServicePrincipals.Events, SourceAccount, arns.Rule),
        StackDefaults.InlinePolicyName,
        EventsRolePolicy());

    /// <summary>The account the service trusts are scoped to (a placeholder when it is not known: display only).</summary>
    private string SourceAccount => spec.AccountId ?? StackNames.AccountPlaceholder;

    /// <summary>
    /// All four roles in an order that can be created one after another: the pipeline role before the deploy
    /// role, whose trust policy names it.
    /// </summary>
    public IReadOnlyList<RoleDefinition> Roles => [BuildRole, PipelineRole, DeployRole, EventsRole];

    /// <summary>
    /// Build role: write its own log group; read and write pipeline artifacts; and, when the project's source is
    /// the repository (CODECOMMIT), <c>codecommit:GitPull</c> on that one repository so it can clone it.
    /// </summary>
    public PolicyDocument BuildRolePolicy()
    {
        List<PolicyStatement> statements =
        [
            PolicyStatement.Allow(
                "BuildLogs",
                [PolicyActions.LogsCreateLogGroup, PolicyActions.LogsCreateLogStream, PolicyActions.LogsPutLogEvents],
                [arns.BuildLogGroup, arns.BuildLogStreams]),
            PolicyStatement.Allow(
                "PipelineArtifacts",
                [PolicyActions.S3GetObject, PolicyActions.S3GetObjectVersion, PolicyActions.S3PutObject],
                [arns.ArtifactBucket, arns.ArtifactObjects]),
        ];
        if (spec.SourceType == BuildSourceTypes.CodeCommit)
        {
            statements.Add(PolicyStatement.Allow("CloneRepository", [PolicyActions.CodeCommitGitPull], [arns.Repository]));
        }

        // What the deploy target's artifact needs (an image push), then build variables of type PARAMETER_STORE /
        // SECRETS_MANAGER: CodeBuild reads them with this role, so it may read exactly the parameters and secrets
        // named, and only when there are any.
        statements.AddRange(StackTargets.DeployOf(spec).BuildRoleStatements(spec));

        if (BuildVariableArns.Parameters(spec) is { Count: > 0 } parameters)
        {
            statements.Add(PolicyStatement.Allow("ReadBuildParameters", [PolicyActions.SsmGetParameters], parameters));
        }

        if (BuildVariableArns.Secrets(spec) is { Count: > 0 } secrets)
        {
            statements.Add(PolicyStatement.Allow("ReadBuildSecrets", [PolicyActions.SecretsManagerGetSecretValue], secrets));
        }

        return new PolicyDocument(statements);
    }

    /// <summary>
    /// Pipeline role: artifacts; the source action (the repository, or the connection); the CodeBuild action on the
    /// project; assuming the deploy role; and <c>sns:Publish</c> on the approval topic only when one is mailed.
    /// </summary>
    public PolicyDocument PipelineRolePolicy()
    {
        List<PolicyStatement> statements =
        [
            PolicyStatement.Allow(
                "PipelineArtifacts",
                [PolicyActions.S3GetObject, PolicyActions.S3GetObjectVersion, PolicyActions.S3GetBucketVersioning, PolicyActions.S3PutObject],
                [arns.ArtifactBucket, arns.ArtifactObjects]),
            SourceStatement(),
            PolicyStatement.Allow(
                "BuildWithCodeBuild",
                [PolicyActions.CodeBuildBatchGetBuilds, PolicyActions.CodeBuildStartBuild],
                [arns.BuildProject, .. (spec.HasTestStage ? [Arns.BuildProject(spec.TestProjectName)] : Array.Empty<string>()), .. SiteBuildProjects()]),
            PolicyStatement.Allow("AssumeDeployRole", [PolicyActions.StsAssumeRole], [arns.DeployRole]),
        ];
        if (spec.HasApprovalTopic)
        {
            statements.Add(PolicyStatement.Allow("NotifyApprovers", [PolicyActions.SnsPublish], [arns.ApprovalTopic]));
        }

        return new PolicyDocument(statements);
    }

    /// <summary>
    /// The source action's permission: use the one connection, or the CodeCommit source action's calls on the one
    /// repository. Never both: a stack reads one source. The UseConnection action's prefix is the one of the
    /// connection's ARN (CodeConnections rename page: "the service prefix of the action must match the ARN of the
    /// connection"); both prefixes only while the ARN is not known (a plan without credentials).
    /// </summary>
    private PolicyStatement SourceStatement() => spec.UsesConnection
        ? PolicyStatement.Allow("SourceFromConnection", ConnectionActions(arns.Connection), [arns.Connection])
        : PolicyStatement.Allow(
            "SourceFromCodeCommit",
            [
                PolicyActions.CodeCommitGetBranch,
                PolicyActions.CodeCommitGetCommit,
                PolicyActions.CodeCommitUploadArchive,
                PolicyActions.CodeCommitGetUploadArchiveStatus,
                PolicyActions.CodeCommitCancelUploadArchive,
            ],
            [arns.Repository]);

    /// <summary>
    /// The UseConnection action matching the prefix of <paramref name="connectionArn"/>: <c>codeconnections</c> for an
    /// arn:...:codeconnections: ARN, <c>codestar-connections</c> for an arn:...:codestar-connections: one, and both
    /// for anything else (a placeholder, where the ARN could be either).
    /// </summary>
    public static IReadOnlyList<string> ConnectionActions(string connectionArn) => connectionArn.Split(':') switch
    {
        [_, _, "codeconnections", ..] => [PolicyActions.CodeConnectionsUseConnection],
        [_, _, "codestar-connections", ..] => [PolicyActions.CodeStarConnectionsUseConnection],
        _ => [PolicyActions.CodeConnectionsUseConnection, PolicyActions.CodeStarConnectionsUseConnection],
    };

    /// <summary>The CodeBuild projects of the stages the site runs after the deploy (CloudFront: Invalidate): the pipeline role starts them.</summary>
    private IEnumerable<string> SiteBuildProjects() =>
        StackTargets.SiteOf(spec).StagesAfterDeploy(spec)
            .SelectMany(s => s.Actions)
            .Where(a => a.Configuration.ContainsKey("ProjectName"))
            .Select(a => Arns.BuildProject(a.Configuration["ProjectName"]));

    /// <summary>EventBridge role: start this one pipeline.</summary>
    public PolicyDocument EventsRolePolicy() => new(
    [
        PolicyStatement.Allow("StartPipeline", [PolicyActions.CodePipelineStartPipelineExecution], [arns.Pipeline]),
    ]);

    /// <summary>Artifact bucket policy: deny every request that does not use TLS, on the bucket and its objects.</summary>
    public PolicyDocument ArtifactBucketPolicy() => new(
    [
        new PolicyStatement("DenyInsecureTransport", PolicyStatement.DenyEffect, [PolicyActions.S3All], [arns.ArtifactBucket, arns.ArtifactObjects])
        {
            Principal = PolicyPrincipal.Anyone,
            Conditions = [new PolicyCondition("Bool", "aws:SecureTransport", "false")],
        },
    ]);

    /// <summary>
    /// The role of the Invalidate stage's CodeBuild project: trusted by CodeBuild for that project only; writes its
    /// own log group, reads its input artifact (CodeBuild fetches it with this role) and invalidates the one
    /// distribution <paramref name="distributionArn"/>, which CloudFront assigns when it creates it.
    /// </summary>
    public RoleDefinition InvalidationRole(string distributionArn) => new(
        spec.InvalidationRoleName,
        Arns.Role(spec.InvalidationRoleName),
        $"pipectl {spec.StackName}: invalidate the site's CloudFront cache after a deploy",
        TrustPolicies.ForService(ServicePrincipals.CodeBuild, SourceAccount, Arns.BuildProject(spec.InvalidationProjectName)),
        StackDefaults.InlinePolicyName,
        new PolicyDocument(
        [
            PolicyStatement.Allow(
                "InvalidateLogs",
                [PolicyActions.LogsCreateLogGroup, PolicyActions.LogsCreateLogStream, PolicyActions.LogsPutLogEvents],
                [Arns.BuildLogGroup(spec.InvalidationProjectName), Arns.BuildLogStreams(spec.InvalidationProjectName)]),
            PolicyStatement.Allow("ReadInputArtifact", [PolicyActions.S3GetObject, PolicyActions.S3GetObjectVersion], [arns.ArtifactObjects]),
            PolicyStatement.Allow("InvalidateSite", [PolicyActions.CloudFrontCreateInvalidation], [distributionArn]),
        ]));

    /// <summary>
    /// The role of the Test stage's CodeBuild project: trusted by CodeBuild for that project only; writes its own log
    /// group, reads its input artifact (CodeBuild fetches it with this role; the stage has no output to write), and
    /// writes reports into exactly the stack's report groups. codebuild:CreateReportGroup on the same exact ARNs:
    /// CodeBuild User Guide, "Test report permissions", lists it as required for a build that writes reports (and the
    /// CDK grants it), even though pipectl creates the groups the buildspec names (<see cref="StackSpec.ReportGroupName"/>).
    /// </summary>
    public RoleDefinition TestRole()
    {
        List<PolicyStatement> statements =
        [
            PolicyStatement.Allow(
                "TestLogs",
                [PolicyActions.LogsCreateLogGroup, PolicyActions.LogsCreateLogStream, PolicyActions.LogsPutLogEvents],
                [Arns.BuildLogGroup(spec.TestProjectName), Arns.BuildLogStreams(spec.TestProjectName)]),
            PolicyStatement.Allow("ReadInputArtifact", [PolicyActions.S3GetObject, PolicyActions.S3GetObjectVersion], [arns.ArtifactObjects]),
        ];
        if (spec.Test?.Reports is { Count: > 0 } reports)
        {
            statements.Add(PolicyStatement.Allow(
                "WriteTestReports",
                [PolicyActions.CodeBuildCreateReportGroup, PolicyActions.CodeBuildCreateReport, PolicyActions.CodeBuildUpdateReport, PolicyActions.CodeBuildBatchPutTestCases, PolicyActions.CodeBuildBatchPutCodeCoverages],
                [.. reports.Select(r => Arns.ReportGroup(spec.ReportGroupName(r.Name)))]));
        }

        return new RoleDefinition(
            spec.TestRoleName,
            Arns.Role(spec.TestRoleName),
            $"pipectl {spec.StackName}: CodeBuild project {spec.TestProjectName} (the Test stage)",
            TrustPolicies.ForService(ServicePrincipals.CodeBuild, SourceAccount, Arns.BuildProject(spec.TestProjectName)),
            StackDefaults.InlinePolicyName,
            new PolicyDocument(statements));
    }

    /// <summary>
    /// Site bucket policy of a CloudFront site: only CloudFront may read objects, and only on behalf of the
    /// distribution <paramref name="distributionArn"/> (aws:SourceArn, as the CloudFront Developer Guide's origin
    /// access control policy shows); every request without TLS is denied. Nothing in it is public, so the bucket
    /// keeps Block Public Access on.
    /// </summary>
    public PolicyDocument CloudFrontSiteBucketPolicy(string distributionArn) => new(
    [
        new PolicyStatement("DenyInsecureTransport", PolicyStatement.DenyEffect, [PolicyActions.S3All], [arns.SiteBucket, arns.SiteObjects])
        {
            Principal = PolicyPrincipal.Anyone,
            Conditions = [new PolicyCondition("Bool", "aws:SecureTransport", "false")],
        },
        new PolicyStatement("CloudFrontReadsSite", PolicyStatement.AllowEffect, [PolicyActions.S3GetObject], [arns.SiteObjects])
        {
            Principal = PolicyPrincipal.Service(ServicePrincipals.CloudFront),
            Conditions = [new PolicyCondition("StringEquals", "aws:SourceArn", distributionArn)],
        },
    ]);

    private Arns Arns => new(spec.Region, spec.AccountId);

    /// <summary>
    /// Site bucket policy: anyone may read the website's objects, and nothing else. This is the single public
    /// statement pipectl writes. Null when the site's bucket is not public (<see cref="ISiteKind.PublicBucket"/>: a private
    /// site's bucket then has no policy).
    /// </summary>
    public PolicyDocument? SiteBucketPolicy() => !StackTargets.SiteOf(spec).PublicBucket
        ? null
        : new PolicyDocument(
        [
            new PolicyStatement("PublicReadWebsite", PolicyStatement.AllowEffect, [PolicyActions.S3GetObject], [arns.SiteObjects])
            {
                Principal = PolicyPrincipal.Anyone,
            },
        ]);
}
