namespace Pipectl.Core.Validation;

/// <summary>How much a <see cref="Diagnostic"/> matters.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file is refused (for a buildspec: CodeBuild would refuse it too). Exit 2.</summary>
    Error,

    /// <summary>The file works, but this is probably a mistake. Printed, exit 0 (exit 2 with <c>validate --strict</c>).</summary>
    Warning,
}
