namespace Pipectl.Core.Provisioning;

/// <summary>What a request names: its kind ("repository", "log group") and its name.</summary>
public sealed record NamedResource(string Noun, string Name)
{
    public override string ToString() => $"{Noun} {Name}";
}
