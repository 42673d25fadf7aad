using Pipectl.Core.Naming;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Validation;

public sealed class StackSpecValidatorTests
{
    private readonly StackSpecValidator validator = new();

    private IReadOnlyList<ValidationError> Validate(StackSpec spec) => validator.Validate(spec);

    private IReadOnlyList<ValidationError> ErrorsOn(string field, StackSpec spec) =>
        Validate(spec).Where(e => e.Field == field).ToList();

    [Fact]
    public void The_default_spec_is_valid()
    {
        Assert.Empty(Validate(TestStacks.Demo()));
    }

    [Fact]
    public void A_CloudFront_site_needs_room_for_the_invalidation_project_after_the_build_project_name()
    {
        var longest = new string('b', AwsConstraints.BuildProjectNameMaxLength);
        var fits = new string('b', AwsConstraints.BuildProjectNameMaxLength - "-invalidate".Length);

        var error = Assert.Single(ErrorsOn(StackOptionNames.BuildProjectName, TestStacks.Demo() with { BuildProjectName = longest, Site = SiteTypes.CloudFront }));
        Assert.Contains("invalidation project", error.Rule, StringComparison.Ordinal);
        Assert.Empty(ErrorsOn(StackOptionNames.BuildProjectName, TestStacks.Demo() with { BuildProjectName = fits, Site = SiteTypes.CloudFront }));
        Assert.Empty(ErrorsOn(StackOptionNames.BuildProjectName, TestStacks.Demo() with { BuildProjectName = longest }));
    }

    [Fact]
    public void A_spec_with_every_option_set_is_valid()
    {
        var spec = TestStacks.Demo() with
        {
            Branch = "release/1.2",
            ComputeType = "BUILD_GENERAL1_LARGE",
            SourceType = "CODEPIPELINE",
            PipelineType = "V1",
            Approval = true,
            ApprovalEmail = "ops@example.com",
            RepositoryDescription = "The website",
            BuildspecContent = "version: 0.2",
            PrivateSite = true,
        };

        Assert.Empty(Validate(spec));
    }

