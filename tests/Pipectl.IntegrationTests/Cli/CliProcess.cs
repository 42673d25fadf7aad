using System.Diagnostics;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Runs the built pipectl as a separate process with an environment the test controls (no credentials,
/// no profile, no region): what a user on a fresh machine sees.
/// </summary>
public static class CliProcess
{
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunInAsync(null, environment, args);

    /// <summary>Runs pipectl in <paramref name="workingDirectory"/> (null: the test's own).</summary>
    public static async Task<CliRun> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var pipectl = Path.Combine(AppContext.BaseDirectory, "pipectl.dll");
        var home = Directory.CreateTempSubdirectory("pipectl-home-").FullName;
        var start = new ProcessStartInfo("dotnet", [pipectl, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-credentials");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.Delete(home, recursive: true);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
