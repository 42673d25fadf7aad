using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Engine;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// The engine's host on a terminal (<see cref="IStackRunHost"/>): progress on stderr, the questions of a teardown, of
/// the removal of parts the stack no longer has and of widened permissions, each shown as a list and answered with
/// exactly <c>yes</c>. Without a terminal to answer on, the removal and the widening questions refuse (exit 2)
/// before anything is written; a teardown without one needs --yes (checked before the run).
/// </summary>
internal sealed class TerminalStackHost(CliConsole console, bool json) : IStackRunHost
{
    public IStackProgress BeginProgress() => new StackProgressRenderer(console, json);

    public Task NoticeAsync(string line) => console.Error.WriteLineAsync(line);

    public async Task<bool> ConfirmTeardownAsync(TeardownQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl will delete {question.Doomed.Count} resources of stack {question.Stack} in {question.Region} (account {question.Account}):").ConfigureAwait(false);
        var width = ResourceLine.TypeWidth(question.Doomed.Concat(question.Kept).Select(r => r.Type));
        foreach (var resource in question.Doomed)
        {
            await console.Error.WriteLineAsync($"  {style.Bad("delete")} {ResourceLine.Column(resource.Type, width)} {resource.Name}").ConfigureAwait(false);
        }

        foreach (var resource in question.Kept)
        {
            await console.Error.WriteLineAsync($"  {style.Dim("keep")}   {ResourceLine.Column(resource.Type, width)} {resource.Name} ({resource.Note})").ConfigureAwait(false);
        }

        foreach (var line in question.Losses)
        {
            await console.Error.WriteLineAsync(line).ConfigureAwait(false);
        }

        return await TerminalQuestion.AskAsync(console, "Delete them? Type 'yes' to continue: ", cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ConfirmPruningAsync(PruningQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var what = string.Join(", ", question.Doomed.Select(r => $"{r.Type} {TerminalText.Inline(r.Name)}"));
        if (!console.StdinIsTerminal)
        {
            throw new UsageException($"{question.Command} would delete {question.Doomed.Count} resources the stack no longer has ({what}) and there is no terminal to confirm on. Review them with `pipectl plan {question.StackArguments}`, then run again with {StackOptionNames.AllowDelete}. Nothing was written.");
        }

        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl: stack {question.Stack} in {question.Region} no longer has these {question.Doomed.Count} resources; they will be deleted once the new parts are in place:").ConfigureAwait(false);
        foreach (var resource in question.Doomed)
        {
            await console.Error.WriteLineAsync($"  {style.Bad("delete")} {resource.Type,-28} {TerminalText.Inline(resource.Name)}").ConfigureAwait(false);
        }

        foreach (var resource in question.KeptForData)
        {
            await console.Error.WriteLineAsync($"  {style.Dim("keep")}   {resource.Type,-28} {TerminalText.Inline(resource.Name)} ({resource.Note})").ConfigureAwait(false);
        }

        return await TerminalQuestion.AskAsync(console, "Delete them? Type 'yes' to continue: ", cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ConfirmWideningAsync(WideningQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var widening = question.Widening;
        var what = string.Join(", ", widening.Select(r => $"{r.Type} {r.Name}"));
        if (!console.StdinIsTerminal)
        {
            throw new UsageException($"--require-approval broadening: the plan widens permissions ({what}) and there is no terminal to confirm on. Review it with `pipectl plan {question.StackArguments}` (or --dry-run), then run again with --require-approval never. Nothing was written.");
        }

        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl: this run widens permissions of stack {question.Stack} in {question.Region}:").ConfigureAwait(false);
        var width = ResourceLine.TypeWidth(widening.Select(r => r.Type));
        foreach (var resource in widening)
        {
            await console.Error.WriteLineAsync($"  {style.Warn("update")} {ResourceLine.Column(resource.Type, width)} {TerminalText.Inline(resource.Name)}").ConfigureAwait(false);
            foreach (var change in resource.ChangeDetails().Where(c => c.Widens))
            {
                await console.Error.WriteLineAsync($"    {style.Bad("+")} {TerminalText.Inline(change.Line)}").ConfigureAwait(false);
            }
        }

        foreach (var line in KindChanges.Of(question.Plan))
        {
            await console.Error.WriteLineAsync($"  {style.Warn("note")}   {line}").ConfigureAwait(false);
        }

        return await TerminalQuestion.AskAsync(console, "Apply these permission changes? Type 'yes' to continue: ", cancellationToken).ConfigureAwait(false);
    }
}
