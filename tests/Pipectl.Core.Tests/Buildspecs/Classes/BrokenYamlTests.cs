using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>Broken YAML is an error with file:line:column, never an exception out of the validator.</summary>
public sealed class BrokenYamlTests
{
    public static TheoryData<string, string, int, int, string> Broken => new()
    {
        { "unclosed [ followed by the next key", "version: 0.2\nphases:\n  build:\n    commands: [make, test\nartifacts:\n  files:\n    - x\n", 4, 15, "the '[' opened here is not closed" },
        { "unclosed { followed by the next key", "version: 0.2\nenv:\n  variables: {A: b\nphases:\n  build:\n    commands:\n      - x\n", 3, 14, "the '{' opened here is not closed" },
        { "text after a document end", "version: 0.2\nphases:\n  build:\n    commands:\n      - x\n...\nsome text here\n", 7, 1, "more than one YAML document" },
        { "mis-indented empty key", "version: 0.2\nphases:\n  build:\n    commands:\n      - x\n   post_build:\n", 6, 4, "check this line's indentation" },
        { "unquoted ': ' in a command written as text", "version: 0.2\nphases:\n  build:\n    commands: echo a: b\n", 4, 21, "a value containing ': ' must be quoted" },
        { "alias used before its anchor", "version: 0.2\nphases:\n  build: *b\n  post_build: &b\n    commands:\n      - x\n", 3, 10, "alias *b is used before an anchor &b is defined" },
        { "alias inside its own anchor", "version: 0.2\nphases: &p\n  build: *p\n", 3, 10, "alias *p is used before" },
        { "unterminated quote", "version: 0.2\nphases:\n  build:\n    commands:\n      - \"echo hi\n", 5, 9, "invalid YAML" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_yaml_is_an_error_at_its_line_and_column(string kind, string text, int line, int column, string message)
    {
        var diagnostics = BuildspecValidator.Validate("b.yml", text);

        Assert.True(diagnostics.Count > 0, $"{kind}: no error");
        Assert.Contains(diagnostics, d => d.Line == line && d.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Aliases_nested_to_a_billion_values_stop_with_an_error_instead_of_filling_memory()
    {
        var text = "version: 0.2\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 10; i++)
        {
            text += $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n";
        }

        Judged.SingleError(text).Says("aliases expand to more than");
    }
}
