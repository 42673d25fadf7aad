namespace Pipectl.Core.Resources;

/// <summary>A resource state that carries the tags AWS returned for it.</summary>
public interface ITaggedState
{
    IReadOnlyDictionary<string, string> Tags { get; }
}
