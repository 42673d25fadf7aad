using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

/// <summary>The model check itself must reject what AWS would reject, or the wire tests prove nothing.</summary>
public sealed class ModelValidatorTests
{
    [Fact]
    public void Conforming_json_body_passes()
    {
        var errors = BotocoreModels.Load("codecommit").ValidateJson("CreateRepository", """{"repositoryName":"demo","tags":{"pipectl:stack":"demo"}}""");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"RepositoryName":"demo"}""", "not a member")]
    [InlineData("""{"repositoryDescription":"x"}""", "required")]
    [InlineData("""{"repositoryName":42}""", "expected a string")]
    [InlineData("""{"repositoryName":""}""", "fewer than the minimum")]
    [InlineData("""{"repositoryName":"demo","tags":["a"]}""", "expected a map")]
    public void Wrong_json_body_fails(string body, string expected)
    {
        var errors = BotocoreModels.Load("codecommit").ValidateJson("CreateRepository", body);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_enum_value_fails()
    {
        var errors = BotocoreModels.Load("codebuild").ValidateJson("CreateProject",
            """{"name":"p","source":{"type":"GITHUBX"},"artifacts":{"type":"CODEPIPELINE"},"environment":{"type":"LINUX_CONTAINER","image":"i","computeType":"BUILD_GENERAL1_SMALL"},"serviceRole":"arn:aws:iam::1:role/r"}""");
        Assert.Contains(errors, e => e.Contains("\"GITHUBX\" is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Conforming_query_form_passes()
    {
        var form = new Dictionary<string, string>
        {
            ["Action"] = "CreateRole",
            ["Version"] = "2010-05-08",
            ["RoleName"] = "r",
            ["AssumeRolePolicyDocument"] = "{}",
            ["Tags.member.1.Key"] = "pipectl:stack",
            ["Tags.member.1.Value"] = "demo",
        };
        Assert.Empty(BotocoreModels.Load("iam").ValidateQuery("CreateRole", form));
    }

    [Theory]
    [InlineData("Tags.1.Key", "must be sent as")]
    [InlineData("Bogus", "not a member")]
    public void Wrong_query_form_fails(string key, string expected)
    {
        var form = new Dictionary<string, string> { ["Action"] = "CreateRole", ["Version"] = "2010-05-08", ["RoleName"] = "r", ["AssumeRolePolicyDocument"] = "{}", [key] = "x" };
        Assert.Contains(BotocoreModels.Load("iam").ValidateQuery("CreateRole", form), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Query_form_without_required_member_or_with_wrong_version_fails()
    {
        var form = new Dictionary<string, string> { ["Action"] = "CreateRole", ["Version"] = "2011-01-01", ["RoleName"] = "r" };
        var errors = BotocoreModels.Load("iam").ValidateQuery("CreateRole", form);
        Assert.Contains(errors, e => e.Contains("AssumeRolePolicyDocument: required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Version", StringComparison.Ordinal));
    }
}
