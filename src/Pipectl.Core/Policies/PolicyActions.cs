namespace Pipectl.Core.Policies;

/// <summary>Every IAM action name pipectl grants: the one place that spells them.</summary>
public static class PolicyActions
{
    /// <summary>Lets a principal assume a role (trust policies; the pipeline role on the deploy role).</summary>
    public const string StsAssumeRole = "sts:AssumeRole";

    /// <summary>Read an object.</summary>
    public const string S3GetObject = "s3:GetObject";

    /// <summary>Read a specific version of an object (the artifact bucket is versioned).</summary>
    public const string S3GetObjectVersion = "s3:GetObjectVersion";

    /// <summary>Read whether the bucket is versioned.</summary>
    public const string S3GetBucketVersioning = "s3:GetBucketVersioning";

    /// <summary>Write an object.</summary>
    public const string S3PutObject = "s3:PutObject";

    /// <summary>Every S3 action: only in the artifact bucket's Deny-non-TLS statement, never in an Allow.</summary>
    public const string S3All = "s3:*";

    /// <summary>Clone the repository (CodeBuild projects with a CODECOMMIT source).</summary>
    public const string CodeCommitGitPull = "codecommit:GitPull";

    /// <summary>CodePipeline's CodeCommit source action.</summary>
    public const string CodeCommitGetBranch = "codecommit:GetBranch";

    /// <summary>CodePipeline's CodeCommit source action.</summary>
    public const string CodeCommitGetCommit = "codecommit:GetCommit";

    /// <summary>CodePipeline's CodeCommit source action.</summary>
    public const string CodeCommitUploadArchive = "codecommit:UploadArchive";

    /// <summary>CodePipeline's CodeCommit source action.</summary>
    public const string CodeCommitGetUploadArchiveStatus = "codecommit:GetUploadArchiveStatus";

    /// <summary>CodePipeline's CodeCommit source action.</summary>
    public const string CodeCommitCancelUploadArchive = "codecommit:CancelUploadArchive";

    /// <summary>CodePipeline's CodeBuild action polls the build.</summary>
    public const string CodeBuildBatchGetBuilds = "codebuild:BatchGetBuilds";

    /// <summary>CodePipeline's CodeBuild action starts the build.</summary>
    public const string CodeBuildStartBuild = "codebuild:StartBuild";

    /// <summary>Listed by "Test report permissions" for a build that writes reports (on the stack's own groups only).</summary>
    public const string CodeBuildCreateReportGroup = "codebuild:CreateReportGroup";

    /// <summary>A test build opens a report in one of the stack's report groups.</summary>
    public const string CodeBuildCreateReport = "codebuild:CreateReport";

    /// <summary>A test build completes its report.</summary>
    public const string CodeBuildUpdateReport = "codebuild:UpdateReport";

    /// <summary>A test build adds its test cases to the report.</summary>
    public const string CodeBuildBatchPutTestCases = "codebuild:BatchPutTestCases";

    /// <summary>A test build adds its code coverage to the report.</summary>
    public const string CodeBuildBatchPutCodeCoverages = "codebuild:BatchPutCodeCoverages";

    /// <summary>CodeBuild creates its log group.</summary>
    public const string LogsCreateLogGroup = "logs:CreateLogGroup";

    /// <summary>CodeBuild creates a log stream per build.</summary>
    public const string LogsCreateLogStream = "logs:CreateLogStream";

    /// <summary>CodeBuild writes build output.</summary>
    public const string LogsPutLogEvents = "logs:PutLogEvents";

    /// <summary>The manual approval action mails the topic.</summary>
    public const string SnsPublish = "sns:Publish";

    /// <summary>The EventBridge target starts the pipeline.</summary>
    public const string CodePipelineStartPipelineExecution = "codepipeline:StartPipelineExecution";

    /// <summary>CodeBuild reads PARAMETER_STORE build variables with it.</summary>
    public const string SsmGetParameters = "ssm:GetParameters";

    /// <summary>CodeBuild reads SECRETS_MANAGER build variables with it.</summary>
    public const string SecretsManagerGetSecretValue = "secretsmanager:GetSecretValue";

    /// <summary>CodePipeline's CodeStarSourceConnection action, under the service's current prefix.</summary>
    public const string CodeConnectionsUseConnection = "codeconnections:UseConnection";

    /// <summary>The same permission under the older prefix, which AWS still checks for connections.</summary>
    public const string CodeStarConnectionsUseConnection = "codestar-connections:UseConnection";

    /// <summary>Invalidate cached paths of one distribution (the pipeline's Invalidate action).</summary>
    public const string CloudFrontCreateInvalidation = "cloudfront:CreateInvalidation";

    /// <summary>Docker login to ECR. AWS grants it only on <c>*</c>: one of the documented wildcard exceptions.</summary>
    public const string EcrGetAuthorizationToken = "ecr:GetAuthorizationToken";

    /// <summary>docker push: which layers the repository already has.</summary>
    public const string EcrBatchCheckLayerAvailability = "ecr:BatchCheckLayerAvailability";

    /// <summary>docker push: start a layer upload.</summary>
    public const string EcrInitiateLayerUpload = "ecr:InitiateLayerUpload";

    /// <summary>docker push: upload a layer part.</summary>
    public const string EcrUploadLayerPart = "ecr:UploadLayerPart";

    /// <summary>docker push: finish a layer upload.</summary>
    public const string EcrCompleteLayerUpload = "ecr:CompleteLayerUpload";

    /// <summary>docker push: write the manifest under a tag.</summary>
    public const string EcrPutImage = "ecr:PutImage";

    /// <summary>docker pull (a build that starts FROM its previous image, a cache): read a manifest.</summary>
    public const string EcrBatchGetImage = "ecr:BatchGetImage";

    /// <summary>docker pull: fetch a layer.</summary>
    public const string EcrGetDownloadUrlForLayer = "ecr:GetDownloadUrlForLayer";

    /// <summary>The ECS deploy action reads the service (its task definition, its rollout).</summary>
    public const string EcsDescribeServices = "ecs:DescribeServices";

    /// <summary>The ECS deploy action points the service at the new task definition.</summary>
    public const string EcsUpdateService = "ecs:UpdateService";

    /// <summary>The ECS deploy action copies the current task definition with the new image. It takes no resource ARN (<c>*</c>).</summary>
    public const string EcsRegisterTaskDefinition = "ecs:RegisterTaskDefinition";

    /// <summary>The ECS deploy action reads the current task definition. It takes no resource ARN (<c>*</c>).</summary>
    public const string EcsDescribeTaskDefinition = "ecs:DescribeTaskDefinition";

    /// <summary>The ECS deploy action carries the task definition's tags over to the revision it registers.</summary>
    public const string EcsTagResource = "ecs:TagResource";

    /// <summary>The ECS deploy action follows the rollout's tasks.</summary>
    public const string EcsDescribeTasks = "ecs:DescribeTasks";

    /// <summary>The ECS deploy action follows the rollout's tasks.</summary>
    public const string EcsListTasks = "ecs:ListTasks";

    /// <summary>Hand the task definition's roles to ECS (only to ecs-tasks.amazonaws.com).</summary>
    public const string IamPassRole = "iam:PassRole";
}
