using System.Text.Json;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>Issue 14 against moto: a plan that shows every IAM statement it changes, and --require-approval.</summary>
[Collection(MotoCollection.Name)]
public sealed class PlanReviewTests(MotoServer moto)
{
    private static string UniqueStack() => "pr" + Guid.NewGuid().ToString("N")[..8];

    private string[] Args(string[] args, bool json = true) =>
        [.. args, "--endpoint-url", moto.Endpoint, .. args.Contains("-f") ? Array.Empty<string>() : ["--region", "us-east-1"], .. json ? ["--output", "json"] : Array.Empty<string>()];

    private Task<CliRun> Pipectl(params string[] args) => CliRun.RunAsync(Args(args));

    private Task<CliRun> PipectlText(params string[] args) => CliRun.RunAsync(Args(args, json: false));

    /// <summary>A run with a person at the terminal who answers <paramref name="answer"/>.</summary>
    private Task<CliRun> OnTerminal(string answer, params string[] args) => CliRun.OnTerminalAsync(answer, Args(args));

    private static JsonElement Resource(CliRun run, string name) =>
        run.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static int Mutating(CliRun run) => run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32();

    [Fact]
    public async Task Adding_an_approval_email_shows_the_new_statement_of_the_pipeline_role_as_widening()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);

        var plan = await Pipectl("plan", "--name", stack, "--approval-email", "ops@example.com");

        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.True(plan.Json.GetProperty("dryRun").GetBoolean());
        Assert.True(plan.Json.GetProperty("widens").GetBoolean());
        var role = Resource(plan, $"{stack}-codepipeline-role");
        Assert.Equal("would-update", role.GetProperty("action").GetString());
        Assert.True(role.GetProperty("widens").GetBoolean());
        var publish = Assert.Single(role.GetProperty("changes").EnumerateArray(), c => c.GetProperty("widens").GetBoolean());
        Assert.Equal("added", publish.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, publish.GetProperty("before").ValueKind);
        var statement = publish.GetProperty("after");
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Contains("sns:Publish", statement.GetProperty("Action").ToString(), StringComparison.Ordinal);
        Assert.Contains($"{stack}-approvals", statement.GetProperty("Resource").ToString(), StringComparison.Ordinal);
        var desired = role.GetProperty("desired");
        Assert.Contains("sns:Publish", desired.GetProperty("inlinePolicies").ToString(), StringComparison.Ordinal);
        Assert.Equal("Allow", desired.GetProperty("trustPolicy").GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.False(Resource(plan, $"{stack}-approvals").GetProperty("widens").GetBoolean());
        Assert.Equal(0, Mutating(plan));

        var text = await PipectlText("bootstrap", "--name", stack, "--approval-email", "ops@example.com", "--dry-run");
        Assert.Contains("[widens permissions]", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("added: Allow sns:Publish on arn:aws:sns:us-east-1:123456789012:" + stack + "-approvals", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_widening_update_with_require_approval_broadening_and_no_terminal_exits_2_and_writes_nothing_and_without_it_proceeds()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack, "--require-approval", "broadening")).ExitCode);

        var refused = await Pipectl("bootstrap", "--name", stack, "--approval-email", "ops@example.com", "--require-approval", "broadening");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("widens permissions", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{stack}-codepipeline-role", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Mutating(refused));

        var proceeds = await Pipectl("bootstrap", "--name", stack, "--approval-email", "ops@example.com");

        Assert.True(proceeds.ExitCode == 0, proceeds.Stderr);
        Assert.Equal("updated", Resource(proceeds, $"{stack}-codepipeline-role").GetProperty("action").GetString());
        Assert.True(Resource(proceeds, $"{stack}-codepipeline-role").GetProperty("widens").GetBoolean());

        // Dropping the email again (the stack remembers it: --no-approval drops it) only narrows: nothing to approve.
        var narrows = await Pipectl("bootstrap", "--name", stack, "--no-approval", "--allow-delete", "--require-approval", "broadening");

        Assert.True(narrows.ExitCode == 0, narrows.Stderr);
        var role = Resource(narrows, $"{stack}-codepipeline-role");
        Assert.Equal("updated", role.GetProperty("action").GetString());
        Assert.False(role.GetProperty("widens").GetBoolean());
        Assert.Contains(role.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "removed");
    }

    [Fact]
    public async Task New_roles_in_a_stack_that_exists_widen_it_and_need_approval_but_not_in_a_fresh_stack()
    {
        var stack = UniqueStack();
        var fresh = await Pipectl("plan", "--name", stack);
        Assert.False(fresh.Json.GetProperty("widens").GetBoolean());
        Assert.Equal(0, (await Pipectl("create-repo", "--name", stack)).ExitCode);

        var plan = await Pipectl("plan", "--name", stack);

        Assert.True(plan.Json.GetProperty("widens").GetBoolean());
        var buildRole = Resource(plan, $"{stack}-codebuild-role");
        Assert.Equal("would-create", buildRole.GetProperty("action").GetString());
        Assert.Contains(buildRole.GetProperty("changes").EnumerateArray(), c => c.GetProperty("attribute").GetString() == "trust policy" && c.GetProperty("widens").GetBoolean());
        Assert.False(Resource(plan, $"{stack}-build").GetProperty("widens").GetBoolean());
        var refused = await Pipectl("bootstrap", "--name", stack, "--require-approval", "broadening");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, Mutating(refused));
    }

    [Fact]
    public async Task On_a_terminal_a_widening_update_is_asked_about_and_no_writes_nothing()
    {
        var stack = UniqueStack();
        var fresh = await OnTerminal(string.Empty, "bootstrap", "--name", stack);
        Assert.True(fresh.ExitCode == 0, fresh.Stderr);
        Assert.DoesNotContain("Apply these permission changes?", fresh.Stderr, StringComparison.Ordinal);

        var declined = await OnTerminal("no", "bootstrap", "--name", stack, "--approval-email", "ops@example.com");

        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("Apply these permission changes?", declined.Stderr, StringComparison.Ordinal);
        Assert.Contains("sns:Publish", declined.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Mutating(declined));

        var accepted = await OnTerminal("yes", "bootstrap", "--name", stack, "--approval-email", "ops@example.com");

        Assert.True(accepted.ExitCode == 0, accepted.Stderr);
        Assert.Equal("updated", Resource(accepted, $"{stack}-codepipeline-role").GetProperty("action").GetString());
        var again = await OnTerminal(string.Empty, "bootstrap", "--name", stack, "--approval-email", "ops@example.com");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.DoesNotContain("Apply these permission changes?", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_identical_dry_runs_print_identical_text_with_every_statement_of_the_roles_to_create()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("create-repo", "--name", stack)).ExitCode);

        var runs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var run = await PipectlText("bootstrap", "--name", stack, "--dry-run");
            Assert.True(run.ExitCode == 0, run.Stderr);
            runs.Add(run.Stdout);
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Equal(runs[0], runs[2]);
        Assert.Contains("sts:AssumeRole for Service:codebuild.amazonaws.com", runs[0], StringComparison.Ordinal);
        Assert.Contains("logs:CreateLogStream", runs[0], StringComparison.Ordinal);
        Assert.Contains("stages:", runs[0], StringComparison.Ordinal);
        Assert.Contains("eventPattern:", runs[0], StringComparison.Ordinal);
        Assert.Matches($"unchanged +AWS::CodeCommit::Repository +{stack}\\r?\\n(would-create|unchanged)", runs[0]);
    }

    [Fact]
    public async Task A_multi_environment_plan_labels_each_environment_and_lists_the_shared_repository_once()
    {
        var sample = RepositoryRoot.Of("samples/multi-env/pipectl.yaml");

        var text = await CliRun.RunAsync("plan", "-f", sample, "--endpoint-url", moto.Endpoint);

        Assert.True(text.ExitCode == 0, text.Stderr);
        var headers = text.Stdout.Split('\n').Where(l => l.StartsWith("would-", StringComparison.Ordinal) || l.StartsWith("unchanged", StringComparison.Ordinal)).ToList();
        Assert.Single(headers, l => l.Contains("AWS::CodeCommit::Repository", StringComparison.Ordinal) && !l.Contains('['));
        Assert.Equal(9, headers.Count(l => l.Contains("[staging] ", StringComparison.Ordinal)));
        Assert.Equal(10, headers.Count(l => l.Contains("[production] ", StringComparison.Ordinal)));
    }
}
