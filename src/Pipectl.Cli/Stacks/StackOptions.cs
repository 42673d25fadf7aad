using System.CommandLine;
using Pipectl.Core.Naming;
using Pipectl.Core.Settings;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// The options of the stack verbs, made from the settings declared in <see cref="StackSettings"/> (name, alias, help
/// text, value kind, the values a closed set completes to): every stack verb takes every one of them (<see cref="All"/>).
/// </summary>
public sealed class StackOptions
{
    private readonly Dictionary<StackSetting, Option> _options = [];

    /// <summary>One option per declared setting that has one here (<see cref="SettingPlace.StackVerbs"/> and <see cref="SettingPlace.VerbSwitch"/>).</summary>
    public StackOptions()
    {
        foreach (var setting in StackSettings.All.Where(s => s.Place is SettingPlace.StackVerbs or SettingPlace.VerbSwitch))
        {
            _options[setting] = Create(setting);
        }
    }

    public Option<string?> Name => Text(StackSettings.Name);

    public Option<string?> File => Text(StackSettings.File);

    public Option<string?> Environment => Text(StackSettings.Environment);

    public Option<string?> RepositoryName => Text(StackSettings.RepositoryName);

    public Option<bool> ExistingRepository => Flag(StackSettings.ExistingRepository);

    public Option<string?> Source => Text(StackSettings.Source);

    public Option<string?> ConnectionArn => Text(StackSettings.ConnectionArn);

    public Option<bool> WaitConnection => Flag(StackSettings.WaitConnection);

    public Option<string?> RepositoryDescription => Text(StackSettings.RepositoryDescription);

    public Option<string?> Branch => Text(StackSettings.Branch);

    public Option<string?> BuildProjectName => Text(StackSettings.BuildProjectName);

    public Option<string?> PipelineName => Text(StackSettings.PipelineName);

    public Option<string?> RuleName => Text(StackSettings.RuleName);

    public Option<string?> BuildRoleName => Text(StackSettings.BuildRoleName);

    public Option<string?> PipelineRoleName => Text(StackSettings.PipelineRoleName);

    public Option<string?> DeployRoleName => Text(StackSettings.DeployRoleName);

    public Option<string?> EventsRoleName => Text(StackSettings.EventsRoleName);

    public Option<string?> ArtifactBucket => Text(StackSettings.ArtifactBucket);

    public Option<string?> SiteBucket => Text(StackSettings.SiteBucket);

    public Option<string?> ApprovalTopicName => Text(StackSettings.ApprovalTopicName);

    public Option<string?> Image => Text(StackSettings.BuildImage);

    public Option<string?> ComputeType => Text(StackSettings.ComputeType);

    public Option<string?> SourceType => Text(StackSettings.SourceType);

    public Option<bool> Privileged => Flag(StackSettings.Privileged);

    public Option<string?> Buildspec => Text(StackSettings.Buildspec);

    public Option<string?> TestBuildspec => Text(StackSettings.TestBuildspec);

    public Option<string?> TestInput => Text(StackSettings.TestInput);

    public Option<bool> NoTestStage => Flag(StackSettings.NoTestStage);

    public Option<bool> NoApproval => Flag(StackSettings.NoApproval);

    /// <summary>bootstrap and the create verbs: write without simulating the caller's permissions first (docs/permissions.md).</summary>
    public Option<bool> SkipPermissionCheck => Flag(StackSettings.SkipPermissionCheck);

    /// <summary>bootstrap only: delete what the stack no longer has without a terminal to confirm on.</summary>
    public Option<bool> AllowDelete => Flag(StackSettings.AllowDelete);

    /// <summary>bootstrap and plan: the data a removed part holds goes with it (kept and named otherwise).</summary>
    public Option<bool> DeleteImages => Flag(StackSettings.DeleteImages);

    public Option<bool> DeleteRepo => Flag(StackSettings.DeleteRepo);

    public Option<bool> DeleteBuckets => Flag(StackSettings.DeleteBuckets);

    public Option<bool> Approval => Flag(StackSettings.Approval);

    public Option<string?> ApprovalEmail => Text(StackSettings.ApprovalEmail);

    public Option<string?> PipelineType => Text(StackSettings.PipelineType);

