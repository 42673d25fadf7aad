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
    /// <summary>The one-line form, <c>buildspec.yml:12:7: commands must be a list of strings</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
