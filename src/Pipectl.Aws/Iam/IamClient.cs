using System.Xml.Linq;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Iam;

/// <summary>pipectl's own IAM client (Query protocol, global endpoint, signed for us-east-1).</summary>
public class IamClient(AWSCredentials credentials, PipectlClientConfig<IamFacts> config, ApiCallCounter? counter = null)
    : QueryServiceClient<IamFacts>(credentials, config, counter)
{
    public virtual async Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var result = await InvokeQueryAsync("GetRole", new QueryParameters().Add("RoleName", roleName), cancellationToken).ConfigureAwait(false);
        return ReadRole(result.Child("Role"));
    }

    internal static IamRole ReadRole(XElement? role) => new(
        role.ChildText("RoleName") ?? string.Empty,
        role.ChildText("Arn") ?? string.Empty,
        role.ChildText("RoleId"),
        role.ChildText("Path"),
        role.ChildText("AssumeRolePolicyDocument"),
        role.ChildText("Description"),
        role.Child("Tags").Members().ToDictionary(m => m.ChildText("Key") ?? string.Empty, m => m.ChildText("Value") ?? string.Empty));
}