    public Option<bool> PrivateSite => Flag(StackSettings.PrivateSite);

    public Option<string?> Site => Text(StackSettings.Site);

    public Option<string?> Deploy => Text(StackSettings.Deploy);

    public Option<string?> EcsCluster => Text(StackSettings.EcsCluster);

    public Option<string?> EcsService => Text(StackSettings.EcsService);

    public Option<string?> ContainerName => Text(StackSettings.ContainerName);

    public Option<string?> EcrRepository => Text(StackSettings.EcrRepository);

    public Option<int?> EcrKeepImages => (Option<int?>)For(StackSettings.EcrKeepImages);

    public Option<string?> Seed => Text(StackSettings.Seed);

    public Option<string[]> SeedAllowSecret => (Option<string[]>)For(StackSettings.SeedAllowSecret);

    public Option<bool> AllowOutsidePaths => Flag(StackSettings.AllowOutsidePaths);

    /// <summary>The option of <paramref name="setting"/>.</summary>
    public Option For(StackSetting setting) => _options[setting];

    /// <summary>
    /// Where <c>--help</c> lists the stack options: the stack, every name, then source, site, deploy, build, Test stage,
    /// approval. A setting declared in <see cref="StackSettings"/> and not placed here comes after these, in declared order.
    /// </summary>
    private static readonly StackSetting[] HelpLayout =
    [
        StackSettings.Name, StackSettings.File, StackSettings.Environment, StackSettings.AllowOutsidePaths,
        StackSettings.RepositoryName, StackSettings.BuildProjectName, StackSettings.PipelineName, StackSettings.RuleName, StackSettings.BuildRoleName,
        StackSettings.PipelineRoleName, StackSettings.DeployRoleName, StackSettings.EventsRoleName, StackSettings.ArtifactBucket, StackSettings.SiteBucket,
        StackSettings.ApprovalTopicName, StackSettings.Branch, StackSettings.ExistingRepository,
        StackSettings.Source, StackSettings.ConnectionArn, StackSettings.RepositoryDescription, StackSettings.Seed, StackSettings.SeedAllowSecret, StackSettings.WaitConnection,
        StackSettings.PrivateSite, StackSettings.Site,
        StackSettings.Deploy, StackSettings.EcsCluster, StackSettings.EcsService, StackSettings.ContainerName, StackSettings.EcrRepository, StackSettings.EcrKeepImages,
        StackSettings.BuildImage, StackSettings.ComputeType, StackSettings.SourceType, StackSettings.Privileged, StackSettings.Buildspec,
        StackSettings.TestBuildspec, StackSettings.TestInput, StackSettings.NoTestStage,
        StackSettings.Approval, StackSettings.ApprovalEmail, StackSettings.NoApproval, StackSettings.PipelineType,
    ];

    /// <summary>
    /// Every stack option, in one fixed order. Every stack verb (plan, bootstrap, the create-* verbs, wire-trigger,
    /// teardown, export and the operator verbs) takes all of them, so the options a stack was made with can be
    /// passed to any verb; a verb ignores those it does not need (its help says which).
    /// </summary>
    public IReadOnlyList<Option> All =>
    [
        .. HelpLayout.Select(For),
        .. StackSettings.All.Where(s => s.Place == SettingPlace.StackVerbs && !HelpLayout.Contains(s)).Select(For),
    ];

    /// <summary>The options that choose the stack (and its pipeline): the only ones the operator verbs read.</summary>
    public IReadOnlyList<Option> Selecting => [Name, File, Environment, PipelineName];

