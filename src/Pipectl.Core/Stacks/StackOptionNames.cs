namespace Pipectl.Core.Stacks;

/// <summary>
/// The command-line option behind each <see cref="StackSpec"/> field, spelled as the AWS CLI would.
/// Validation errors name the option, so a person knows what to change.
/// </summary>
public static class StackOptionNames
{
    /// <summary>The stack name every default name derives from.</summary>
    public const string Name = "--name";

    /// <summary>The AWS region.</summary>
    public const string Region = "--region";

    /// <summary>Not an option: the account comes from STS GetCallerIdentity.</summary>
    public const string Account = "account";

    /// <summary>The CodeCommit repository name.</summary>
    public const string RepositoryName = "--repository-name";

    /// <summary>Use an existing repository pipectl did not create.</summary>
    public const string ExistingRepository = "--existing-repo";

    /// <summary>The CodeCommit repository description.</summary>
    public const string RepositoryDescription = "--repository-description";

    /// <summary>The branch the pipeline builds.</summary>
    public const string Branch = "--branch";

    /// <summary>The CodeBuild project name.</summary>
    public const string BuildProjectName = "--build-project-name";

    /// <summary>The CodePipeline name.</summary>
    public const string PipelineName = "--pipeline-name";

    /// <summary>The EventBridge rule name.</summary>
    public const string RuleName = "--rule-name";

    /// <summary>The CodeBuild service role name.</summary>
    public const string BuildRoleName = "--build-role-name";

    /// <summary>The CodePipeline service role name.</summary>
    public const string PipelineRoleName = "--pipeline-role-name";

    /// <summary>The S3 deploy action's role name.</summary>
    public const string DeployRoleName = "--deploy-role-name";

    /// <summary>The EventBridge target role name.</summary>
    public const string EventsRoleName = "--events-role-name";

    /// <summary>The artifact bucket name.</summary>
    public const string ArtifactBucketName = "--artifact-bucket";

    /// <summary>The website bucket name.</summary>
    public const string SiteBucketName = "--site-bucket";

    /// <summary>The SNS topic for approval notifications.</summary>
    public const string ApprovalTopicName = "--approval-topic-name";

    /// <summary>The CodeBuild image.</summary>
    public const string BuildImage = "--image";

    /// <summary>The CodeBuild compute type.</summary>
    public const string ComputeType = "--compute-type";

    /// <summary>The CodeBuild source type.</summary>
    public const string SourceType = "--source-type";

    /// <summary>Runs the build in CodeBuild's privileged mode (Docker builds).</summary>
    public const string Privileged = "--privileged";

    /// <summary>An inline buildspec.</summary>
    public const string Buildspec = "--buildspec";

    /// <summary>The Test stage's buildspec file; adds the Test stage.</summary>
    public const string TestBuildspec = "--test-buildspec";

    /// <summary>What the Test stage runs on: build or source.</summary>
    public const string TestInput = "--test-input";

    /// <summary>Drops the Test stage the stack has (its project, role and report groups are removed).</summary>
    public const string NoTestStage = "--no-test-stage";

    /// <summary>Drops the approval stage and the approval email the stack has (its topic is removed).</summary>
    public const string NoApproval = "--no-approval";

    /// <summary>Lets bootstrap delete what the stack no longer has without a terminal to confirm on.</summary>
    public const string AllowDelete = "--allow-delete";

    /// <summary>Writes without simulating the caller's IAM permissions first.</summary>
    public const string SkipPermissionCheck = "--skip-permission-check";

    /// <summary>Lets bootstrap delete an ECR repository the stack no longer has that holds images, with them (as teardown's).</summary>
    public const string DeleteImages = "--delete-images";

    /// <summary>Lets bootstrap delete a CodeCommit repository the stack no longer has that holds commits.</summary>
    public const string DeleteRepo = "--delete-repo";

    /// <summary>Lets bootstrap empty and delete a bucket the stack no longer has that holds objects.</summary>
    public const string DeleteBuckets = "--delete-buckets";

    /// <summary>The value of <see cref="Source"/> that goes back to the stack's CodeCommit repository.</summary>
    public const string CodeCommitSource = "codecommit";

    /// <summary>Adds a manual approval stage.</summary>
    public const string Approval = "--approval";

    /// <summary>Where approval requests are mailed (implies <see cref="Approval"/>).</summary>
    public const string ApprovalEmail = "--approval-email";

    /// <summary>The CodePipeline type, V1 or V2.</summary>
    public const string PipelineType = "--pipeline-type";

    /// <summary>Keeps the website bucket private.</summary>
    public const string PrivateSite = "--private-site";

    public const string Site = "--site";

    /// <summary>A folder whose files become the repository's first commit.</summary>
    public const string SeedDirectory = "--seed";

    /// <summary>A repository on GitHub, GitLab or Bitbucket read through a CodeConnections connection.</summary>
    public const string Source = "--source";

    /// <summary>An existing CodeConnections connection to use.</summary>
    public const string ConnectionArn = "--connection-arn";

    /// <summary>Not an option: <c>source.filePaths</c> in pipectl.yaml.</summary>
    public const string TriggerFilePaths = "source.filePaths";

    /// <summary>Where the Deploy stage delivers: s3 (default) or ecs.</summary>
    public const string Deploy = "--deploy";

    /// <summary>The ECS cluster of the service a container stack deploys to.</summary>
    public const string EcsCluster = "--ecs-cluster";

    /// <summary>The ECS service a container stack deploys to.</summary>
    public const string EcsService = "--ecs-service";

    /// <summary>The container of the service's task definition that runs the image.</summary>
    public const string ContainerName = "--container-name";

    /// <summary>The ECR repository the build pushes to.</summary>
    public const string EcrRepository = "--ecr-repository";

    /// <summary>How many images the ECR repository's lifecycle policy keeps.</summary>
    public const string EcrKeepImages = "--ecr-keep-images";
}
