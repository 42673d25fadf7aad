namespace Pipectl.Core.Policies;

/// <summary>The service principals pipectl's roles trust.</summary>
public static class ServicePrincipals
{
    /// <summary>CodeBuild, for the build role.</summary>
    public const string CodeBuild = "codebuild.amazonaws.com";

    /// <summary>CloudFront, reading the private site bucket through an origin access control.</summary>
    public const string CloudFront = "cloudfront.amazonaws.com";

    /// <summary>CodePipeline, for the pipeline role.</summary>
    public const string CodePipeline = "codepipeline.amazonaws.com";

    /// <summary>EventBridge, for the role its target uses to start the pipeline.</summary>
    public const string Events = "events.amazonaws.com";

    /// <summary>ECS tasks, the only service the ECS deploy role may pass the task definition's roles to.</summary>
    public const string EcsTasks = "ecs-tasks.amazonaws.com";
}
