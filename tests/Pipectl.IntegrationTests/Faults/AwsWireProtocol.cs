namespace Pipectl.IntegrationTests.Faults;

/// <summary>How a request speaks to AWS, which decides the shape of an injected error.</summary>
public enum AwsWireProtocol
{
    /// <summary>JSON 1.1: POST with X-Amz-Target (CodeCommit, CodeBuild, CodePipeline, EventBridge).</summary>
    Json,

    /// <summary>Query: a form body with Action= (IAM, SNS, STS).</summary>
    Query,

    /// <summary>S3's REST XML: everything else.</summary>
    S3,
}
