namespace Pipectl.Core.Validation;

/// <summary>One broken rule: which option, the value given and the rule it breaks.</summary>
/// <param name="Field">The option that holds the value, e.g. <c>--name</c>.</param>
/// <param name="Value">The value as given.</param>
/// <param name="Rule">What is wrong, as a sentence fragment a person can act on.</param>
public sealed record ValidationError(string Field, string Value, string Rule)
{
    /// <summary>One line: <c>--name "My_Stack": stack names may contain only ...</c>; a line break or other control character in the value is shown escaped (\n).</summary>
    public override string ToString() => $"{Field} \"{SafeFragment.Visible(Value)}\": {Rule}";
}