    [Theory]
    [InlineData("My_Stack")]
    [InlineData("Demo")]
    [InlineData("1demo")]
    [InlineData("-demo")]
    [InlineData("de mo")]
    [InlineData("demo.site")]
    public void Stack_name_must_be_lowercase_letters_digits_hyphens_starting_with_a_letter(string name)
    {
        var errors = Validate(StackSpec.FromStackName(name, "us-east-1", TestStacks.Account));

        var error = Assert.Single(errors);
        Assert.Equal("--name", error.Field);
        Assert.Equal(name, error.Value);
        Assert.Contains("lowercase letters, digits and hyphens", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("my-site-2")]
    [InlineData("a")]
    public void Stack_name_passes(string name)
    {
        Assert.Empty(Validate(StackSpec.FromStackName(name, "us-east-1", TestStacks.Account)));
    }

    [Fact]
    public void Empty_stack_name_fails()
    {
        var error = Assert.Single(Validate(StackSpec.FromStackName("", "us-east-1", TestStacks.Account)));
        Assert.Equal("--name", error.Field);
        Assert.Contains("empty", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_is_one_line_naming_the_value_and_the_rule()
    {
        var error = Assert.Single(Validate(StackSpec.FromStackName("My_Stack", "us-east-1", TestStacks.Account)));

        var line = error.ToString();
        Assert.StartsWith("--name \"My_Stack\": ", line, StringComparison.Ordinal);
        Assert.Contains("S3 bucket names may contain only lowercase letters, digits, dots and hyphens", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TestStacks.Account)]
    public void Stack_name_must_leave_room_for_account_and_region_in_bucket_names(string? account)
    {
        // demo-artifacts-<12 digits>-us-east-1 leaves 63 - 33 = 30 characters for the stack name.
        var longest = new string('a', 30);
        Assert.Empty(Validate(StackSpec.FromStackName(longest, "us-east-1", account)));

        var tooLong = new string('a', 31);
        var errors = Validate(StackSpec.FromStackName(tooLong, "us-east-1", account));

        var error = Assert.Single(errors);
        Assert.Equal("--name", error.Field);
        Assert.Equal(tooLong, error.Value);
        Assert.Contains("artifact bucket", error.Rule, StringComparison.Ordinal);
        Assert.Contains("3-63 characters", error.Rule, StringComparison.Ordinal);
        Assert.Contains("this one has 64", error.Rule, StringComparison.Ordinal);
        Assert.Contains("at most 30 characters", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Longer_regions_leave_less_room_for_the_stack_name()
    {
        var name = new string('a', 30);

        var errors = Validate(StackSpec.FromStackName(name, "ap-southeast-2", TestStacks.Account));

        Assert.Contains(errors, e => e.Field == "--name" && e.Rule.Contains("at most 25 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Overridden_buckets_lift_the_bucket_limit_and_the_role_limit_applies()
    {
        var overrides = new StackNameOverrides { ArtifactBucketName = "art-bucket", SiteBucketName = "site-bucket" };
        Assert.Empty(Validate(StackSpec.FromStackName(new string('a', 46), "us-east-1", TestStacks.Account, overrides)));

        var errors = Validate(StackSpec.FromStackName(new string('a', 47), "us-east-1", TestStacks.Account, overrides));

        var error = Assert.Single(errors);
        Assert.Equal("--name", error.Field);
        Assert.Contains("gives the pipeline role name", error.Rule, StringComparison.Ordinal);
        Assert.Contains("IAM role names must be 1-64", error.Rule, StringComparison.Ordinal);
        Assert.Contains("at most 46 characters", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xn--demo", "\"xn--\"")]
    [InlineData("sthree-demo", "\"sthree-\"")]
    [InlineData("amzn-s3-demo-x", "\"amzn-s3-demo-\"")]
    public void Stack_names_that_give_reserved_bucket_prefixes_fail_on_name(string name, string prefix)
    {
        var errors = Validate(StackSpec.FromStackName(name, "us-east-1", TestStacks.Account));

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("--name", e.Field));
        Assert.All(errors, e => Assert.Contains($"must not start with {prefix}", e.Rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ab", "3-63 characters")]
    [InlineData("My-Bucket", "only lowercase letters, digits, dots and hyphens")]
    [InlineData("my_bucket", "only lowercase letters, digits, dots and hyphens")]
    [InlineData("-bucket", "begin and end with a lowercase letter or digit")]
    [InlineData("bucket-", "begin and end with a lowercase letter or digit")]
    [InlineData("bucket.", "begin and end with a lowercase letter or digit")]
    [InlineData("my..bucket", "two adjacent dots")]
    [InlineData("192.168.1.1", "IP address")]
    [InlineData("xn--bucket", "must not start with \"xn--\"")]
    [InlineData("sthree-bucket", "must not start with \"sthree-\"")]
    [InlineData("amzn-s3-demo-bucket", "must not start with \"amzn-s3-demo-\"")]
    [InlineData("bucket-s3alias", "must not end with \"-s3alias\"")]
    [InlineData("bucket--ol-s3", "must not end with \"--ol-s3\"")]
    [InlineData("bucket.mrap", "must not end with \".mrap\"")]
    [InlineData("bucket--x-s3", "must not end with \"--x-s3\"")]
    [InlineData("bucket--table-s3", "must not end with \"--table-s3\"")]
    public void Bucket_name_rules_fail(string bucket, string rule)
    {
        var spec = TestStacks.Demo() with { ArtifactBucketName = bucket, SiteBucketName = bucket };

        Assert.Contains(ErrorsOn("--artifact-bucket", spec), e => e.Value == bucket && e.Rule.Contains(rule, StringComparison.Ordinal));
        Assert.Contains(ErrorsOn("--site-bucket", spec), e => e.Value == bucket && e.Rule.Contains(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void Bucket_name_longer_than_63_fails()
    {
        var spec = TestStacks.Demo() with { ArtifactBucketName = new string('b', 64) };

        Assert.Contains(ErrorsOn("--artifact-bucket", spec), e => e.Rule.Contains("3-63 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("my.bucket-1")]
    [InlineData("www.example.com")]
    [InlineData("bucket-s3aliasx")]
    [InlineData("1.2.3.4.5")]
    public void Bucket_name_passes(string bucket)
    {
        Assert.Empty(Validate(TestStacks.Demo() with { ArtifactBucketName = bucket, SiteBucketName = bucket }));
        Assert.Empty(Validate(TestStacks.Demo() with { ArtifactBucketName = new string('b', 63) }));
    }

    [Fact]
    public void An_overridden_bucket_with_an_unknown_account_is_still_checked()
    {
        var spec = StackSpec.FromStackName("demo", "us-east-1", null) with { SiteBucketName = "bad_bucket" };

        var error = Assert.Single(Validate(spec));
        Assert.Equal("--site-bucket", error.Field);
        Assert.Equal("--site-bucket \"bad_bucket\": S3 bucket names may contain only lowercase letters, digits, dots and hyphens", error.ToString());
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("ap-southeast-2")]
    [InlineData("us-gov-west-1")]
    [InlineData("us-isob-east-1")]
    [InlineData("cn-north-1")]
    public void Region_passes(string region)
    {
        Assert.Empty(ErrorsOn("--region", StackSpec.FromStackName("demo", region, TestStacks.Account)));
    }

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    [InlineData("us-east")]
    [InlineData("us-east-1a")]
    [InlineData("")]
    public void Region_fails(string region)
    {
        var error = Assert.Single(ErrorsOn("--region", StackSpec.FromStackName("demo", region, TestStacks.Account)));
        Assert.Equal(region, error.Value);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901a")]
    public void Account_must_be_12_digits(string account)
    {
        Assert.Single(ErrorsOn("account", TestStacks.Demo() with { AccountId = account }));
    }

    [Theory]
    [InlineData("role name")]
    [InlineData("role#1")]
    [InlineData("")]
    public void Role_name_fails(string role)
    {
        var spec = TestStacks.Demo() with { BuildRoleName = role, PipelineRoleName = role, DeployRoleName = role, EventsRoleName = role };

        Assert.NotEmpty(ErrorsOn("--build-role-name", spec));
        Assert.NotEmpty(ErrorsOn("--pipeline-role-name", spec));
        Assert.NotEmpty(ErrorsOn("--deploy-role-name", spec));
        Assert.NotEmpty(ErrorsOn("--events-role-name", spec));
    }

    [Fact]
    public void Role_name_longer_than_64_fails()
    {
        Assert.Contains(
            ErrorsOn("--build-role-name", TestStacks.Demo() with { BuildRoleName = new string('r', 65) }),
            e => e.Rule.Contains("1-64", StringComparison.Ordinal));
        Assert.Empty(Validate(TestStacks.Demo() with { BuildRoleName = new string('r', 64) }));
    }

    [Fact]
    public void Role_name_accepts_every_allowed_punctuation()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { EventsRoleName = "Role+=,.@_-1" }));
    }

    [Theory]
    [InlineData("repo name")]
    [InlineData("repo.git")]
    [InlineData("repo/x")]
    [InlineData("")]
    public void Repository_name_fails(string repository)
    {
        Assert.NotEmpty(ErrorsOn("--repository-name", TestStacks.Demo() with { RepositoryName = repository }));
    }

    [Fact]
    public void Repository_name_length_limit_is_100()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { RepositoryName = new string('r', 100) }));
        Assert.NotEmpty(ErrorsOn("--repository-name", TestStacks.Demo() with { RepositoryName = new string('r', 101) }));
    }

    [Fact]
    public void Repository_name_passes_with_underscores_dots_and_hyphens()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { RepositoryName = "My_Repo.v2-1" }));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("-proj")]
    [InlineData("_proj")]
    [InlineData("proj.x")]
    public void Build_project_name_fails(string project)
    {
        Assert.NotEmpty(ErrorsOn("--build-project-name", TestStacks.Demo() with { BuildProjectName = project }));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("A1_b-c")]
    public void Build_project_name_passes(string project)
    {
        Assert.Empty(Validate(TestStacks.Demo() with { BuildProjectName = project }));
    }

    [Fact]
    public void Build_project_name_length_limit_is_the_models_150()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { BuildProjectName = new string('p', 150) }));
        Assert.NotEmpty(ErrorsOn("--build-project-name", TestStacks.Demo() with { BuildProjectName = new string('p', 151) }));
    }

    [Theory]
    [InlineData("pipe line")]
    [InlineData("pipe/x")]
    [InlineData("")]
    public void Pipeline_name_fails(string pipeline)
    {
        Assert.NotEmpty(ErrorsOn("--pipeline-name", TestStacks.Demo() with { PipelineName = pipeline }));
    }

    [Fact]
    public void Pipeline_name_passes_and_is_limited_to_100()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { PipelineName = "My.pipe@1_-x" }));
        Assert.Empty(Validate(TestStacks.Demo() with { PipelineName = new string('p', 100) }));
        Assert.NotEmpty(ErrorsOn("--pipeline-name", TestStacks.Demo() with { PipelineName = new string('p', 101) }));
    }

    [Theory]
    [InlineData("rule@x")]
    [InlineData("rule x")]
    public void Rule_name_fails(string rule)
    {
        Assert.NotEmpty(ErrorsOn("--rule-name", TestStacks.Demo() with { RuleName = rule }));
    }

    [Fact]
    public void Rule_name_passes_and_is_limited_to_64()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { RuleName = "Rule.x_-1" }));
        Assert.Empty(Validate(TestStacks.Demo() with { RuleName = new string('r', 64) }));
        Assert.NotEmpty(ErrorsOn("--rule-name", TestStacks.Demo() with { RuleName = new string('r', 65) }));
    }

    [Fact]
    public void Topic_name_is_checked_whenever_it_is_given_not_only_when_approvals_are_mailed()
    {
        // teardown --approval-topic-name looks the topic up: a broken name there is bad input too (issue 29).
        var spec = TestStacks.Demo() with { ApprovalTopicName = "topic.x" };

        Assert.Single(ErrorsOn("--approval-topic-name", spec));
        Assert.Single(ErrorsOn("--approval-topic-name", spec with { ApprovalEmail = "ops@example.com" }));
        Assert.Empty(Validate(TestStacks.Demo()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Build_image_must_not_be_empty(string image)
    {
        Assert.Single(ErrorsOn("--image", TestStacks.Demo() with { BuildImage = image }));
    }

    [Theory]
    [InlineData("BUILD_GENERAL1_SMALL", "aws/codebuild/standard:7.0")]
    [InlineData("BUILD_GENERAL1_MEDIUM", "aws/codebuild/standard:8.0")]
    [InlineData("BUILD_GENERAL1_LARGE", "aws/codebuild/amazonlinux-x86_64-standard:5.0")]
    [InlineData("BUILD_GENERAL1_XLARGE", "aws/codebuild/amazonlinux-aarch64-standard:3.0")]
    [InlineData("BUILD_GENERAL1_2XLARGE", "123456789012.dkr.ecr.us-east-1.amazonaws.com/builder:1")]
    [InlineData("BUILD_LAMBDA_1GB", "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20")]
    [InlineData("BUILD_LAMBDA_2GB", "aws/codebuild/amazonlinux-aarch64-lambda-standard:python3.12")]
    [InlineData("BUILD_LAMBDA_4GB", "aws/codebuild/amazonlinux-x86_64-lambda-standard:go1.21")]
    [InlineData("BUILD_LAMBDA_8GB", "aws/codebuild/amazonlinux-x86_64-lambda-standard:corretto21")]
    [InlineData("BUILD_LAMBDA_10GB", "aws/codebuild/amazonlinux-x86_64-lambda-standard:dotnet8")]
    public void Compute_type_passes_with_an_image_codebuild_runs_on_it(string computeType, string image)
    {
        Assert.Empty(Validate(TestStacks.Demo() with { ComputeType = computeType, BuildImage = image }));
    }

    [Fact]
    public void Compute_types_are_exactly_the_models_twelve()
    {
        Assert.Equal(12, AwsConstraints.ComputeTypes.Length);
    }

    [Theory]
    [InlineData("SMALL")]
    [InlineData("build_general1_small")]
    [InlineData("BUILD_GENERAL2_SMALL")]
    public void Compute_type_fails(string computeType)
    {
        var error = Assert.Single(ErrorsOn("--compute-type", TestStacks.Demo() with { ComputeType = computeType }));
        Assert.Contains("BUILD_GENERAL1_SMALL", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB")]
    [InlineData("codecommit")]
    public void Source_type_fails(string sourceType)
    {
        Assert.Single(ErrorsOn("--source-type", TestStacks.Demo() with { SourceType = sourceType }));
    }

    [Theory]
    [InlineData("CODECOMMIT")]
    [InlineData("CODEPIPELINE")]
    public void Source_type_passes(string sourceType)
    {
        Assert.Empty(Validate(TestStacks.Demo() with { SourceType = sourceType }));
    }

    [Theory]
    [InlineData("V3")]
    [InlineData("v2")]
    public void Pipeline_type_fails(string pipelineType)
    {
        Assert.Single(ErrorsOn("--pipeline-type", TestStacks.Demo() with { PipelineType = pipelineType }));
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("ops@example")]
    [InlineData("ops @example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("@example.com")]
    public void Approval_email_fails(string email)
    {
        Assert.Single(ErrorsOn("--approval-email", TestStacks.Demo() with { ApprovalEmail = email }));
    }

    [Theory]
    [InlineData("ops@example.com")]
    [InlineData("first.last+ci@sub.example.co.uk")]
    public void Approval_email_passes_and_needs_no_approval_flag(string email)
    {
        Assert.Empty(Validate(TestStacks.Demo() with { ApprovalEmail = email, Approval = false }));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("feature branch", "spaces")]
    [InlineData("a~1", "spaces")]
    [InlineData("a:b", "spaces")]
    [InlineData("a\tb", "control characters")]
    [InlineData("a..b", "\"..\"")]
    [InlineData("-x", "hyphen")]
    [InlineData("feature/", "'/'")]
    [InlineData("/x", "'/'")]
    [InlineData("a//b", "\"//\"")]
    [InlineData("x.lock", ".lock")]
    [InlineData("x.lock/y", ".lock")]
    [InlineData("x.", "end with '.'")]
    [InlineData(".hidden", "start with '.'")]
    [InlineData("@", "\"@\"")]
    [InlineData("a@{1}", "\"@{\"")]
    public void Branch_fails(string branch, string rule)
    {
        Assert.Contains(
            ErrorsOn("--branch", TestStacks.Demo() with { Branch = branch }),
            e => e.Rule.Contains(rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("feature/new-ui")]
    [InlineData("release-1.2")]
    [InlineData("user@host")]
    public void Branch_passes(string branch)
    {
        Assert.Empty(Validate(TestStacks.Demo() with { Branch = branch }));
    }

    [Fact]
    public void Branch_length_limit_is_256()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { Branch = new string('b', 256) }));
        Assert.Single(ErrorsOn("--branch", TestStacks.Demo() with { Branch = new string('b', 257) }));
    }

    [Fact]
    public void Repository_description_limit_is_1000()
    {
        Assert.Empty(Validate(TestStacks.Demo() with { RepositoryDescription = new string('d', 1000) }));
        Assert.Single(ErrorsOn("--repository-description", TestStacks.Demo() with { RepositoryDescription = new string('d', 1001) }));
    }
}
