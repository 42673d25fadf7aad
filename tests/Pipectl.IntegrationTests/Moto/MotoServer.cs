using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// Starts the AWS emulator (moto, on this machine image) on a free 127.0.0.1 port and stops it when disposed.
/// It is started through the repository's <c>moto_launcher.py</c>, which corrects moto's known deviations from
/// AWS before it serves, with the Python beside moto_server (found on PATH, in the image's pyenv versions, or
/// through MOTO_SERVER) or MOTO_PYTHON; a missing emulator is a loud failure, never a skip.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The Python interpreter that runs the launcher (it imports moto).</summary>
    public string Python { get; private set; } = string.Empty;

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The launcher that patches moto before it serves (copied next to the test assembly).</summary>
    public static string LauncherPath => Path.Combine(AppContext.BaseDirectory, "Moto", "moto_launcher.py");

    public async Task InitializeAsync()
    {
        var executable = Locate()
            ?? throw new InvalidOperationException(
                "moto_server was not found (looked at $MOTO_SERVER, PATH and ~/.pyenv/versions/*/bin). The integration tier needs the AWS emulator: install it with `pip install 'moto[server]'`.");
        var python = Python = Environment.GetEnvironmentVariable("MOTO_PYTHON") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetDirectoryName(executable)!, "python3");
        Port = FreePort();
        var start = new ProcessStartInfo(python, [LauncherPath, "-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_launcher.py ({python}) exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                var reply = await http.GetAsync($"{Endpoint}/moto-api/");
                if (reply.StatusCode == HttpStatusCode.OK)
                {
                    Console.Error.WriteLine($"[integration] moto_server {executable} (patched by moto_launcher.py) is listening on {Endpoint}");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within 60 s.");
    }

    /// <summary>Forgets every resource (POST /moto-api/reset).</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        (await http.PostAsync($"{Endpoint}/moto-api/reset", null)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static string? Locate()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("MOTO_SERVER") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, "moto_server"));
        }

        var pyenv = Path.Combine(Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"), "versions");
        if (Directory.Exists(pyenv))
        {
            candidates.AddRange(Directory.GetDirectories(pyenv).OrderDescending().Select(v => Path.Combine(v, "bin", "moto_server")));
        }

        // A pyenv shim on PATH fails when no pyenv version provides the command, so prefer real files.
        return candidates.FirstOrDefault(c => File.Exists(c) && !c.Contains("/shims/", StringComparison.Ordinal))
            ?? candidates.FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
