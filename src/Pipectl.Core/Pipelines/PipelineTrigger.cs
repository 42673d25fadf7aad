namespace Pipectl.Core.Pipelines;

/// <summary>
/// A V2 pipeline's push trigger (CodePipeline's <c>PipelineTriggerDeclaration</c>, provider
/// <c>CodeStarSourceConnection</c>): a push to one of <see cref="Branches"/> that touches one of
/// <see cref="FilePaths"/> (any file when empty) starts the pipeline from <see cref="SourceActionName"/>.
/// </summary>
public sealed record PipelineTrigger(string SourceActionName, IReadOnlyList<string> Branches, IReadOnlyList<string> FilePaths)
{
    /// <summary>The only trigger provider CodePipeline has.</summary>
    public const string ConnectionProvider = "CodeStarSourceConnection";

    /// <summary>One line that is equal for equal triggers, for comparing and showing them.</summary>
    public string Describe() =>
        $"push {SourceActionName} branches={string.Join(",", Branches)}" + (FilePaths.Count > 0 ? $" filePaths={string.Join(",", FilePaths)}" : string.Empty);
}
