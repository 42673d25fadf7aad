namespace Pipectl.Cli.Hosting;

/// <summary>Two examples per verb, printed at the end of its help: the common case and a useful variant.</summary>
public static class VerbExamples
{
    private static readonly Dictionary<string, string[]> ByVerb = new(StringComparer.Ordinal)
    {
        ["bootstrap"] = ["pipectl bootstrap --dry-run                  # plan ./pipectl.yaml, change nothing", "pipectl bootstrap --name demo --seed ./site  # whole stack, first commit from ./site"],
        ["create-repo"] = ["pipectl create-repo --name demo", "pipectl create-repo --name demo --seed ./site --branch main"],
        ["create-buckets"] = ["pipectl create-buckets --name demo", "pipectl create-buckets --name demo --private-site --dry-run"],
        ["create-build"] = ["pipectl create-build --name demo", "pipectl create-build --name demo --buildspec ./buildspec.yml --compute-type BUILD_GENERAL1_MEDIUM"],
        ["create-pipeline"] = ["pipectl create-pipeline --name demo", "pipectl create-pipeline --name demo --approval-email releases@example.com"],
        ["wire-trigger"] = ["pipectl wire-trigger --name demo", "pipectl wire-trigger --name demo --branch release"],
        ["teardown"] = ["pipectl teardown                              # the stack of ./pipectl.yaml, asks first", "pipectl teardown --name demo --keep-repo --yes"],
        ["doctor"] = ["pipectl doctor", "pipectl doctor --region eu-west-1 --output json"],
        ["validate"] = ["pipectl validate                              # ./pipectl.yaml and its buildspec", "pipectl validate stacks/prod.yaml buildspec.yml --output json"],
        ["init"] = ["pipectl init", "pipectl init --template node --name shop"],
        ["status"] = ["pipectl status                                # the pipeline of ./pipectl.yaml", "pipectl status --name demo --watch"],
        ["start"] = ["pipectl start --watch", "pipectl start --name demo --output json"],
        ["approve"] = ["pipectl approve --name demo", "pipectl approve --name demo --stage Approve --comment \"checked staging\""],
        ["reject"] = ["pipectl reject --name demo --comment \"broken footer\"", "pipectl reject -f pipectl.yaml --env prod"],
        ["logs"] = ["pipectl logs                                  # the latest build of ./pipectl.yaml's pipeline", "pipectl logs --name demo --execution 4b1c0f5e-0000-0000-0000-000000000000 --follow"],
        ["list"] = ["pipectl list", "pipectl list --region eu-west-1 --output json"],
        ["export"] = ["pipectl export > pipectl-stack.yaml                # ./pipectl.yaml as a CloudFormation template", "pipectl export -f pipectl.yaml --env production --json"],
        ["completion"] = ["source <(pipectl completion bash)", "pipectl completion zsh > \"${fpath[1]}/_pipectl\""],
    };

    /// <summary>The examples of <paramref name="verb"/>; empty for the root command.</summary>
    public static IReadOnlyList<string> For(string verb) => ByVerb.TryGetValue(verb, out var examples) ? examples : [];
}
