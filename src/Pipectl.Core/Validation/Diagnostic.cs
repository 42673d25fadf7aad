namespace Pipectl.Core.Validation;

/// <summary>
/// One problem found in a file, at a place a person (or an editor jumping to errors) can go to:
/// <c>file:line:column: message</c>, lines and columns counted from 1 as compilers do.
/// </summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and, where it helps, what to write instead.</param>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>An error (the default) or a warning.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>True for an error: the file is refused.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The one-line form, <c>buildspec.yml:12:7: commands must be a list of strings</c>; a warning says so after the position.</summary>
    public override string ToString() => IsError ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: warning: {Message}";
}
