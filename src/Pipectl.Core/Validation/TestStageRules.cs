using System.Text.RegularExpressions;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// The rules of a Test stage (<c>--test-buildspec</c>, <c>--test-input</c>, <c>test:</c>): checked with the rest of
/// the spec, before anything is sent. The buildspec itself is checked by the buildspec validator when it is read.
/// </summary>
public static partial class TestStageRules
{
    /// <summary>CodeBuild's <c>ReportGroupName</c>: 2 to 128 characters (botocore codebuild model).</summary>
    public const int ReportGroupNameMaxLength = 128;

    public static IEnumerable<ValidationError> Check(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Test is not { } test)
        {
            yield break;
        }

        if (!TestInputs.All.Contains(test.Input, StringComparer.Ordinal))
        {
            yield return new ValidationError(StackOptionNames.TestInput, test.Input, $"the Test stage runs on {string.Join(" or ", TestInputs.All)} (the Build stage's output, or the source)");
        }

        if (spec.TestRoleName.Length > AwsConstraints.IamRoleNameMaxLength)
        {
            yield return new ValidationError(StackOptionNames.Name, spec.StackName, $"gives the test role the name {spec.TestRoleName}: IAM role names are at most {AwsConstraints.IamRoleNameMaxLength} characters; use a shorter stack or environment name");
        }

        foreach (var report in test.Reports)
        {
            if (report.IsArn)
            {
                yield return new ValidationError(StackOptionNames.TestBuildspec, report.Name,
                    $"the test buildspec names a report group by ARN; pipectl creates and owns the Test stage's report groups: use a plain name (its group is {spec.TestProjectName}-NAME)");
                continue;
            }

            if (!ReportName().IsMatch(report.Name))
            {
                yield return new ValidationError(StackOptionNames.TestBuildspec, report.Name, "report names in reports: may contain only letters, digits, hyphens and underscores, starting with a letter or digit");
                continue;
            }

            var group = spec.ReportGroupName(report.Name);
            if (group.Length > ReportGroupNameMaxLength)
            {
                yield return new ValidationError(StackOptionNames.TestBuildspec, report.Name, $"its report group {group} is longer than the {ReportGroupNameMaxLength} characters CodeBuild allows; shorten the report name");
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*\z")]
    private static partial Regex ReportName();
}