    /// <summary>Adds every stack option to <paramref name="command"/>.</summary>
    public void AddTo(System.CommandLine.Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>What the command line says, as overrides of a stack file (unset options are null).</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="buildspecContent">The content of --buildspec, read by the caller.</param>
    /// <param name="readFiles">False for a verb that ignores the local files (--test-buildspec is then not read).</param>
    public StackOverrides Overrides(ParseResult parse, string? buildspecContent, bool readFiles = true) => new()
    {
        Names = NameOverrides(parse),
        RepositoryDescription = parse.GetValue(RepositoryDescription),
        Branch = parse.GetValue(Branch),
        BuildImage = parse.GetValue(Image),
        ComputeType = parse.GetValue(ComputeType),
        SourceType = parse.GetValue(SourceType),
        Privileged = parse.GetValue(Privileged) ? true : null,
        BuildspecContent = buildspecContent,

        // Read (and checked, exit 2) wherever the options become a spec, before anything is sent.
        TestBuildspecContent = readFiles ? LocalInputs.ReadBuildspec(parse.GetResult(TestBuildspec) is null ? null : parse.GetValue(TestBuildspec), StackOptionNames.TestBuildspec) : null,
        TestInput = parse.GetResult(TestInput) is null ? null : parse.GetValue(TestInput),
        Approval = parse.GetValue(Approval) ? true : null,
        ApprovalEmail = parse.GetValue(ApprovalEmail),
        PipelineType = parse.GetValue(PipelineType),
        PrivateSite = parse.GetValue(PrivateSite) ? true : null,
        Site = parse.GetResult(Site) is null ? null : parse.GetValue(Site),
        SeedDirectory = parse.GetValue(Seed),
        ExistingRepository = parse.GetValue(ExistingRepository) ? true : null,
        Source = IsCodeCommit(parse.GetValue(Source)) ? null : parse.GetValue(Source),
        UseCodeCommit = IsCodeCommit(parse.GetValue(Source)),
        DropTestStage = parse.GetResult(NoTestStage) is not null && parse.GetValue(NoTestStage),
        DropApproval = parse.GetResult(NoApproval) is not null && parse.GetValue(NoApproval),
        ConnectionArn = parse.GetValue(ConnectionArn),
        Deploy = parse.GetValue(Deploy),
        Ecs = StackSettings.Ecs.Aggregate(new EcsDeployment(), (ecs, field) => field.Set(ecs, parse.GetResult(For(field.Setting))?.GetValueOrDefault<object?>())),
    };

    private static bool IsCodeCommit(string? source) => string.Equals(source, StackOptionNames.CodeCommitSource, StringComparison.OrdinalIgnoreCase);

    private StackNameOverrides NameOverrides(ParseResult parse) => new()
    {
        RepositoryName = parse.GetValue(RepositoryName),
        BuildProjectName = parse.GetValue(BuildProjectName),
        PipelineName = parse.GetValue(PipelineName),
        RuleName = parse.GetValue(RuleName),
        BuildRoleName = parse.GetValue(BuildRoleName),
        PipelineRoleName = parse.GetValue(PipelineRoleName),
        DeployRoleName = parse.GetValue(DeployRoleName),
        EventsRoleName = parse.GetValue(EventsRoleName),
        ArtifactBucketName = parse.GetValue(ArtifactBucket),
        SiteBucketName = parse.GetValue(SiteBucket),
        ApprovalTopicName = parse.GetValue(ApprovalTopicName),
    };

    /// <summary>The option a setting declares: its name, alias, help text, and the values a closed set completes to (the parser still checks them with one clear line).</summary>
    private static Option Create(StackSetting setting)
    {
        var name = setting.Option ?? throw new ArgumentException($"{setting} has no option", nameof(setting));
        string[] aliases = setting.Alias is null ? [] : [setting.Alias];
        Option option = setting.Kind switch
        {
            SettingKind.Flag => new Option<bool>(name, aliases),
            SettingKind.Number => new Option<int?>(name, aliases) { CustomParser = result => ParseNumber(setting, result) },
            SettingKind.List => new Option<string[]>(name, aliases) { AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] },
            _ => new Option<string?>(name, aliases),
        };
        option.Description = setting.Description;
        if (setting.Kind == SettingKind.Choice)
        {
            option.CompletionSources.Add([.. setting.Values]);
        }

        return option;
    }

    private Option<string?> Text(StackSetting setting) => (Option<string?>)For(setting);

    private Option<bool> Flag(StackSetting setting) => (Option<bool>)For(setting);

    /// <summary>A whole number; anything else (a huge number included) is one line naming the value and the range, not a .NET type name.</summary>
    private static int? ParseNumber(StackSetting setting, System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        result.AddError($"{setting.Option} \"{Pipectl.Core.Validation.SafeFragment.Visible(text)}\": expected {setting.NumberRule}");
        return null;
    }
}
