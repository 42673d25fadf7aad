namespace Pipectl.Core.Resources;

/// <summary>A resource whose desired state holds permission documents (a role's trust and inline policies, a bucket policy).</summary>
public interface IPolicyHolder
{
    /// <summary>Each document with the attribute it is shown as ("trust policy", "inline policy NAME", "bucket policy"); null when it has none.</summary>
    IReadOnlyList<KeyValuePair<string, string?>> PolicyDocuments { get; }
}
