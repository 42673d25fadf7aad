namespace Pipectl.Core.Operations;

/// <summary>
/// One thing that changed between two looks at a pipeline: the execution's status, an action's status, or
/// an approval that started waiting.
/// </summary>
/// <param name="Subject">What changed: "execution &lt;id&gt;" or "&lt;stage&gt;/&lt;action&gt;".</param>
/// <param name="Status">Its new status.</param>
/// <param name="Detail">The error, summary or approval hint that goes with it; null when there is none.</param>
public sealed record StatusChange(string Subject, string Status, string? Detail = null);
