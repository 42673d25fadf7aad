using System.Text.Json.Nodes;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// The ECR repository a <c>--deploy ecs</c> build pushes its image to: scanned on push, with a lifecycle policy
/// that expires all but the newest images, tagged as the stack's own.
/// </summary>
/// <param name="Name">The repository name (ECR's rules: 2-256 lowercase characters, <c>/</c>-separated parts).</param>
/// <param name="ScanOnPush">Basic image scanning of every pushed image.</param>
/// <param name="LifecyclePolicy">The lifecycle policy text.</param>
/// <param name="Tags">The ownership tags.</param>
public sealed record EcrRepositorySpec(string Name, bool ScanOnPush, string LifecyclePolicy, IReadOnlyDictionary<string, string> Tags) : IDesiredState<EcrRepositoryState>
{
    /// <summary>A lifecycle policy with one rule: expire any image beyond the newest <paramref name="imagesToKeep"/>.</summary>
    public static string KeepNewest(int imagesToKeep) => new JsonObject
    {
        ["rules"] = new JsonArray(new JsonObject
        {
            ["rulePriority"] = 1,
            ["description"] = $"Keep the newest {imagesToKeep} images (pipectl)",
            ["selection"] = new JsonObject { ["tagStatus"] = "any", ["countType"] = "imageCountMoreThan", ["countNumber"] = imagesToKeep },
            ["action"] = new JsonObject { ["type"] = "expire" },
        }),
    }.ToJsonString();

    public IReadOnlyList<string> DifferencesFrom(EcrRepositoryState actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return new Differences()
            .Compare("scan on push", actual.ScanOnPush, ScanOnPush)
            .CompareDocument("lifecycle policy", actual.LifecyclePolicy, LifecyclePolicy, SamePolicy(actual.LifecyclePolicy, LifecyclePolicy))
            .CompareTags(actual.Tags, Tags);
    }

    /// <summary>ECR may return the policy text reformatted: compared as JSON.</summary>
    private static bool SamePolicy(string? actual, string desired) =>
        actual is not null && JsonNode.DeepEquals(Differences.Document(actual), Differences.Document(desired));
}
