namespace Pipectl.Aws.Tagging;

// Request and reply shapes of GetResources (botocore resourcegroupstaggingapi 2017-01-26). Members are PascalCase.

/// <summary>A tag as GetResources returns it.</summary>
public sealed record TaggingTag(string Key, string Value);

/// <summary>Resources that carry <see cref="Key"/>, with one of <see cref="Values"/> when there are any (at most 20).</summary>
public sealed record TagFilter(string Key, IReadOnlyList<string>? Values = null);

/// <summary>
/// GetResources input: every filter must match; <c>ResourceTypeFilters</c> are <c>service[:resourceType]</c>
/// (<c>codepipeline:pipeline</c>). ResourcesPerPage is 1 to 100 (100 when left out).
/// </summary>
public sealed record GetResourcesRequest(
    IReadOnlyList<TagFilter>? TagFilters = null,
    IReadOnlyList<string>? ResourceTypeFilters = null,
    string? PaginationToken = null,
    int? ResourcesPerPage = null);

/// <summary>One resource and its tags.</summary>
public sealed record ResourceTagMapping(string? ResourceARN, IReadOnlyList<TaggingTag>? Tags = null);

/// <summary>One page; an empty or absent PaginationToken ends the listing.</summary>
public sealed record GetResourcesReply(IReadOnlyList<ResourceTagMapping>? ResourceTagMappingList, string? PaginationToken = null);
