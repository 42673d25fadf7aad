using System.Text.Json.Serialization;

namespace Pipectl.Aws.Ecr;

// Request and reply shapes of the ECR operations pipectl calls (botocore ecr 2015-09-21). Members are camelCase
// on the wire, except a tag's Key and Value.

/// <summary>An ECR tag (PascalCase members, unlike the rest of the API).</summary>
public sealed record EcrTag([property: JsonPropertyName("Key")] string Key, [property: JsonPropertyName("Value")] string Value);

/// <summary>Whether every pushed image is scanned (basic scanning).</summary>
public sealed record ImageScanningConfiguration(bool ScanOnPush);

/// <summary>CreateRepository input.</summary>
public sealed record CreateRepositoryRequest(string RepositoryName, IReadOnlyList<EcrTag>? Tags, ImageScanningConfiguration? ImageScanningConfiguration);

/// <summary>A repository as ECR describes it (the members pipectl reads).</summary>
public sealed record EcrRepository(
    string? RepositoryArn,
    string? RepositoryName,
    string? RepositoryUri,
    ImageScanningConfiguration? ImageScanningConfiguration = null);

/// <summary>CreateRepository and DeleteRepository output.</summary>
public sealed record RepositoryReply(EcrRepository? Repository);

/// <summary>DescribeRepositories input: the named repositories of the caller's registry.</summary>
public sealed record DescribeRepositoriesRequest(IReadOnlyList<string> RepositoryNames);

/// <summary>DescribeRepositories output.</summary>
public sealed record DescribeRepositoriesReply(IReadOnlyList<EcrRepository>? Repositories);

/// <summary>ListTagsForResource input.</summary>
public sealed record EcrResourceRequest(string ResourceArn);

/// <summary>ListTagsForResource output.</summary>
public sealed record EcrTagsReply(IReadOnlyList<EcrTag>? Tags);

/// <summary>TagResource input.</summary>
public sealed record EcrTagResourceRequest(string ResourceArn, IReadOnlyList<EcrTag> Tags);

/// <summary>PutImageScanningConfiguration input.</summary>
public sealed record PutImageScanningConfigurationRequest(string RepositoryName, ImageScanningConfiguration ImageScanningConfiguration);

/// <summary>Input of the operations that name only a repository (GetLifecyclePolicy).</summary>
public sealed record RepositoryNameRequest(string RepositoryName);

/// <summary>GetLifecyclePolicy output; <c>LifecyclePolicyNotFoundException</c> when the repository has none.</summary>
public sealed record LifecyclePolicyReply(string? LifecyclePolicyText);

/// <summary>PutLifecyclePolicy input (the policy text is 100 to 30720 characters).</summary>
public sealed record PutLifecyclePolicyRequest(string RepositoryName, string LifecyclePolicyText);

/// <summary>ListImages input (MaxResults 1 to 1000).</summary>
public sealed record ListImagesRequest(string RepositoryName, int? MaxResults = null, string? NextToken = null);

/// <summary>One image: its digest and, when tagged, one tag.</summary>
public sealed record ImageIdentifier(string? ImageDigest, string? ImageTag = null);

/// <summary>ListImages output: one page.</summary>
public sealed record ListImagesReply(IReadOnlyList<ImageIdentifier>? ImageIds, string? NextToken = null);

/// <summary>DeleteRepository input; Force deletes the images with it.</summary>
public sealed record DeleteRepositoryRequest(string RepositoryName, bool? Force = null);
