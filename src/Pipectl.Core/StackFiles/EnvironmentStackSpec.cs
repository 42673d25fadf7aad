using Pipectl.Core.Stacks;

namespace Pipectl.Core.StackFiles;

/// <summary>The stack one environment of a <c>pipectl.yaml</c> describes.</summary>
/// <param name="Environment">The environment's name, or null for a file without <c>environments:</c>.</param>
/// <param name="Spec">Its stack: own pipeline, trigger, roles and website bucket; shared repository, artifact bucket and build project.</param>
public sealed record EnvironmentStackSpec(string? Environment, StackSpec Spec);
