namespace Pipectl.Core.StackFiles;

/// <summary>The <c>source:</c> section: a GitHub, GitLab or Bitbucket repository instead of CodeCommit.</summary>
public sealed record StackFileSource
{
    /// <summary><c>source.repository</c>: <c>github:OWNER/REPO</c>, <c>gitlab:GROUP/REPO</c> or <c>bitbucket:WORKSPACE/REPO</c> (<c>--source</c>).</summary>
    public string? Repository { get; init; }

    /// <summary><c>source.connectionArn</c>: an existing connection to use (<c>--connection-arn</c>).</summary>
    public string? ConnectionArn { get; init; }

    /// <summary><c>source.filePaths</c>: globs a push must touch to start the pipeline (V2 trigger); empty: any push.</summary>
    public IReadOnlyList<string> FilePaths { get; init; } = [];
}
