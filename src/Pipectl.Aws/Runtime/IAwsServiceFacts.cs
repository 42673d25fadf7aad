namespace Pipectl.Aws.Runtime;

/// <summary>
/// The static facts of one AWS service that pipectl calls through its own client. They must be static:
/// <see cref="Amazon.Runtime.ClientConfig"/>'s constructor calls virtual members before a subclass's
/// fields are initialised.
/// </summary>
public interface IAwsServiceFacts
{
    /// <summary>The SDK service id, e.g. "CodeCommit"; also the suffix of AWS_ENDPOINT_URL_&lt;SERVICE&gt;.</summary>
    static abstract string ServiceId { get; }

    /// <summary>The SigV4 signing name, e.g. "codecommit", "events", "iam".</summary>
    static abstract string SigningName { get; }

    /// <summary>The host prefix of the regional endpoint, e.g. "codecommit" in codecommit.us-east-1.amazonaws.com.</summary>
    static abstract string EndpointPrefix { get; }

    /// <summary>The API version of the service model, e.g. "2015-04-13".</summary>
    static abstract string ApiVersion { get; }

    /// <summary>True for global services (IAM): one endpoint, always signed for us-east-1.</summary>
    static abstract bool IsGlobal { get; }
}
