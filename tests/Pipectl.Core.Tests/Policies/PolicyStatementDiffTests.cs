using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Tests.Policies;

public sealed class PolicyStatementDiffTests
{
    private static string Doc(params string[] statements) => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    private const string Read = """{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]}""";
    private const string ReadWrite = """{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::b/*"]}""";
    private const string Publish = """{"Sid":"Notify","Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:123456789012:t"}""";
    private const string Trust = """{"Sid":"Trust","Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}""";
    private const string TrustNoCondition = """{"Sid":"Trust","Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}""";
    private const string TrustTwoServices = """{"Sid":"Trust","Effect":"Allow","Principal":{"Service":["codebuild.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}""";
    private const string DenyHttp = """{"Sid":"Tls","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""";

    [Fact]
    public void The_same_policy_reordered_and_url_encoded_has_no_change()
    {
        var reordered = """{"Statement":[{"Resource":"arn:aws:s3:::b/*","Action":"s3:GetObject","Effect":"Allow","Sid":"Read"}],"Version":"2012-10-17"}""";

        Assert.Empty(PolicyStatementDiff.Between("p", Uri.EscapeDataString(reordered), Doc(Read)));
    }

    [Fact]
    public void A_new_statement_is_added_with_its_document_and_widens()
    {
        var change = Assert.Single(PolicyStatementDiff.Between("inline policy x", Doc(Read), Doc(Read, Publish)));

        Assert.Equal(ChangeKind.Added, change.Kind);
        Assert.Equal("Notify", change.Statement);
        Assert.Null(change.Before);
        Assert.Equal("sns:Publish", change.After!["Action"]!.GetValue<string>());
        Assert.True(change.Widens);
        Assert.Equal("inline policy x: statement Notify added: Allow sns:Publish on arn:aws:sns:us-east-1:123456789012:t", change.Line);
    }

    [Fact]
    public void A_new_action_in_a_statement_widens_and_says_which()
    {
        var change = Assert.Single(PolicyStatementDiff.Between("p", Doc(Read), Doc(ReadWrite)));

        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.True(change.Widens);
        Assert.Contains("+action s3:PutObject", change.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_an_action_or_a_statement_narrows()
    {
        Assert.All(PolicyStatementDiff.Between("p", Doc(ReadWrite), Doc(Read)), c => Assert.False(c.Widens));
        var removed = Assert.Single(PolicyStatementDiff.Between("p", Doc(Read, Publish), Doc(Read)));
        Assert.Equal(ChangeKind.Removed, removed.Kind);
        Assert.False(removed.Widens);
    }

    [Fact]
    public void A_removed_condition_or_a_new_principal_widens_a_trust_policy_and_an_added_condition_narrows_it()
    {
        var noCondition = Assert.Single(PolicyStatementDiff.Between("trust policy", Doc(Trust), Doc(TrustNoCondition)));
        Assert.True(noCondition.Widens);
        Assert.Contains("-condition StringEquals aws:SourceAccount", noCondition.Line, StringComparison.Ordinal);

        Assert.True(Assert.Single(PolicyStatementDiff.Between("trust policy", Doc(Trust), Doc(TrustTwoServices))).Widens);
        Assert.False(Assert.Single(PolicyStatementDiff.Between("trust policy", Doc(TrustNoCondition), Doc(Trust))).Widens);
    }

    [Fact]
    public void Removing_a_deny_widens_and_adding_one_does_not()
    {
        Assert.True(Assert.Single(PolicyStatementDiff.Between("bucket policy", Doc(Read, DenyHttp), Doc(Read))).Widens);
        Assert.False(Assert.Single(PolicyStatementDiff.Between("bucket policy", Doc(Read), Doc(Read, DenyHttp))).Widens);
    }

    [Fact]
    public void A_statement_already_granted_by_another_does_not_widen_and_a_missing_policy_is_one_without_statements()
    {
        var narrower = """{"Sid":"Other","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""";

        Assert.All(PolicyStatementDiff.Between("p", Doc(ReadWrite), Doc(ReadWrite, narrower)), c => Assert.False(c.Widens));
        var all = PolicyStatementDiff.Between("inline policy x", null, Doc(Read, Publish));
        Assert.Equal(2, all.Count);
        Assert.All(all, c => Assert.True(c.Widens && c.Kind == ChangeKind.Added));
    }

    [Fact]
    public void Anyone_replaced_by_one_service_under_a_condition_narrows_a_bucket_policy()
    {
        const string Public = """{"Sid":"Read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""";
        const string CloudFront = """{"Sid":"Read","Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudfront::123456789012:distribution/E1"}}}""";

        Assert.False(Assert.Single(PolicyStatementDiff.Between("bucket policy", Doc(Public), Doc(CloudFront))).Widens);
        Assert.True(Assert.Single(PolicyStatementDiff.Between("bucket policy", Doc(CloudFront), Doc(Public))).Widens);
    }

    [Fact]
    public void A_document_that_is_not_a_policy_is_changed_as_a_whole_and_widens()
    {
        var change = Assert.Single(PolicyStatementDiff.Between("p", "not json", Doc(Read)));

        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.True(change.Widens);
    }
}
