using System.Xml.Linq;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;
using Pipectl.IntegrationTests.Faults;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>IAM users, groups, managed policies and access keys in the test's moto (pipectl's own client has none of these operations).</summary>
internal sealed class MotoIamPrincipals(MotoServer moto) : IDisposable
{
    private readonly InventoryQueryClient<IamFacts> _iam = new(
        new BasicAWSCredentials("testing", "testing"),
        new PipectlClientConfig<IamFacts> { ServiceURL = moto.Endpoint, AuthenticationRegion = "us-east-1" });

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Creates a user with one inline policy; returns its ARN.</summary>
    public async Task<string> UserAsync(string name, string? inlinePolicy = null)
    {
        var reply = await _iam.CallAsync("CreateUser", new QueryParameters().Add("UserName", name));
        if (inlinePolicy is not null)
        {
            await _iam.CallAsync("PutUserPolicy", new QueryParameters().Add("UserName", name).Add("PolicyName", "inline").Add("PolicyDocument", inlinePolicy));
        }

        return Text(reply, "Arn");
    }

    /// <summary>Creates a customer managed policy; returns its ARN.</summary>
    public async Task<string> ManagedPolicyAsync(string name, string document) =>
        Text(await _iam.CallAsync("CreatePolicy", new QueryParameters().Add("PolicyName", name).Add("PolicyDocument", document)), "Arn");

    /// <summary>Creates a group with <paramref name="managedPolicyArn"/> attached and puts <paramref name="user"/> in it.</summary>
    public async Task GroupAsync(string name, string managedPolicyArn, string user)
    {
        await _iam.CallAsync("CreateGroup", new QueryParameters().Add("GroupName", name));
        await _iam.CallAsync("AttachGroupPolicy", new QueryParameters().Add("GroupName", name).Add("PolicyArn", managedPolicyArn));
        await _iam.CallAsync("AddUserToGroup", new QueryParameters().Add("GroupName", name).Add("UserName", user));
    }

    /// <summary>Attaches a managed policy to a role.</summary>
    public Task AttachToRoleAsync(string role, string managedPolicyArn) =>
        _iam.CallAsync("AttachRolePolicy", new QueryParameters().Add("RoleName", role).Add("PolicyArn", managedPolicyArn));

    /// <summary>A new access key of the user: (id, secret).</summary>
    public async Task<(string Id, string Secret)> AccessKeyAsync(string user)
    {
        var reply = await _iam.CallAsync("CreateAccessKey", new QueryParameters().Add("UserName", user));
        return (Text(reply, "AccessKeyId"), Text(reply, "SecretAccessKey"));
    }

    private static string Text(XElement reply, string name) =>
        reply.Descendants().First(e => e.Name.LocalName == name).Value;

    public void Dispose() => _iam.Dispose();
}
