using System.Globalization;
using Pipectl.Core.Settings;

namespace Pipectl.Core.Stacks;

/// <summary>
/// The command-line options that describe a stack as it was made: <c>--name</c> and every option whose value differs
/// from the stack's default (the source, the site, the deploy target, names given by option...), so that a command
/// pipectl suggests (a teardown after a failure, a re-run, a start) works as typed. Every stack verb takes every stack
/// option (docs/CONTRACT.md). Local files (<c>--buildspec</c>, <c>--test-buildspec</c>, <c>--seed</c>) are left out:
/// the stack keeps their content, not their path, and a verb finds those parts without them.
/// </summary>
public static class StackArguments
{
    /// <summary><c>--name NAME</c> and the options of <paramref name="spec"/> that differ from the defaults of its name, as one line.</summary>
    public static string For(StackSpec spec) => string.Join(' ', Of(spec).Select(Quote));

    /// <summary>The options as separate arguments (unquoted).</summary>
    public static IReadOnlyList<string> Of(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plain = RecordedSpec.Of(StackSpec.FromStackName(spec.StackName, spec.Region, spec.AccountId));
        var made = RecordedSpec.Of(spec);
        var arguments = new List<string> { StackOptionNames.Name, spec.StackName };
        void Value(string option, string? value, string? byDefault)
        {
            if (value is not null && !string.Equals(value, byDefault, StringComparison.Ordinal))
            {
                arguments.Add(option);
                arguments.Add(value);
            }
        }

        void Switch(string option, bool on, bool byDefault)
        {
            if (on && !byDefault)
            {
                arguments.Add(option);
            }
        }

        Value(StackOptionNames.RepositoryName, made.RepositoryName, plain.RepositoryName);
        Switch(StackOptionNames.ExistingRepository, made.ExistingRepository, plain.ExistingRepository);
        Value(StackOptionNames.BuildProjectName, made.BuildProjectName, plain.BuildProjectName);
        Value(StackOptionNames.PipelineName, made.PipelineName, plain.PipelineName);
        Value(StackOptionNames.RuleName, made.RuleName, plain.RuleName);
        Value(StackOptionNames.BuildRoleName, made.BuildRoleName, plain.BuildRoleName);
        Value(StackOptionNames.PipelineRoleName, made.PipelineRoleName, plain.PipelineRoleName);
        Value(StackOptionNames.DeployRoleName, made.DeployRoleName, plain.DeployRoleName);
        Value(StackOptionNames.EventsRoleName, made.EventsRoleName, plain.EventsRoleName);
        Value(StackOptionNames.ArtifactBucketName, made.ArtifactBucketName, plain.ArtifactBucketName);
        Value(StackOptionNames.SiteBucketName, made.SiteBucketName, plain.SiteBucketName);
        Value(StackOptionNames.ApprovalTopicName, made.ApprovalTopicName, plain.ApprovalTopicName);
        Value(StackOptionNames.Branch, made.Branch, plain.Branch);
        Value(StackOptionNames.Source, made.Source, plain.Source);
        Value(StackOptionNames.ConnectionArn, made.ConnectionArn, plain.ConnectionArn);
        Value(StackOptionNames.Site, made.Site, plain.Site);
        Switch(StackOptionNames.PrivateSite, made.PrivateSite, plain.PrivateSite);
        Value(StackOptionNames.Deploy, made.Deploy, plain.Deploy);
        if (made.Ecs is { } ecs)
        {
            foreach (var field in StackSettings.Ecs)
            {
                Value(field.Setting.Option!, field.TextOf(ecs), null);
            }
        }

        Value(StackOptionNames.BuildImage, made.BuildImage, plain.BuildImage);
        Value(StackOptionNames.ComputeType, made.ComputeType, plain.ComputeType);
        Value(StackOptionNames.SourceType, made.SourceType, plain.SourceType);
        Switch(StackOptionNames.Privileged, made.Privileged, plain.Privileged);
        Value(StackOptionNames.ApprovalEmail, made.ApprovalEmail, plain.ApprovalEmail);
        Switch(StackOptionNames.Approval, made.Approval && made.ApprovalEmail is null, plain.Approval);
        Value(StackOptionNames.PipelineType, made.PipelineType, plain.PipelineType);
        return arguments;
    }

    /// <summary>A value as a POSIX shell takes it: as is when plain, else in single quotes.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '=' or ',' or '+')
            ? value
            : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }
}
