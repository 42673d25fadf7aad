using Pipectl.Core.Policies;

namespace Pipectl.Core.Tests.Policies;

public sealed class PolicyDocumentComparerTests
{
    private const string Desired =
        """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]},{"Sid":"B","Effect":"Allow","Action":["sts:AssumeRole"],"Resource":["arn:aws:iam::123456789012:role/d"]}]}""";

    [Fact]
    public void Identical_documents_are_equivalent()
    {
        Assert.True(PolicyDocumentComparer.AreEquivalent(Desired, Desired));
    }

    [Fact]
    public void Reordered_keys_statements_actions_and_resources_are_equivalent()
    {
        const string reordered =
            """
            { "Statement": [
                { "Resource": "arn:aws:iam::123456789012:role/d", "Action": "sts:AssumeRole", "Effect": "Allow", "Sid": "B" },
                { "Effect": "Allow", "Sid": "A", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"], "Action": ["s3:PutObject", "s3:GetObject"] }
              ],
              "Version": "2012-10-17" }
            """;

        Assert.True(PolicyDocumentComparer.AreEquivalent(Desired, reordered));
    }

    [Fact]
    public void Url_encoded_document_from_iam_is_equivalent()
    {
        var encoded = Uri.EscapeDataString(Desired);
        Assert.StartsWith("%7B", encoded, StringComparison.Ordinal);

        Assert.True(PolicyDocumentComparer.AreEquivalent(encoded, Desired));
        Assert.True(PolicyDocumentComparer.AreEquivalent(Desired, encoded.Replace("%7B", "%7b", StringComparison.Ordinal)));
    }

    [Fact]
    public void Single_element_array_equals_string_and_statement_object_equals_one_element_array()
    {
        const string arrays = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Principal":{"Service":["codebuild.amazonaws.com"]}}]}""";
        const string strings = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"codebuild.amazonaws.com"}}}""";

        Assert.True(PolicyDocumentComparer.AreEquivalent(arrays, strings));
    }

    [Fact]
    public void Principal_star_equals_aws_star_and_bool_equals_its_string()
    {
        const string fromPipectl = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:*"],"Resource":["arn:aws:s3:::b"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
        const string fromS3 = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"arn:aws:s3:::b","Condition":{"Bool":{"aws:SecureTransport":false}}}]}""";

        Assert.True(PolicyDocumentComparer.AreEquivalent(fromPipectl, fromS3));
    }

    [Fact]
    public void A_generated_document_equals_its_aws_rendering()
    {
        var generated = new Pipectl.Core.Policies.StackPolicies(TestStacks.Demo()).BuildRolePolicy().ToJson();
        var returned = Uri.EscapeDataString(generated.Replace("[\"logs:CreateLogGroup\",", "[\"logs:PutLogEvents\",\"logs:CreateLogGroup\",", StringComparison.Ordinal));

        Assert.True(PolicyDocumentComparer.AreEquivalent(generated, returned));
    }

    [Fact]
    public void An_extra_action_is_a_difference()
    {
        var widened = Desired.Replace("\"s3:PutObject\"", "\"s3:PutObject\",\"s3:DeleteObject\"", StringComparison.Ordinal);

        Assert.False(PolicyDocumentComparer.AreEquivalent(Desired, widened));
    }

    [Fact]
    public void A_different_resource_is_a_difference()
    {
        var moved = Desired.Replace("role/d", "role/other", StringComparison.Ordinal);

        Assert.False(PolicyDocumentComparer.AreEquivalent(Desired, moved));
        Assert.False(PolicyDocumentComparer.AreEquivalent(Uri.EscapeDataString(moved), Desired));
    }

    [Fact]
    public void A_different_effect_or_principal_is_a_difference()
    {
        Assert.False(PolicyDocumentComparer.AreEquivalent(Desired, Desired.Replace("\"Allow\"", "\"Deny\"", StringComparison.Ordinal)));

        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        Assert.False(PolicyDocumentComparer.AreEquivalent(trust, trust.Replace("codebuild", "codepipeline", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_missing_statement_is_a_difference()
    {
        const string oneStatement = """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}]}""";

        Assert.False(PolicyDocumentComparer.AreEquivalent(Desired, oneStatement));
    }

    [Fact]
    public void Text_that_is_not_json_equals_nothing()
    {
        Assert.False(PolicyDocumentComparer.AreEquivalent(Desired, "not json"));
    }

    [Fact]
    public void Normalize_gives_the_same_text_for_equivalent_documents()
    {
        Assert.Equal(
            PolicyDocumentComparer.Normalize("""{"b":["y","x"],"a":"z"}"""),
            PolicyDocumentComparer.Normalize("""{"a":["z"],"b":["x","y"]}"""));
    }
}
