namespace Pipectl.Core.Pipelines;

/// <summary>Where the pipeline keeps artifacts between stages.</summary>
/// <param name="Type">Always <c>S3</c>.</param>
/// <param name="Location">The artifact bucket's name.</param>
public sealed record PipelineArtifactStore(string Type, string Location)
{
    /// <summary>The only artifact store type CodePipeline has.</summary>
    public const string S3Type = "S3";
}
