using Pipectl.Core.Sources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// The rules of a connection source (<c>--source github:OWNER/REPO</c>, <c>--connection-arn</c>,
/// <c>source.filePaths</c>): checked with the rest of the spec, before anything is sent.
/// </summary>
public static class SourceRules
{
    /// <summary>CodeConnections' <c>ConnectionName</c>: 1 to 32 characters (botocore codeconnections model).</summary>
    public const int ConnectionNameMaxLength = 32;

    /// <summary>CodePipeline's <c>GitFilePathFilterCriteria.includes</c>: at most 8 patterns of 1 to 255 characters.</summary>
    public const int FilePathsMax = 8;

    public const int FilePathMaxLength = 255;

    public static IEnumerable<ValidationError> Check(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Source is null)
        {
            if (spec.ConnectionArn is { } orphan)
            {
                yield return new ValidationError(StackOptionNames.ConnectionArn, orphan, $"a connection serves a GitHub, GitLab or Bitbucket source: add {StackOptionNames.Source} github:OWNER/REPO");
            }

            if (spec.TriggerFilePaths.Count > 0)
            {
                yield return new ValidationError(StackOptionNames.TriggerFilePaths, string.Join(",", spec.TriggerFilePaths), "file-path filters apply to a GitHub, GitLab or Bitbucket source (source.repository)");
            }

            yield break;
        }

        if (ConnectionSource.Parse(spec.Source, out var problem) is null)
        {
            yield return new ValidationError(StackOptionNames.Source, spec.Source, problem!);
        }

        if (spec.ConnectionArn is { } arn)
        {
            if (!ConnectionArns.IsValid(arn))
            {
                yield return new ValidationError(StackOptionNames.ConnectionArn, arn, ConnectionArns.Rule);
            }
            else if (ConnectionArns.PartitionOf(arn) != Naming.AwsPartition.ForRegion(spec.Region))
            {
                yield return new ValidationError(StackOptionNames.ConnectionArn, arn, $"the ARN is in partition {ConnectionArns.PartitionOf(arn)}, the region {spec.Region} in {Naming.AwsPartition.ForRegion(spec.Region)}: CodePipeline uses a connection of its own partition and region");
            }
            else if (ConnectionArns.RegionOf(arn) != spec.Region)
            {
                yield return new ValidationError(StackOptionNames.ConnectionArn, arn, $"the connection is in {ConnectionArns.RegionOf(arn)}, the pipeline in {spec.Region}: CodePipeline uses a connection of its own region");
            }
        }
        else if (spec.ConnectionName.Length > ConnectionNameMaxLength)
        {
            yield return new ValidationError(StackOptionNames.Name, spec.StackName,
                $"gives the connection name {spec.ConnectionName} ({spec.ConnectionName.Length} characters); CodeConnections allows {ConnectionNameMaxLength}: use a shorter --name, or make the connection yourself and pass {StackOptionNames.ConnectionArn}");
        }

        if (spec.ExistingRepository)
        {
            yield return new ValidationError(StackOptionNames.ExistingRepository, "true", $"the source is {spec.Source}: there is no CodeCommit repository to use; drop {StackOptionNames.ExistingRepository}");
        }

        if (spec.SeedDirectory is { } seed)
        {
            yield return new ValidationError(StackOptionNames.SeedDirectory, seed, $"pipectl commits only to a CodeCommit repository it created; push the first commit to {spec.Source} yourself");
        }

        if (spec.SourceType == BuildSourceTypes.CodeCommit)
        {
            yield return new ValidationError(StackOptionNames.SourceType, spec.SourceType, $"the source is {spec.Source}, not CodeCommit: use {BuildSourceTypes.CodePipeline}");
        }

        if (spec.TriggerFilePaths.Count > 0 && spec.PipelineType != PipelineTypes.V2)
        {
            yield return new ValidationError(StackOptionNames.TriggerFilePaths, string.Join(",", spec.TriggerFilePaths), "file-path filters are part of a V2 pipeline's trigger: use pipeline type V2");
        }

        if (spec.TriggerFilePaths.Count > FilePathsMax)
        {
            yield return new ValidationError(StackOptionNames.TriggerFilePaths, string.Join(",", spec.TriggerFilePaths), $"a trigger takes at most {FilePathsMax} file-path patterns; this has {spec.TriggerFilePaths.Count}");
        }

        foreach (var path in spec.TriggerFilePaths.Where(p => p.Length is 0 or > FilePathMaxLength || p.Any(char.IsControl)))
        {
            yield return new ValidationError(StackOptionNames.TriggerFilePaths, path, $"file-path patterns are 1 to {FilePathMaxLength} characters without control characters");
        }
    }
}
