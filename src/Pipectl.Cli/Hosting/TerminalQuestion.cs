namespace Pipectl.Cli.Hosting;

/// <summary>
/// A yes/no question on the terminal: the question goes to stderr, the answer is read from stdin, and only the exact
/// word <c>yes</c> (surrounding blanks aside) counts, as Terraform does: <c>y</c>, <c>Y</c>, <c>YES</c> and <c>Yes</c> are
/// a no. Ctrl-C while waiting ends the wait at once (the run then exits 130 with nothing written): the read runs
/// off the calling thread because a console reader blocks in its read whatever token it is given.
/// </summary>
public static class TerminalQuestion
{
    public const string Yes = "yes";

    public static async Task<bool> AskAsync(CliConsole console, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        await console.Error.WriteAsync(question).ConfigureAwait(false);
        await console.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
        var read = Task.Run(() => console.In.ReadLineAsync(cancellationToken).AsTask(), CancellationToken.None);
        var answer = await read.WaitAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return IsYes(answer);
    }

    /// <summary>True for exactly <c>yes</c>, blanks around it aside.</summary>
    public static bool IsYes(string? answer) => string.Equals(answer?.Trim(), Yes, StringComparison.Ordinal);
}
