using Pipectl.Core.Naming;
using Pipectl.Core.Settings;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// Checks a <see cref="StackSpec"/> against the rules AWS will apply, before anything is sent, so bad input
/// costs no API call (exit code 2). The facts come from <see cref="AwsConstraints"/>.
/// </summary>
/// <remarks>
/// A name that is still the default derived from the stack name is reported against <c>--name</c>
/// ("gives the artifact bucket name ...: ..."), because that is the option the user has to change; a name the
/// user overrode is reported against its own option.
/// When the account is unknown (a dry run without credentials) bucket names hold
/// <see cref="StackNames.AccountPlaceholder"/>; the bucket checks then put a 12-digit stand-in
/// (<see cref="AwsConstraints.AccountIdStandIn"/>) in its place instead of skipping: every account ID is 12
/// digits, so the length and character checks give the same answer they will with the real account.
/// </remarks>
public sealed class StackSpecValidator
{
    /// <summary>
    /// Every broken rule of every environment's spec, then every name two resources would share (across the
    /// environments too): the one check to run before anything is sent.
    /// </summary>
    public IReadOnlyList<ValidationError> ValidateAll(IReadOnlyList<EnvironmentStackSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var errors = specs.SelectMany(s => Validate(s.Spec, s.Environment)).Distinct().ToList();
        return errors.Count > 0 ? errors : StackNameClashes.Find(specs);
    }

