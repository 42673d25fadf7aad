namespace Pipectl.Core.Stacks;

/// <summary>The CodeBuild project source types pipectl supports.</summary>
public static class BuildSourceTypes
{
    /// <summary>The project clones the repository itself, so it can also build outside the pipeline.</summary>
    public const string CodeCommit = "CODECOMMIT";

    /// <summary>The project only builds what the pipeline hands it.</summary>
    public const string CodePipeline = "CODEPIPELINE";
}
