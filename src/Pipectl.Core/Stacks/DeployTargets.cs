namespace Pipectl.Core.Stacks;

/// <summary>Where the pipeline's Deploy stage delivers the build (<c>--deploy</c>, <c>deploy.target</c> in pipectl.yaml).</summary>
public static class DeployTargets
{
    /// <summary>The build output is extracted into the website bucket (the default).</summary>
    public const string S3 = "s3";

    /// <summary>The build pushes an image to ECR and the Amazon ECS action rolls it out to an existing service.</summary>
    public const string Ecs = "ecs";

    public static IReadOnlyList<string> All { get; } = [S3, Ecs];
}
