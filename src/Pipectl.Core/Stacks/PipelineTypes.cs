namespace Pipectl.Core.Stacks;

/// <summary>CodePipeline's pipeline types.</summary>
public static class PipelineTypes
{
    /// <summary>Billed per active pipeline per month; what AWS assumes when <c>pipelineType</c> is omitted.</summary>
    public const string V1 = "V1";

    /// <summary>Billed per action-minute; supports triggers, variables and execution modes.</summary>
    public const string V2 = "V2";
}