    /// <summary>Every broken rule in <paramref name="spec"/>, empty when it is valid.</summary>
    /// <param name="spec">The stack (of one environment).</param>
    /// <param name="environment">
    /// The environment of a stack file the spec is for, or null. Its names derive from <c>name-environment</c>, so a
    /// name too long because of the environment's name is reported against the environment, not an option.
    /// </param>
    public IReadOnlyList<ValidationError> Validate(StackSpec spec, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();

        var stackNameErrors = StackNameRules(spec.StackName).ToList();
        errors.AddRange(stackNameErrors.Select(rule => new ValidationError(StackOptionNames.Name, spec.StackName, rule.Message)));
        var checkDerivedNames = stackNameErrors.Count == 0;

        if (!AwsConstraints.Region().IsMatch(spec.Region))
        {
            errors.Add(new ValidationError(StackOptionNames.Region, spec.Region,
                "region codes look like us-east-1, eu-west-2 or us-gov-west-1 (lowercase, ending in a number)"));
        }

        if (spec.AccountId is not null && !AwsConstraints.AccountId().IsMatch(spec.AccountId))
        {
            errors.Add(new ValidationError(StackOptionNames.Account, spec.AccountId, "AWS account IDs are exactly 12 digits"));
        }

        var derived = StackNames.For(spec.StackName, spec.Region, spec.AccountId);
        var environmentDerived = environment is null ? null : StackNames.For($"{spec.StackName}-{environment}", spec.Region, spec.AccountId);
        var names = new NameCheck(spec, checkDerivedNames, errors, environment, environmentDerived);
        names.Check(StackOptionNames.RepositoryName, "CodeCommit repository", spec.RepositoryName, derived.Repository, RepositoryNameRules);
        names.Check(StackOptionNames.BuildProjectName, "CodeBuild project", spec.BuildProjectName, derived.BuildProject, BuildProjectNameRules);
        names.Check(StackOptionNames.PipelineName, "pipeline", spec.PipelineName, derived.Pipeline, PipelineNameRules);
        names.Check(StackOptionNames.RuleName, "EventBridge rule", spec.RuleName, derived.Rule, RuleNameRules);
        names.Check(StackOptionNames.BuildRoleName, "CodeBuild role", spec.BuildRoleName, derived.BuildRole, RoleNameRules);
        names.Check(StackOptionNames.PipelineRoleName, "pipeline role", spec.PipelineRoleName, derived.PipelineRole, RoleNameRules);
        names.Check(StackOptionNames.DeployRoleName, "deploy role", spec.DeployRoleName, derived.DeployRole, RoleNameRules);
        names.Check(StackOptionNames.EventsRoleName, "EventBridge role", spec.EventsRoleName, derived.EventsRole, RoleNameRules);
        names.Check(StackOptionNames.ArtifactBucketName, "artifact bucket", spec.ArtifactBucketName, derived.ArtifactBucket, BucketNameRules, isBucket: true);
        names.Check(StackOptionNames.SiteBucketName, "site bucket", spec.SiteBucketName, derived.SiteBucket, BucketNameRules, isBucket: true);
        if (spec.HasApprovalTopic || !string.Equals(spec.ApprovalTopicName, derived.ApprovalTopic, StringComparison.Ordinal))
        {
            // A topic name given without an approval e-mail (teardown --approval-topic-name) is still checked: teardown looks it up.
            names.Check(StackOptionNames.ApprovalTopicName, "SNS approval topic", spec.ApprovalTopicName, derived.ApprovalTopic, TopicNameRules);
        }

        if (spec.RepositoryDescription is { Length: > AwsConstraints.RepositoryDescriptionMaxLength } description)
        {
            errors.Add(new ValidationError(StackOptionNames.RepositoryDescription, description,
                $"CodeCommit repository descriptions are at most {AwsConstraints.RepositoryDescriptionMaxLength} characters; this one has {description.Length}"));
        }

        if (spec.RepositoryDescription is { } text && text.Any(char.IsControl))
        {
            errors.Add(new ValidationError(StackOptionNames.RepositoryDescription, text, "descriptions must not contain line breaks or control characters"));
        }

        errors.AddRange(BranchRules(spec.Branch).Select(rule => new ValidationError(StackOptionNames.Branch, spec.Branch, rule.Message)));

        if (string.IsNullOrWhiteSpace(spec.BuildImage))
        {
            errors.Add(new ValidationError(StackOptionNames.BuildImage, spec.BuildImage,
                "the CodeBuild image must not be empty (e.g. aws/codebuild/standard:7.0)"));
        }
        else if (HasSpaceOrControl(spec.BuildImage))
        {
            errors.Add(new ValidationError(StackOptionNames.BuildImage, spec.BuildImage, SpaceOrControlRule));
        }

        foreach (var (name, variable) in spec.EnvironmentVariables)
        {
            if ((BuildVariableRules.NameProblem(name) ?? BuildVariableRules.ReferenceProblem(variable)) is { } problem)
            {
                // The name only: the value may be a secret.
                errors.Add(new ValidationError("build.environmentVariables", name, problem));
            }
        }

        CheckOneOf(errors, StackOptionNames.ComputeType, spec.ComputeType, StackSettings.ComputeType.Values, "CodeBuild compute types");
        CheckOneOf(errors, StackOptionNames.SourceType, spec.SourceType, StackSettings.SourceType.Values, "source types");
        errors.AddRange(BuildEnvironmentRules.Check(spec));
        CheckOneOf(errors, StackOptionNames.PipelineType, spec.PipelineType, StackSettings.PipelineType.Values, "pipeline types");
        CheckOneOf(errors, StackOptionNames.Site, spec.Site, StackSettings.Site.Values, "site types");
        if (spec.IsCloudFrontSite)
        {
            // The Invalidate stage's role is named after the pipeline: a long pipeline name makes it too long for IAM.
            errors.AddRange(RoleNameRules(spec.InvalidationRoleName).Select(rule =>
                new ValidationError(StackOptionNames.PipelineName, spec.PipelineName, $"with {StackOptionNames.Site} cloudfront the invalidation role is {spec.InvalidationRoleName}: {rule.Message}")));

            // Its project is named after the build project: one near CodeBuild's limit leaves no room for "-invalidate".
            errors.AddRange(BuildProjectNameRules(spec.InvalidationProjectName).Select(rule =>
                new ValidationError(StackOptionNames.BuildProjectName, spec.BuildProjectName, $"with {StackOptionNames.Site} cloudfront the invalidation project is {spec.InvalidationProjectName}: {rule.Message}")));
        }

        if (spec.ApprovalEmail is not null && !AwsConstraints.EmailAddress().IsMatch(spec.ApprovalEmail))
        {
            errors.Add(new ValidationError(StackOptionNames.ApprovalEmail, spec.ApprovalEmail,
                "approval emails must be a plain address like ops@example.com"));
        }

        errors.AddRange(SourceRules.Check(spec));
        errors.AddRange(EcsRules.Check(spec));
        errors.AddRange(TestStageRules.Check(spec));
        return errors;
    }

