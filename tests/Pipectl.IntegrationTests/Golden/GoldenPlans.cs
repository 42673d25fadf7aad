using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Golden;

/// <summary>
/// The offline plans (<c>plan --output json</c> on a machine with no credentials, no profile and no region) pinned
/// as golden files in Golden/plans/: one per sample, and one per row of a pairwise matrix of the stack's dimensions.
/// A refactor keeps every one of them identical; an intended change is reviewed as a diff of the golden files
/// (regenerate them with <c>PIPECTL_UPDATE_GOLDEN=1 dotnet test tests/Pipectl.IntegrationTests --filter GoldenPlan</c>).
/// </summary>
public static class GoldenPlans
{
    /// <summary>Every value of every dimension the matrix covers, pairwise.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Dimensions = new Dictionary<string, string[]>
    {
        ["source"] = ["codecommit", "seed", "github", "gitlab", "bitbucket"],
        ["site"] = ["website", "private", "cloudfront", "none"],
        ["deploy"] = ["s3", "ecs"],
        ["test"] = ["none", "build", "source"],
        ["approval"] = ["none", "approval", "email"],
        ["envs"] = ["single", "multi"],
        ["type"] = ["V2", "V1"],
        ["build"] = ["default", "custom", "codecommit"],
    };

    /// <summary>
    /// The rows (values in <see cref="Dimensions"/> order): every pair of values of two dimensions that a stack can
    /// have together is in at least one row (checked by a test). Rows are only ever added at the end.
    /// </summary>
    public static readonly IReadOnlyList<string[]> Matrix =
    [
        ["codecommit", "website", "s3", "none", "none", "single", "V2", "default"],
        ["codecommit", "none", "ecs", "build", "approval", "multi", "V1", "custom"],
        ["seed", "private", "s3", "source", "email", "single", "V1", "codecommit"],
        ["github", "cloudfront", "s3", "none", "email", "multi", "V2", "custom"],
        ["gitlab", "none", "ecs", "source", "none", "multi", "V2", "default"],
        ["bitbucket", "private", "s3", "build", "approval", "single", "V2", "default"],
        ["seed", "none", "ecs", "none", "approval", "single", "V2", "codecommit"],
        ["gitlab", "cloudfront", "s3", "build", "none", "single", "V1", "custom"],
        ["bitbucket", "website", "s3", "source", "approval", "multi", "V1", "custom"],
        ["github", "none", "ecs", "build", "email", "single", "V1", "default"],
        ["seed", "website", "s3", "build", "none", "multi", "V2", "codecommit"],
        ["github", "private", "s3", "none", "none", "multi", "V1", "custom"],
        ["codecommit", "cloudfront", "s3", "source", "approval", "single", "V2", "codecommit"],
        ["gitlab", "website", "s3", "none", "email", "single", "V2", "default"],
        ["bitbucket", "cloudfront", "s3", "none", "none", "single", "V2", "default"],
        ["github", "website", "s3", "source", "approval", "single", "V2", "default"],
        ["bitbucket", "none", "ecs", "none", "email", "single", "V2", "default"],
        ["codecommit", "private", "s3", "none", "email", "single", "V2", "default"],
        ["seed", "cloudfront", "s3", "none", "none", "single", "V2", "default"],
        ["gitlab", "private", "s3", "none", "approval", "single", "V2", "default"],
        ["seed", "website", "s3", "none", "none", "single", "V2", "custom"],
    ];

    /// <summary>The samples, each planned as its README says (run from the repository's root).</summary>
    private static readonly IReadOnlyList<GoldenCase> Samples =
    [
        new("sample-ecs-app", ["-f", "samples/ecs-app/pipectl.yaml"]),
        new("sample-github", ["-f", "samples/github/pipectl.yaml"]),
        new("sample-multi-env", ["-f", "samples/multi-env/pipectl.yaml"]),
        new("sample-node-app", ["-f", "samples/node-app/pipectl.yaml"]),
        new("sample-static-website", ["--name", "demo", "--seed", "samples/static-website"]),
    ];

