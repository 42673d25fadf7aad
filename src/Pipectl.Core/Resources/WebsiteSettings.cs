namespace Pipectl.Core.Resources;

/// <summary>An S3 static-website configuration: index and error documents.</summary>
public sealed record WebsiteSettings(string IndexDocument, string? ErrorDocument);
