namespace Pipectl.Core.StackFiles;

/// <summary>The <c>test:</c> section: the pipeline's Test stage, the same in every environment (each has its own project and report groups).</summary>
public sealed record StackFileTest
{
    /// <summary><c>test.buildspec</c>: the test buildspec file, as written (relative to the stack file's folder).</summary>
    public string? Buildspec { get; init; }

    /// <summary><c>test.input</c>: build (default) or source.</summary>
    public string? Input { get; init; }

    /// <summary>The content of <see cref="Buildspec"/>, filled in by <see cref="StackFileParser.Load"/>.</summary>
    public string? BuildspecContent { get; init; }
}
