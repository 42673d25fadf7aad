namespace Pipectl.Core.StackFiles;

/// <summary>The <c>repository:</c> section. Every value null means "the default".</summary>
public sealed record StackFileRepository
{
    /// <summary><c>repository.name</c>: the CodeCommit repository (default: the stack name). Shared by every environment.</summary>
    public string? Name { get; init; }

    /// <summary><c>repository.description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>repository.existing</c>: use a repository that is there though pipectl did not create it (<c>--existing-repo</c>).</summary>
    public bool? Existing { get; init; }

    /// <summary><c>repository.branch</c>: the branch built when an environment names none (default: main).</summary>
    public string? Branch { get; init; }
}
