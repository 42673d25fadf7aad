using System.Diagnostics;
using System.Runtime.InteropServices;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// The built pipectl as a child process with test credentials and nothing else from the machine (no profile,
/// no instance metadata), which a test can interrupt (SIGINT, as Ctrl-C does) or kill (SIGKILL) mid-run.
/// </summary>
public sealed class CliChild : IDisposable
{
    private const int Sigint = 2;

    private readonly Process _process;
    private readonly string _home;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliChild(string[] args)
    {
        _home = Directory.CreateTempSubdirectory("pipectl-child-").FullName;
        _process = Process.Start(StartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "pipectl.dll"), .. args], _home))!;
        _process.StandardInput.Close();
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    /// <summary>
    /// <paramref name="program"/> with redirected streams and only the test's environment: PATH, the .NET root, a
    /// fresh <paramref name="home"/>, test credentials, no profile and no instance metadata.
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args, string home)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-credentials");
        return start;
    }

    public bool Killed { get; private set; }

    public bool Interrupted { get; private set; }

    public static CliChild Start(params string[] args) => new(args);

    /// <summary>SIGKILL: no handler runs, nothing is flushed, the process is gone.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill();
    }

    /// <summary>SIGINT, what Ctrl-C sends.</summary>
    public void Interrupt()
    {
        Interrupted = true;
        if (SendSignal(_process.Id, Sigint) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the child to end (killing it after <paramref name="timeout"/>, which fails the test).</summary>
    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            throw new TimeoutException($"pipectl did not end within {timeout.TotalSeconds:0} s; stderr: {await _stderr}");
        }

        return new CliRun(_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
