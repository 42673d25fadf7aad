namespace Pipectl.Core.Validation;

/// <summary>One broken rule: which option, the value given and the rule it breaks.</summary>
/// <param name="Field">The option that holds the value, e.g. <c>--name</c>.</param>
/// <param name="Value">The value as given.</param>
/// <param name="Rule">What is wrong, as a sentence fragment a person can act on.</param>
public sealed record ValidationError(string Field, string Value, string Rule)
{
    /// <summary>One line: <c>--name "My_Stack": stack names may contain only ...</c>; a line break or other control character in the value is shown escaped (\n).</summary>
    public override string ToString() => $"{Field} \"{Visible(Value)}\": {Rule}";

    private static string Visible(string value) => string.Concat(value.Select(c => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    }));
}
