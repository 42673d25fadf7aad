namespace Pipectl.Aws.Runtime;

/// <summary>
/// Builds the flattened parameters of a Query call in the order given: scalars as Name=value, lists as
/// Name.member.N, maps as Name.entry.N.key / .value, structures in lists as Name.member.N.Field.
/// </summary>
public sealed class QueryParameters : List<KeyValuePair<string, string>>
{
    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public QueryParameters AddInt(string name, int? value) =>
        value is null ? this : Add(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public QueryParameters AddBool(string name, bool? value) =>
        value is null ? this : Add(name, value.Value ? "true" : "false");

    public QueryParameters AddList(string name, IEnumerable<string>? values)
    {
        var i = 1;
        foreach (var value in values ?? [])
        {
            Add($"{name}.member.{i++}", value);
        }

        return this;
    }

    /// <summary>A list of structures, e.g. Tags.member.1.Key / Tags.member.1.Value.</summary>
    public QueryParameters AddStructList<T>(string name, IEnumerable<T>? items, Func<T, IEnumerable<KeyValuePair<string, string?>>> fields)
    {
        var i = 1;
        foreach (var item in items ?? [])
        {
            foreach (var (field, value) in fields(item))
            {
                Add($"{name}.member.{i}.{field}", value);
            }

            i++;
        }

        return this;
    }

    public QueryParameters AddMap(string name, IReadOnlyDictionary<string, string>? map)
    {
        var i = 1;
        foreach (var (key, value) in map ?? new Dictionary<string, string>())
        {
            Add($"{name}.entry.{i}.key", key);
            Add($"{name}.entry.{i}.value", value);
            i++;
        }

        return this;
    }
}
