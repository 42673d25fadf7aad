using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Buildspecs;

/// <summary>What the batch check learnt that the rest of the buildspec check needs.</summary>
internal sealed class BatchTasks
{
    /// <summary>The tasks of a build list or graph that name no buildspec of their own, so they run this file.</summary>
    public List<YamlMappingNode> WithoutBuildspec { get; } = [];
}
