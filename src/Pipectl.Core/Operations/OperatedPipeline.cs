using Pipectl.Core.Naming;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Operations;

/// <summary>Which pipeline an operator verb acts on: <c>--pipeline-name</c>, or the stack's default <c>&lt;name&gt;-pipeline</c>.</summary>
public static class OperatedPipeline
{
    /// <summary>The pipeline name, or the one-line reason it cannot be one (nothing is sent then).</summary>
    public static (string? Name, string? Error) Resolve(string stackName, string? pipelineName)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        var (option, name) = string.IsNullOrWhiteSpace(pipelineName)
            ? ("--name", StackNames.For(stackName, "unused", null).Pipeline)
            : ("--pipeline-name", pipelineName);
        if (string.IsNullOrWhiteSpace(stackName))
        {
            return (null, "--name: a stack name is required");
        }

        if (name.Length > AwsConstraints.PipelineNameMaxLength || !AwsConstraints.PipelineName().IsMatch(name))
        {
            return (null, $"{option}: \"{Validation.SafeFragment.Visible(name)}\" is not a valid pipeline name (1-{AwsConstraints.PipelineNameMaxLength} of A-Z a-z 0-9 . @ - _)");
        }

        return (name, null);
    }
}
