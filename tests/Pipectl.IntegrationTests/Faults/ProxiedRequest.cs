using System.Text;
using System.Text.RegularExpressions;
using System.Web;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>One request as the proxy received it: its arrival number, protocol, operation name and bytes.</summary>
public sealed partial record ProxiedRequest(int Number, string Method, string PathAndQuery, string? Target, string? Authorization, byte[] Body, string? ContentType)
{
    public AwsWireProtocol Protocol =>
        Target is not null ? AwsWireProtocol.Json
        : Action is not null ? AwsWireProtocol.Query
        : AwsWireProtocol.S3;

    /// <summary>The Query action (Action= in a form body), or null.</summary>
    public string? Action =>
        Target is null && ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? HttpUtility.ParseQueryString(Encoding.UTF8.GetString(Body))["Action"]
            : null;

    /// <summary>The signing name from the SigV4 credential scope ("iam", "sts", "s3", "codepipeline"...).</summary>
    public string Service => Authorization is not null && CredentialScope().Match(Authorization) is { Success: true } m ? m.Groups[1].Value : "?";

    /// <summary>A readable name: "codepipeline:CreatePipeline", "iam:CreateRole", "s3:PUT /bucket?tagging".</summary>
    public string Operation => Protocol switch
    {
        AwsWireProtocol.Json when Target is not null => $"{Service}:{Target[(Target.IndexOf('.', StringComparison.Ordinal) + 1)..]}",
        AwsWireProtocol.Query => $"{Service}:{Action}",
        _ => $"{Service}:{Method} {PathAndQuery}",
    };

    [GeneratedRegex(@"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}
