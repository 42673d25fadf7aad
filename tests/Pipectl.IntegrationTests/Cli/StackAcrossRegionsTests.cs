using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// The same stack name in two regions shares nothing: IAM roles are global and keep their default names, so
/// ownership records the region (pipectl:region) and the other region's roles are refused, never rewritten or deleted.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StackAcrossRegionsTests(MotoServer moto)
{
    private Task<CliRun> Pipectl(string region, params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", region, "--output", "json"]);

    [Fact]
    public async Task The_same_stack_name_in_another_region_never_changes_or_deletes_the_first_regions_roles()
    {
        var stack = "rg" + Guid.NewGuid().ToString("N")[..8];
        using var session = TestSessions.For(moto);
        Assert.Equal(0, (await Pipectl("us-east-1", "bootstrap", "--name", stack)).ExitCode);
        var roles = new[] { $"{stack}-codebuild-role", $"{stack}-codepipeline-role", $"{stack}-deploy-role", $"{stack}-events-role" };
        var before = await SnapshotAsync(session, roles);

        var west = await Pipectl("us-west-2", "bootstrap", "--name", stack);
        var westTeardown = await Pipectl("us-west-2", "teardown", "--name", stack, "--yes");

        Assert.Equal(1, west.ExitCode);
        Assert.Contains($"belongs to stack {stack} in us-east-1", west.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, westTeardown.ExitCode);
        var kept = westTeardown.Json.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "AWS::IAM::Role")
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("action").GetString());
        Assert.Equal(roles.Order(), kept.Keys.Order());
        Assert.All(kept.Values, action => Assert.Equal("kept", action));
        var notes = westTeardown.Json.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "AWS::IAM::Role")
            .Select(r => r.GetProperty("note").GetString());
        Assert.All(notes, note => Assert.Equal($"belongs to stack {stack} in us-east-1: left alone", note));
        Assert.Equal(before, await SnapshotAsync(session, roles));
        var east = await Pipectl("us-east-1", "bootstrap", "--name", stack);
        Assert.Equal(0, east.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        Assert.Equal(0, (await Pipectl("us-east-1", "teardown", "--name", stack, "--yes")).ExitCode);
    }

    [Fact]
    public async Task A_stack_bootstraps_converges_and_tears_down_in_eu_west_1_whose_buckets_are_created_with_the_region_name()
    {
        var stack = "eu" + Guid.NewGuid().ToString("N")[..8];
        using var session = TestSessions.For(moto, "eu-west-1");

        var bootstrap = await Pipectl("eu-west-1", "bootstrap", "--name", stack);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        var buckets = bootstrap.Json.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "AWS::S3::Bucket")
            .Select(r => r.GetProperty("name").GetString()!)
            .ToList();
        Assert.Equal(2, buckets.Count);
        foreach (var bucket in buckets)
        {
            var location = await session.S3.GetBucketLocationAsync(new Amazon.S3.Model.GetBucketLocationRequest { BucketName = bucket });
            Assert.Equal("eu-west-1", location.Location.Value);
        }

        var again = await Pipectl("eu-west-1", "bootstrap", "--name", stack);
        var teardown = await Pipectl("eu-west-1", "teardown", "--name", stack, "--yes");

        Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        var listed = await session.S3.ListBucketsAsync(new Amazon.S3.Model.ListBucketsRequest());
        Assert.DoesNotContain(listed.Buckets ?? [], b => buckets.Contains(b.BucketName));
    }

    /// <summary>Each role's trust policy, inline policy and tags, as one comparable text.</summary>
    private static async Task<string> SnapshotAsync(Pipectl.Aws.Session.AwsSession session, IEnumerable<string> roles)
    {
        var lines = new List<string>();
        foreach (var role in roles)
        {
            var read = await session.Iam.GetRoleAsync(role);
            var policy = await session.Iam.GetRolePolicyAsync(role, "pipectl-least-privilege");
            lines.Add($"{role} {read.AssumeRolePolicyJson} {policy.PolicyJson} {string.Join(",", read.Tags.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"))}");
        }

        return string.Join("\n", lines);
    }
}