    /// <summary>The rule a value with a space, a line break or another control character breaks.</summary>
    private const string SpaceOrControlRule = "must not contain spaces, line breaks or control characters (is there a stray newline or tab?)";

    private static bool HasSpaceOrControl(string value) => value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || SafeFragment.IsBidiControl(c));

    private static void CheckOneOf(List<ValidationError> errors, string field, string value, IReadOnlyList<string> allowed, string what)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            var closest = KeySuggestion.Closest(value, allowed);
            errors.Add(new ValidationError(field, value, $"{what} are {string.Join(", ", allowed)}{(closest is null ? string.Empty : $"; did you mean {closest}?")}"));
        }
    }

    private static IEnumerable<BrokenRule> StackNameRules(string name)
    {
        if (name.Length < AwsConstraints.StackNameMinLength)
        {
            yield return new BrokenRule("stack names must not be empty");
        }
        else if (!AwsConstraints.StackName().IsMatch(name))
        {
            yield return new BrokenRule(
                "stack names may contain only lowercase letters, digits and hyphens and must start with a letter " +
                "(they become part of S3 bucket names, and S3 bucket names may contain only lowercase letters, digits, dots and hyphens)");
        }
    }

    private static IEnumerable<BrokenRule> BucketNameRules(string name)
    {
        if (name.Length is < AwsConstraints.S3BucketNameMinLength or > AwsConstraints.S3BucketNameMaxLength)
        {
            yield return new BrokenRule(
                $"S3 bucket names must be {AwsConstraints.S3BucketNameMinLength}-{AwsConstraints.S3BucketNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.S3BucketNameMaxLength);
        }

        if (!AwsConstraints.S3BucketNameCharacters().IsMatch(name))
        {
            yield return new BrokenRule("S3 bucket names may contain only lowercase letters, digits, dots and hyphens");
        }

        if (name.Length > 0 && (!IsLowercaseLetterOrDigit(name[0]) || !IsLowercaseLetterOrDigit(name[^1])))
        {
            yield return new BrokenRule("S3 bucket names must begin and end with a lowercase letter or digit");
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            yield return new BrokenRule("S3 bucket names must not contain two adjacent dots");
        }

        if (AwsConstraints.IpAddress().IsMatch(name))
        {
            yield return new BrokenRule("S3 bucket names must not be formatted as an IP address");
        }

        foreach (var prefix in AwsConstraints.S3ReservedPrefixes.Where(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            yield return new BrokenRule($"S3 bucket names must not start with \"{prefix}\" (reserved by S3)");
        }

        foreach (var suffix in AwsConstraints.S3ReservedSuffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            yield return new BrokenRule($"S3 bucket names must not end with \"{suffix}\" (reserved by S3)");
        }
    }

    private static IEnumerable<BrokenRule> RoleNameRules(string name)
    {
        if (name.Length is 0 or > AwsConstraints.IamRoleNameMaxLength)
        {
            yield return new BrokenRule(
                $"IAM role names must be 1-{AwsConstraints.IamRoleNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.IamRoleNameMaxLength);
        }

        if (name.Length > 0 && !AwsConstraints.IamRoleName().IsMatch(name))
        {
            yield return new BrokenRule("IAM role names may contain only letters, digits and + = , . @ _ -");
        }
    }

    private static IEnumerable<BrokenRule> RepositoryNameRules(string name)
    {
        if (name.Length is 0 or > AwsConstraints.RepositoryNameMaxLength)
        {
            yield return new BrokenRule(
                $"CodeCommit repository names must be 1-{AwsConstraints.RepositoryNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.RepositoryNameMaxLength);
        }

        if (name.Length > 0 && !AwsConstraints.RepositoryName().IsMatch(name))
        {
            yield return new BrokenRule("CodeCommit repository names may contain only letters, digits, underscores, dots and hyphens");
        }

        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            yield return new BrokenRule("CodeCommit repository names must not end in .git");
        }
    }

    private static IEnumerable<BrokenRule> BuildProjectNameRules(string name)
    {
        if (name.Length is < AwsConstraints.BuildProjectNameMinLength or > AwsConstraints.BuildProjectNameMaxLength)
        {
            yield return new BrokenRule(
                $"CodeBuild project names must be {AwsConstraints.BuildProjectNameMinLength}-{AwsConstraints.BuildProjectNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.BuildProjectNameMaxLength);
        }

        if (name.Length > 0 && !AwsConstraints.BuildProjectName().IsMatch(name))
        {
            yield return new BrokenRule("CodeBuild project names may contain only letters, digits, hyphens and underscores, and must start with a letter or digit");
        }
    }

    private static IEnumerable<BrokenRule> PipelineNameRules(string name)
    {
        if (name.Length is 0 or > AwsConstraints.PipelineNameMaxLength)
        {
            yield return new BrokenRule(
                $"pipeline names must be 1-{AwsConstraints.PipelineNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.PipelineNameMaxLength);
        }

        if (name.Length > 0 && !AwsConstraints.PipelineName().IsMatch(name))
        {
            yield return new BrokenRule("pipeline names may contain only letters, digits and . @ - _");
        }
    }

    private static IEnumerable<BrokenRule> RuleNameRules(string name)
    {
        if (name.Length is 0 or > AwsConstraints.RuleNameMaxLength)
        {
            yield return new BrokenRule(
                $"EventBridge rule names must be 1-{AwsConstraints.RuleNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.RuleNameMaxLength);
        }

        if (name.Length > 0 && !AwsConstraints.RuleName().IsMatch(name))
        {
            yield return new BrokenRule("EventBridge rule names may contain only letters, digits and . - _");
        }
    }

    private static IEnumerable<BrokenRule> TopicNameRules(string name)
    {
        if (name.Length is 0 or > AwsConstraints.TopicNameMaxLength)
        {
            yield return new BrokenRule(
                $"SNS topic names must be 1-{AwsConstraints.TopicNameMaxLength} characters long; this one has {name.Length}",
                AwsConstraints.TopicNameMaxLength);
        }

        if (name.Length > 0 && !AwsConstraints.TopicName().IsMatch(name))
        {
            yield return new BrokenRule("SNS topic names may contain only letters, digits, hyphens and underscores");
        }
    }

    private static IEnumerable<BrokenRule> BranchRules(string branch)
    {
        if (branch.Length == 0)
        {
            yield return new BrokenRule("branch names must not be empty");
            yield break;
        }

        if (branch.StartsWith("refs/", StringComparison.Ordinal))
        {
            var bare = branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : "main";
            yield return new BrokenRule($"give the branch name without \"refs/...\" (e.g. {bare}): the trigger compares it with the pushed branch's name, so a full ref would never match");
        }

        if (branch.Length > AwsConstraints.BranchNameMaxLength)
        {
            yield return new BrokenRule($"branch names must be at most {AwsConstraints.BranchNameMaxLength} characters long; this one has {branch.Length}");
        }

        if (branch.Any(c => char.IsControl(c) || AwsConstraints.GitRefForbiddenCharacters.Contains(c)))
        {
            yield return new BrokenRule("branch names must not contain spaces, control characters or any of ~ ^ : ? * [ \\");
        }

        if (branch.Contains("..", StringComparison.Ordinal))
        {
            yield return new BrokenRule("branch names must not contain \"..\"");
        }

        if (branch.StartsWith('-'))
        {
            yield return new BrokenRule("branch names must not start with a hyphen");
        }

        if (branch.StartsWith('/') || branch.EndsWith('/') || branch.Contains("//", StringComparison.Ordinal))
        {
            yield return new BrokenRule("branch names must not start or end with '/' or contain \"//\"");
        }

        if (branch.EndsWith('.'))
        {
            yield return new BrokenRule("branch names must not end with '.'");
        }

        var components = branch.Split('/');
        if (components.Any(c => c.EndsWith(".lock", StringComparison.Ordinal)))
        {
            yield return new BrokenRule("branch names must not end with \".lock\" (nor may any part between slashes)");
        }

        if (components.Any(c => c.StartsWith('.')))
        {
            yield return new BrokenRule("no part of a branch name may start with '.'");
        }

        if (branch == "@" || branch.Contains("@{", StringComparison.Ordinal))
        {
            yield return new BrokenRule("branch names must not be \"@\" or contain \"@{\"");
        }
    }

    private static bool IsLowercaseLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>A broken rule; <see cref="LengthLimit"/> is set when the value is too long for that limit.</summary>
    private readonly record struct BrokenRule(string Message, int? LengthLimit = null);

    /// <summary>
    /// Checks one resource name and reports it against what the user has to change: --name when it is the
    /// default derived from the stack name, the environment when it derives from the environment's name, else its option.
    /// </summary>
    private sealed class NameCheck(StackSpec spec, bool checkDerivedNames, List<ValidationError> errors, string? environment, StackNames? environmentDerived)
    {
        public void Check(string option, string label, string value, string derivedValue, Func<string, IEnumerable<BrokenRule>> rules, bool isBucket = false)
        {
            var isDerived = string.Equals(value, derivedValue, StringComparison.Ordinal);
            if (isDerived && !checkDerivedNames)
            {
                // The stack name itself is already reported; its derived names would only repeat that.
                return;
            }

            if (HasSpaceOrControl(value))
            {
                errors.Add(new ValidationError(option, value, SpaceOrControlRule));
                return;
            }

            var fromEnvironment = !isDerived && environment is not null && environmentDerived is not null && IsDerivedFromEnvironment(value);
            var checkedValue = isBucket && !spec.IsAccountKnown
                ? value.Replace(StackNames.AccountPlaceholder, AwsConstraints.AccountIdStandIn, StringComparison.Ordinal)
                : value;

            foreach (var broken in rules(checkedValue))
            {
                if (fromEnvironment)
                {
                    var hint = broken.LengthLimit is { } max && checkedValue.Length > max && max - (checkedValue.Length - environment!.Length) is var longest && longest > 0
                        ? $"; use an environment name of at most {longest} characters"
                        : string.Empty;
                    // Only the pipeline and the site bucket can be named per environment (environments.<env>.pipelineName / siteBucket).
                    var settable = option is StackOptionNames.PipelineName or StackOptionNames.SiteBucketName ? ", or set its name in the environment" : string.Empty;
                    errors.Add(new ValidationError("environment", environment!, $"gives the {label} name \"{value}\": {broken.Message}{hint}{settable}"));
                    continue;
                }

                if (!isDerived)
                {
                    errors.Add(new ValidationError(option, value, broken.Message));
                    continue;
                }

                var message = $"gives the {label} name \"{value}\": {broken.Message}";
                if (broken.LengthLimit is { } limit && checkedValue.Length > limit)
                {
                    var longest = limit - (checkedValue.Length - spec.StackName.Length);
                    message += longest > 0
                        ? $"; use a stack name of at most {longest} characters here, or {option}"
                        : $"; set {option}";
                }

                errors.Add(new ValidationError(StackOptionNames.Name, spec.StackName, message));
            }
        }

        private bool IsDerivedFromEnvironment(string value) =>
            new[]
            {
                environmentDerived!.Pipeline, environmentDerived.Rule, environmentDerived.SiteBucket, environmentDerived.ArtifactBucket,
                environmentDerived.BuildProject, environmentDerived.BuildRole, environmentDerived.PipelineRole, environmentDerived.DeployRole,
                environmentDerived.EventsRole, environmentDerived.ApprovalTopic, environmentDerived.Repository,
            }.Contains(value, StringComparer.Ordinal);
    }
}
