using Pipectl.Core.Sources;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Sources;

public sealed class ConnectionSourceTests
{
    private static StackSpec GitHub(Func<StackSpec, StackSpec>? change = null) =>
        (change ?? (s => s))(TestStacks.Demo() with { Source = "github:octo/site" });

    private static IReadOnlyList<ValidationError> Errors(StackSpec spec) => new StackSpecValidator().Validate(spec);

    [Theory]
    [InlineData("github:octo/site", "GitHub", "octo/site")]
    [InlineData("gitlab:group/sub/site", "GitLab", "group/sub/site")]
    [InlineData("bitbucket:team/site.web", "Bitbucket", "team/site.web")]
    public void Sources_name_the_provider_and_the_full_repository_id(string value, string provider, string repository)
    {
        var source = ConnectionSource.Parse(value, out var problem);

        Assert.Null(problem);
        Assert.Equal((provider, repository), (source!.ProviderType, source.FullRepositoryId));
    }

    [Theory]
    [InlineData("github:octo", "OWNER/REPO")]
    [InlineData("github:a/b/c", "one slash")]
    [InlineData("svn:octo/site", "github:OWNER/REPO")]
    [InlineData("GitHub:octo/site", "github:OWNER/REPO")]
    [InlineData("github:octo/si te", "letters, digits")]
    [InlineData("gitlab:group/", "GROUP/REPO")]
    [InlineData("github:octo/repo\n", "letters, digits")]
    [InlineData("gitlab:group/repo\n", "letters, digits")]
    [InlineData("bitbucket:team/repo\n", "letters, digits")]
    [InlineData("github:../..", "'..' is not a repository or owner name")]
    [InlineData("github:./site", "'.' is not a repository or owner name")]
    [InlineData("github:-/-", "do not start with '-'")]
    [InlineData("github:-octo/site", "do not start with '-'")]
    [InlineData("gitlab:group/site.atom", ".atom")]
    public void Malformed_sources_are_refused_with_the_rule(string value, string rule)
    {
        var errors = Errors(GitHub(s => s with { Source = value }));

        var error = Assert.Single(errors);
        Assert.Equal(StackOptionNames.Source, error.Field);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:codeconnections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11", true)]
    [InlineData("arn:aws:codestar-connections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11", true)]
    [InlineData("arn:aws:codeconnections:us-east-1:12345678901:connection/x", false)]
    [InlineData("arn:aws:codecommit:us-east-1:123456789012:demo", false)]
    [InlineData("arn:aws:codeconnections:us-east-1:123456789012:host/abc", false)]
    [InlineData("4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11", false)]
    [InlineData("arn:aws:codeconnections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11\n", false)]
    [InlineData("arn:aws-cn:codeconnections:us-east-1:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11", false)]
    public void Connection_arns_must_have_the_documented_shape(string arn, bool valid)
    {
        var errors = Errors(GitHub(s => s with { ConnectionArn = arn }));

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Equal(StackOptionNames.ConnectionArn, Assert.Single(errors).Field);
        }
    }

    [Fact]
    public void A_connection_of_another_region_is_refused()
    {
        var error = Assert.Single(Errors(GitHub(s => s with { ConnectionArn = "arn:aws:codeconnections:eu-west-1:123456789012:connection/abc" })));

        Assert.Contains("eu-west-1", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_arn_without_a_source_is_refused()
    {
        var error = Assert.Single(Errors(TestStacks.Demo() with { ConnectionArn = "arn:aws:codeconnections:us-east-1:123456789012:connection/abc" }));

        Assert.Contains(StackOptionNames.Source, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_name_over_32_characters_is_refused_unless_a_connection_is_given()
    {
        var longName = StackSpec.FromStackName("a-rather-long-stack-name-here", "us-east-1", TestStacks.Account) with { Source = "bitbucket:team/site" };

        var error = Assert.Single(Errors(longName));
        Assert.Equal(StackOptionNames.Name, error.Field);
        Assert.Contains("a-rather-long-stack-name-here-bitbucket (39 characters)", error.Rule, StringComparison.Ordinal);
        Assert.Empty(Errors(longName with { ConnectionArn = "arn:aws:codeconnections:us-east-1:123456789012:connection/abc" }));
    }

    [Fact]
    public void CodeCommit_only_options_are_refused_with_a_connection_source()
    {
        var errors = Errors(GitHub(s => s with { ExistingRepository = true, SeedDirectory = "site", SourceType = BuildSourceTypes.CodeCommit }));

        Assert.Equal([StackOptionNames.ExistingRepository, StackOptionNames.SeedDirectory, StackOptionNames.SourceType], errors.Select(e => e.Field));
    }

    [Fact]
    public void File_path_filters_need_a_V2_pipeline_and_at_most_eight_patterns()
    {
        Assert.Empty(Errors(GitHub(s => s with { TriggerFilePaths = ["site/**"] })));
        Assert.Contains("V2", Assert.Single(Errors(GitHub(s => s with { TriggerFilePaths = ["site/**"], PipelineType = PipelineTypes.V1 }))).Rule, StringComparison.Ordinal);
        Assert.Contains("at most 8", Assert.Single(Errors(GitHub(s => s with { TriggerFilePaths = [.. Enumerable.Range(0, 9).Select(i => $"d{i}/**")] }))).Rule, StringComparison.Ordinal);
        Assert.Single(Errors(TestStacks.Demo() with { TriggerFilePaths = ["site/**"] }));
    }
}
