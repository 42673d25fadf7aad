using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Output;

/// <summary>The closing lines of a stack verb in text mode: counts, then the URLs a person wants next.</summary>
public static class RunSummary
{
    private static readonly (string Key, string Label)[] Shown =
    [
        (StackOutputs.CloneUrlHttp, "clone URL"),
        (StackOutputs.CloneUrlSsh, "clone (SSH)"),
        (StackOutputs.WebsiteUrl, "website"),
        (StackOutputs.EcrRepositoryUri, "image repository"),
        (StackOutputs.PipelineName, "pipeline"),
        (StackOutputs.PipelineConsoleUrl, "console"),
    ];

    public static IEnumerable<string> Format(RunReport report, bool succeeded, TextStyle style)
    {
        var counts = report.Listed.GroupBy(r => r.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToWire()}");
        var where = $"stack {report.Stack} in {report.Region}{(report.Account is null ? string.Empty : $" (account {report.Account})")}";
        var head = report.ErrorCode == ErrorCodes.StackNotFound ? $"Not found: {where}"
            : report.DryRun ? $"Plan for {where}, nothing changed" : succeeded ? $"Done: {where}" : $"Stopped: {where}";
        yield return string.Empty;
        var listed = string.Join(", ", counts);
        yield return listed.Length == 0 ? $"{style.Bold(head)}: no resource was listed." : $"{style.Bold(head)}: {listed}.";
        foreach (var made in report.Listed.Where(r => r.Note == MadeButUnreported.Note))
        {
            yield return $"  made before it stopped: {made.Type} {made.Name}";
        }

        if (report.Note is not null)
        {
            yield return style.Dim($"Note: {report.Note}.");
        }

        if (!report.DryRun && succeeded && report.Listed.All(r => !r.Action.IsChange()))
        {
            yield return report.Command == "teardown" ? "Nothing left to delete." : "Nothing to change: everything is as it should be.";
        }

        foreach (var (key, label) in Shown)
        {
            if (report.Outputs.TryGetValue(key, out var value))
            {
                yield return $"  {label,-12} {value}";
            }

            // Outputs of a stack file's environments are keyed "<environment>.<output>".
            foreach (var (scoped, scopedValue) in report.Outputs.Where(o => o.Key.EndsWith("." + key, StringComparison.Ordinal)))
            {
                yield return $"  {label,-12} {scopedValue}  ({scoped[..^(key.Length + 1)]})";
            }
        }

        yield return style.Dim($"  {report.ApiCallsTotal} AWS requests ({report.ApiCallsMutating} mutating).");
    }
}
