namespace Pipectl.Core.Pipelines;

/// <summary>One action of a pipeline stage, as CodePipeline's <c>ActionDeclaration</c> describes it.</summary>
public sealed record PipelineAction
{
    /// <summary>The action name, unique within its stage.</summary>
    public required string Name { get; init; }

    /// <summary><c>Source</c>, <c>Build</c>, <c>Test</c>, <c>Deploy</c>, <c>Approval</c> or <c>Invoke</c>.</summary>
    public required string Category { get; init; }

    /// <summary><c>AWS</c> for AWS's own action providers.</summary>
    public required string Owner { get; init; }

    /// <summary>The provider, e.g. <c>CodeCommit</c>, <c>CodeBuild</c>, <c>Manual</c>, <c>S3</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The action type version, <c>1</c> for all of AWS's.</summary>
    public required string Version { get; init; }

    /// <summary>Order within the stage; AWS fills in 1 when it is omitted.</summary>
    public int? RunOrder { get; init; }

    /// <summary>The provider's configuration, all values strings (<c>"false"</c>, not false).</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>Names of the artifacts the action reads.</summary>
    public IReadOnlyList<string> InputArtifacts { get; init; } = [];

    /// <summary>Names of the artifacts the action writes.</summary>
    public IReadOnlyList<string> OutputArtifacts { get; init; } = [];

    /// <summary>A role the pipeline role assumes to run this action; null runs it as the pipeline role.</summary>
    public string? RoleArn { get; init; }
}
