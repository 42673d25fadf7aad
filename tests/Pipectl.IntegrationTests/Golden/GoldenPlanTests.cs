namespace Pipectl.IntegrationTests.Golden;

/// <summary>
/// Each offline plan equals its golden file in Golden/plans/ (see <see cref="GoldenPlans"/>). With
/// PIPECTL_UPDATE_GOLDEN=1 the files are written instead, to be reviewed as a diff and committed.
/// </summary>
public sealed class GoldenPlanTests
{
    private const string UpdateVariable = "PIPECTL_UPDATE_GOLDEN";

    public static TheoryData<string> Cases => [.. GoldenPlans.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_offline_plan_equals_its_golden_file(string name)
    {
        var run = await GoldenPlans.RunAsync(name);
        Assert.True(run.ExitCode == GoldenPlans.Case(name).ExitCode, $"{name}: exit {run.ExitCode}: {run.Stderr}");
        var plan = Normalised(run.Stdout);
        var path = GoldenPlans.GoldenPath(name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, plan);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with {UpdateVariable}=1 to write it, review it, commit it");
        Assert.Equal(Normalised(await File.ReadAllTextAsync(path)), plan);
    }

    [Fact]
    public void The_matrix_holds_every_pair_of_values_a_stack_can_have_together()
    {
        var dimensions = GoldenPlans.Dimensions.Keys.ToList();
        var rows = GoldenPlans.Matrix.Select(row => dimensions.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.All(rows, row => Assert.True(GoldenPlans.Possible(row), string.Join(' ', row.Values)));
        Assert.All(rows, row => Assert.All(row, v => Assert.Contains(v.Value, GoldenPlans.Dimensions[v.Key])));

        var missing = new List<string>();
        for (var a = 0; a < dimensions.Count; a++)
        {
            for (var b = a + 1; b < dimensions.Count; b++)
            {
                foreach (var va in GoldenPlans.Dimensions[dimensions[a]])
                {
                    foreach (var vb in GoldenPlans.Dimensions[dimensions[b]])
                    {
                        var pair = new Dictionary<string, string> { [dimensions[a]] = va, [dimensions[b]] = vb };
                        if (GoldenPlans.Possible(pair) && !rows.Any(r => r[dimensions[a]] == va && r[dimensions[b]] == vb))
                        {
                            missing.Add($"{dimensions[a]}={va} {dimensions[b]}={vb}");
                        }
                    }
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        var folder = Path.GetDirectoryName(GoldenPlans.GoldenPath("x"))!;
        var names = GoldenPlans.All.Select(c => c.Name).ToHashSet();
        var files = Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).ToList();
        Assert.All(files, f => Assert.Contains(f, names));
        Assert.Equal(names.Count, GoldenPlans.All.Count);
    }

    /// <summary>Only what differs between machines: line endings.</summary>
    private static string Normalised(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
