namespace Pipectl.Core.Orchestration;

/// <summary>Which parts of a stack a verb converges; <c>bootstrap</c> takes them all.</summary>
[Flags]
public enum StackParts
{
    None = 0,

    /// <summary><c>create-repo</c>: the CodeCommit repository (and its first commit with --seed).</summary>
    Repository = 1,

    /// <summary><c>create-buckets</c>: the artifact bucket and the hosting bucket.</summary>
    Buckets = 2,

    /// <summary><c>create-build</c>: the build role and the CodeBuild project.</summary>
    Build = 4,

    /// <summary><c>create-pipeline</c>: the pipeline and deploy roles, the approval topic and the pipeline.</summary>
    Pipeline = 8,

    /// <summary><c>wire-trigger</c>: the events role and the EventBridge rule.</summary>
    Trigger = 16,

    All = Repository | Buckets | Build | Pipeline | Trigger,
}
