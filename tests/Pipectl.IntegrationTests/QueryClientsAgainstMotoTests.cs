using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;
using Pipectl.Aws.Session;
using Pipectl.Aws.Sns;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>The Query-protocol clients (IAM, SNS) against moto_server, end to end.</summary>
[Collection(MotoCollection.Name)]
public sealed class QueryClientsAgainstMotoTests(MotoServer moto)
{
    private const string CodeBuildTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string CodePipelineTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string ArtifactsPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::itest-artifacts/*"]}]}""";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [Fact]
    public async Task Iam_role_with_tags_and_an_inline_policy_lives_and_dies()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("itest-role");

        var created = await session.Iam.CreateRoleAsync(new CreateRoleRequest(
            name, CodeBuildTrust, "made by a test", new Dictionary<string, string> { ["pipectl:stack"] = "itest" }, "/pipectl/", 3600));
        Assert.Equal($"arn:aws:iam::123456789012:role/pipectl/{name}", created.Arn);
        Assert.Equal(name, created.RoleName);
        Assert.Equal("/pipectl/", created.Path);
        Assert.Equal(3600, created.MaxSessionDuration);
        Assert.Equal(CodeBuildTrust, created.AssumeRolePolicyJson);
        Assert.Equal("itest", created.Tags["pipectl:stack"]);

        var duplicate = await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.Iam.CreateRoleAsync(new CreateRoleRequest(name, CodeBuildTrust)));
        Assert.Equal("EntityAlreadyExists", duplicate.Code);

        var read = await session.Iam.GetRoleAsync(name);
        Assert.Equal("made by a test", read.Description);
        Assert.Equal(CodeBuildTrust, read.AssumeRolePolicyJson);

        await session.Iam.PutRolePolicyAsync(name, "artifacts", ArtifactsPolicy);
        var policy = await session.Iam.GetRolePolicyAsync(name, "artifacts");
        Assert.Equal(name, policy.RoleName);
        Assert.Equal("artifacts", policy.PolicyName);
        Assert.Equal(ArtifactsPolicy, policy.PolicyJson);
        Assert.NotEqual(ArtifactsPolicy, policy.PolicyDocument); // moto, like AWS, sends it URL-encoded
        Assert.Equal(["artifacts"], await session.Iam.ListRolePoliciesAsync(name));

        await session.Iam.UpdateAssumeRolePolicyAsync(name, CodePipelineTrust);
        Assert.Equal(CodePipelineTrust, (await session.Iam.GetRoleAsync(name)).AssumeRolePolicyJson);

        await session.Iam.TagRoleAsync(name, new Dictionary<string, string> { ["team"] = "web" });
        var tags = await session.Iam.ListRoleTagsAsync(name);
        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "itest", ["team"] = "web" }, tags);

        // moto, like AWS, refuses to delete a role that still has an inline policy.
        var conflict = await Assert.ThrowsAsync<AwsDeleteConflictException>(() => session.Iam.DeleteRoleAsync(name));
        Assert.Equal("DeleteConflict", conflict.Code);

        await session.Iam.DeleteRolePolicyAsync(name, "artifacts");
        Assert.Empty(await session.Iam.ListRolePoliciesAsync(name));
        await session.Iam.DeleteRoleAsync(name);
        var gone = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync(name));
        Assert.Equal("NoSuchEntity", gone.Code);
    }

    [Fact]
    public async Task Sns_topic_with_tags_and_an_email_subscription_lives_and_dies()
    {
        using var session = TestSessions.For(moto, region: "eu-west-1");
        var name = Unique("itest-topic");

        var topicArn = await session.Sns.CreateTopicAsync(
            name,
            new Dictionary<string, string> { ["DisplayName"] = "itest approvals" },
            new Dictionary<string, string> { ["pipectl:stack"] = "itest", ["team"] = "web" });
        Assert.Equal($"arn:aws:sns:eu-west-1:123456789012:{name}", topicArn);

        var subscriptionArn = await session.Sns.SubscribeAsync(topicArn, "email", "ops@example.com");
        // AWS answers "pending confirmation" until the recipient confirms (the launcher keeps moto to it: SNS Subscribe page).
        Assert.Equal("pending confirmation", subscriptionArn);

        var subscriptions = await session.Sns.ListSubscriptionsByTopicAsync(topicArn);
        var subscription = Assert.Single(subscriptions);
        Assert.Equal(new SnsSubscription(SnsSubscription.PendingConfirmationArn, "123456789012", "email", "ops@example.com", topicArn), subscription);
        Assert.True(subscription.IsPendingConfirmation);

        var tags = await session.Sns.ListTagsForResourceAsync(topicArn);
        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "itest", ["team"] = "web" }, tags);

        await session.Sns.DeleteTopicAsync(topicArn);
        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Sns.ListSubscriptionsByTopicAsync(topicArn));
        Assert.Equal("NotFound", missing.Code);

        // Deleting a topic that is gone succeeds, as on AWS.
        await session.Sns.DeleteTopicAsync(topicArn);
    }
}
