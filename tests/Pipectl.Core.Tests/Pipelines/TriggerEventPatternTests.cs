using System.Text.Json;
using Pipectl.Core.Pipelines;

namespace Pipectl.Core.Tests.Pipelines;

public sealed class TriggerEventPatternTests
{
    private const string RepositoryArn = "arn:aws:codecommit:us-east-1:123456789012:demo";

    [Fact]
    public void Pattern_matches_branch_creation_and_updates_of_the_repository()
    {
        Assert.Equal(
            """{"source":["aws.codecommit"],"detail-type":["CodeCommit Repository State Change"],"resources":["arn:aws:codecommit:us-east-1:123456789012:demo"],"detail":{"event":["referenceCreated","referenceUpdated"],"referenceType":["branch"],"referenceName":["main"]}}""",
            TriggerEventPattern.Create(RepositoryArn, "main"));
    }

    [Fact]
    public void Branch_is_escaped_as_json()
    {
        using var document = JsonDocument.Parse(TriggerEventPattern.Create(RepositoryArn, "feature/\"quoted\""));

        Assert.Equal("feature/\"quoted\"", document.RootElement.GetProperty("detail").GetProperty("referenceName")[0].GetString());
    }

    [Fact]
    public void Reordered_keys_arrays_and_url_encoding_are_equivalent()
    {
        var desired = TriggerEventPattern.Create(RepositoryArn, "main");
        const string returned =
            """{"detail":{"referenceName":"main","referenceType":["branch"],"event":["referenceUpdated","referenceCreated"]},"resources":["arn:aws:codecommit:us-east-1:123456789012:demo"],"detail-type":["CodeCommit Repository State Change"],"source":["aws.codecommit"]}""";

        Assert.True(EventPatternComparer.AreEquivalent(desired, returned));
        Assert.True(EventPatternComparer.AreEquivalent(Uri.EscapeDataString(returned), desired));
    }

    [Fact]
    public void Another_branch_or_repository_is_a_difference()
    {
        var desired = TriggerEventPattern.Create(RepositoryArn, "main");

        Assert.False(EventPatternComparer.AreEquivalent(desired, TriggerEventPattern.Create(RepositoryArn, "develop")));
        Assert.False(EventPatternComparer.AreEquivalent(desired, TriggerEventPattern.Create(RepositoryArn + "-old", "main")));
    }

    [Fact]
    public void A_missing_event_kind_is_a_difference()
    {
        var desired = TriggerEventPattern.Create(RepositoryArn, "main");
        var narrower = desired.Replace("\"referenceCreated\",", string.Empty, StringComparison.Ordinal);

        Assert.NotEqual(desired, narrower);
        Assert.False(EventPatternComparer.AreEquivalent(desired, narrower));
    }

    [Fact]
    public void Numbers_keep_their_type_in_event_patterns()
    {
        Assert.False(EventPatternComparer.AreEquivalent("""{"detail":{"n":[1]}}""", """{"detail":{"n":["1"]}}"""));
    }
}
