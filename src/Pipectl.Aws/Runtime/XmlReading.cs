using System.Xml.Linq;

namespace Pipectl.Aws.Runtime;

/// <summary>Namespace-agnostic reads of Query XML replies.</summary>
public static class XmlReading
{
    public static XElement? Child(this XElement? element, string localName) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string? ChildText(this XElement? element, string localName) => element.Child(localName)?.Value;

    /// <summary>The &lt;member&gt; items of a list element.</summary>
    public static IEnumerable<XElement> Members(this XElement? list) =>
        list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];
}
