using System.CommandLine;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// <c>--require-approval never|broadening</c>: whether a run asks before it writes an update that widens
/// permissions. Default: <c>broadening</c> with a terminal to answer on, <c>never</c> without (CI keeps working).
/// </summary>
public static class ApprovalMode
{
    public const string Never = "never";
    public const string Broadening = "broadening";

    /// <summary>The option, shared by the verbs that create or converge a stack.</summary>
    public static Option<string?> Option { get; } = Create();

    /// <summary>The mode of a run: the option's value, or the default for where it runs.</summary>
    public static string Of(ParseResult parse, bool stdinIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(Option) ?? (stdinIsTerminal ? Broadening : Never);
    }

    private static Option<string?> Create()
    {
        var option = new Option<string?>("--require-approval")
        {
            Description = "Ask before writing an update that widens permissions (new action, resource or principal, or a removed condition): never|broadening (default: broadening on a terminal, never otherwise)",
        };
        option.AcceptOnlyFromAmong(Never, Broadening);
        return option;
    }
}
