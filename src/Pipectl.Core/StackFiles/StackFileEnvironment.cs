namespace Pipectl.Core.StackFiles;

/// <summary>
/// One entry of <c>environments:</c>: its own branch, pipeline, trigger, roles and website bucket, sharing
/// the repository, the artifact bucket and the build project with the other environments. Null values
/// fall back to the file's top-level values, then to the defaults.
/// </summary>
public sealed record StackFileEnvironment
{
    /// <summary>The environment's name (the key under <c>environments:</c>), part of its resource names.</summary>
    public required string Name { get; init; }

    /// <summary><c>branch</c>: the branch this environment's pipeline builds.</summary>
    public string? Branch { get; init; }

    /// <summary><c>pipelineName</c> (default: <c>&lt;name&gt;-&lt;env&gt;-pipeline</c>).</summary>
    public string? PipelineName { get; init; }

    /// <summary><c>siteBucket</c> (default: <c>&lt;name&gt;-&lt;env&gt;-site-&lt;account&gt;-&lt;region&gt;</c>).</summary>
    public string? SiteBucket { get; init; }

    /// <summary><c>privateSite</c> (default: <c>buckets.privateSite</c>).</summary>
    public bool? PrivateSite { get; init; }

    /// <summary><c>approval</c> (default: the top-level <c>approval</c>).</summary>
    public StackFileApproval? Approval { get; init; }
}
