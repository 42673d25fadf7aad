namespace Pipectl.Cli.Hosting;

/// <summary>The exit codes of the contract in DESIGN.md.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>An AWS call or the operation failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad input or usage; nothing was sent to AWS.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
