using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Pipectl.Aws.Tests.Wire;

/// <summary>
/// Finds and loads the official AWS API models that botocore ships (service-2.json, often gzipped) from the
/// Python on this machine image. A missing model folder is a failure, never a skip.
/// </summary>
public static class BotocoreModels
{
    private static readonly Lazy<string> DataDirectory = new(LocateDataDirectory);
    private static readonly Dictionary<string, ServiceModel> Cache = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Model folder names and versions of the services pipectl calls.</summary>
    public static readonly IReadOnlyDictionary<string, string> Versions = new Dictionary<string, string>
    {
        ["codecommit"] = "2015-04-13",
        ["codebuild"] = "2016-10-06",
        ["codepipeline"] = "2015-07-09",
        ["codeconnections"] = "2023-12-01",
        ["codestar-connections"] = "2019-12-01",
        ["events"] = "2015-10-07",
        ["iam"] = "2010-05-08",
        ["sns"] = "2010-03-31",
        ["s3"] = "2006-03-01",
        ["s3control"] = "2018-08-20",
        ["cloudfront"] = "2020-05-31",
        ["sts"] = "2011-06-15",
        ["logs"] = "2014-03-28",
        ["ecr"] = "2015-09-21",
        ["ecs"] = "2014-11-13",
        ["resourcegroupstaggingapi"] = "2017-01-26",
        ["ssm"] = "2014-11-06",
    };

    public static string Directory => DataDirectory.Value;

    public static ServiceModel Load(string service)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(service, out var model))
            {
                var folder = Path.Combine(DataDirectory.Value, service, Versions[service]);
                var plain = Path.Combine(folder, "service-2.json");
                using Stream stream = File.Exists(plain)
                    ? File.OpenRead(plain)
                    : new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
                model = new ServiceModel(JsonDocument.Parse(stream).RootElement.Clone());
                Cache[service] = model;
            }

            return model;
        }
    }

    private static string LocateDataDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("BOTOCORE_DATA") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        var pyenv = Path.Combine(Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"), "versions");
        if (System.IO.Directory.Exists(pyenv))
        {
            foreach (var version in System.IO.Directory.GetDirectories(pyenv).OrderDescending())
            {
                var lib = Path.Combine(version, "lib");
                if (System.IO.Directory.Exists(lib))
                {
                    candidates.AddRange(System.IO.Directory.GetDirectories(lib, "python3*").Select(p => Path.Combine(p, "site-packages", "botocore", "data")));
                }
            }
        }

        candidates.Add(AskPython());
        return candidates.FirstOrDefault(c => c.Length > 0 && System.IO.Directory.Exists(Path.Combine(c, "codecommit")))
            ?? throw new InvalidOperationException(
                "The botocore API models were not found (looked at $BOTOCORE_DATA, ~/.pyenv/versions/*/lib/python3*/site-packages/botocore/data and python3's botocore). The wire tests check every request against them: install botocore.");
    }

    private static string AskPython()
    {
        try
        {
            var start = new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return string.Empty;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 ? output : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }
}
