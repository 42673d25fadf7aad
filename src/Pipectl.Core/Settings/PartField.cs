namespace Pipectl.Core.Settings;

/// <summary>
/// A setting whose value is one member of a part of the spec (<typeparamref name="TPart"/>, e.g. <c>EcsDeployment</c>):
/// how to read it and how to put a value in, so that the command line, the stack file and the merge of the two walk
/// one list instead of naming each member. A null value means "not given".
/// </summary>
public sealed record PartField<TPart>(StackSetting Setting, Func<TPart, object?> Get, Func<TPart, object?, TPart> Set)
{
    /// <summary>The value in <paramref name="part"/> as the command line spells it (numbers in the invariant culture), or null when not set.</summary>
    public string? TextOf(TPart part) => Get(part) switch
    {
        null => null,
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    /// <summary><paramref name="part"/> with every value <paramref name="given"/> holds put in place (its nulls keep <paramref name="part"/>'s).</summary>
    public static TPart Merge(IEnumerable<PartField<TPart>> fields, TPart part, TPart given)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            if (field.Get(given) is { } value)
            {
                part = field.Set(part, value);
            }
        }

        return part;
    }
}