    /// <summary>
    /// --existing-repo is not in the matrix: offline, the account is empty, so such a plan stops at the repository it
    /// is told to use (exit 1, the plan so far and the error in the document). These pin that refusal.
    /// </summary>
    private static readonly IReadOnlyList<GoldenCase> ExistingRepository =
    [
        new("existing-repo-s3", ["--name", "existing-s3", "--existing-repo", "--site", "cloudfront", "--approval"], ExitCode: 1),
        new("existing-repo-ecs", ["-f", "samples/multi-env/pipectl.yaml", "--existing-repo", "--deploy", "ecs", "--ecs-cluster", "golden-cluster", "--ecs-service", "golden-web"], ExitCode: 1),
    ];

    public static IReadOnlyList<GoldenCase> All { get; } = [.. Samples, .. ExistingRepository, .. Matrix.Select((row, i) => ForRow(i + 1, row))];

    private static readonly Lazy<Task<IReadOnlyDictionary<string, CliRun>>> Runs = new(RunAllAsync);

    /// <summary>False when two values cannot be in one stack (the CLI refuses them with exit 2).</summary>
    public static bool Possible(IReadOnlyDictionary<string, string> values)
    {
        string? Value(string dimension) => values.TryGetValue(dimension, out var v) ? v : null;
        var connection = Value("source") is "github" or "gitlab" or "bitbucket";
        return !(Value("deploy") == "ecs" && Value("site") is { } site && site != "none")
            && !(Value("deploy") == "s3" && Value("site") == "none")
            && !(Value("build") == "codecommit" && connection);
    }

    public static async Task<CliRun> RunAsync(string name) => (await Runs.Value.ConfigureAwait(false))[name];

    public static GoldenCase Case(string name) => All.Single(c => c.Name == name);

    public static string GoldenPath(string name) => RepositoryRoot.Of(Path.Combine("tests", "Pipectl.IntegrationTests", "Golden", "plans", name + ".json"));

    /// <summary>The arguments of one row: the stack is named after the row, so each plan is told apart in a diff.</summary>
    private static GoldenCase ForRow(int number, string[] row)
    {
        var values = Dimensions.Keys.Zip(row).ToDictionary(p => p.First, p => p.Second);
        var name = $"pair-{number:00}";
        List<string> args = values["envs"] == "multi" ? ["-f", "samples/multi-env/pipectl.yaml"] : ["--name", name];
        args.AddRange(values["source"] switch
        {
            "codecommit" => [],
            "seed" => ["--seed", "samples/static-website"],
            var provider => ["--source", $"{provider}:example-org/{name}"],
        });
        args.AddRange(values["site"] switch
        {
            "private" => ["--private-site"],
            "cloudfront" => ["--site", "cloudfront"],
            _ => [],
        });
        if (values["deploy"] == "ecs")
        {
            args.AddRange(["--deploy", "ecs", "--ecs-cluster", "golden-cluster", "--ecs-service", "golden-web", "--container-name", "web", "--ecr-keep-images", "12"]);
        }

        if (values["test"] != "none")
        {
            args.AddRange(["--test-buildspec", "samples/node-app/buildspec-test.yml", "--test-input", values["test"]]);
        }

        args.AddRange(values["approval"] switch
        {
            "approval" => ["--approval"],
            "email" => ["--approval-email", "ops@example.com"],
            _ => [],
        });
        args.AddRange(["--pipeline-type", values["type"]]);
        args.AddRange(values["build"] switch
        {
            "custom" => ["--image", "aws/codebuild/amazonlinux-x86_64-standard:5.0", "--compute-type", "BUILD_GENERAL1_MEDIUM", "--privileged", "--buildspec", "samples/static-website/buildspec.yml"],
            "codecommit" => ["--source-type", "CODECOMMIT"],
            _ => [],
        });
        return new GoldenCase(name, [.. args]);
    }

    /// <summary>All the plans at once, a few processes at a time: each is a fresh machine (no credentials, no region).</summary>
    private static async Task<IReadOnlyDictionary<string, CliRun>> RunAllAsync()
    {
        using var gate = new SemaphoreSlim(4);
        var runs = await Task.WhenAll(All.Select(async c =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                return (c.Name, Run: await CliProcess.RunInAsync(RepositoryRoot.Path, new Dictionary<string, string?>(), ["plan", "--output", "json", .. c.Args]).ConfigureAwait(false));
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return runs.ToDictionary(r => r.Name, r => r.Run);
    }
}

/// <summary>One golden plan: its file name, the plan's arguments and the exit code it ends with.</summary>
public sealed record GoldenCase(string Name, string[] Args, int ExitCode = 0);
