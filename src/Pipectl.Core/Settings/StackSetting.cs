namespace Pipectl.Core.Settings;

/// <summary>
/// One setting of a stack, declared once (docs/development.md, "Adding a setting"): its command-line option (name,
/// help text, value kind, the values a closed set completes to), its stack-file key and schema type, and the component
/// that owns it. <see cref="StackSettings.All"/> lists every one; the CLI's stack options, the keys the stack-file parser
/// accepts (<c>StackFileKeys</c>) and the tests that hold the schema and the documentation to them derive from it.
/// </summary>
public sealed record StackSetting
{
    /// <summary>The part of the stack the setting belongs to.</summary>
    public required StackComponent Component { get; init; }

    /// <summary>Where the option is defined (or that the setting has none).</summary>
    public SettingPlace Place { get; init; } = SettingPlace.StackVerbs;

    /// <summary>The option as typed (<c>--ecr-keep-images</c>); null for a setting of the stack file only.</summary>
    public string? Option { get; init; }

    /// <summary>A short alias (<c>-f</c>), or null.</summary>
    public string? Alias { get; init; }

    /// <summary>The option's help text, as <c>--help</c> prints it.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The kind of value the option and the key take.</summary>
    public SettingKind Kind { get; init; } = SettingKind.Text;

    /// <summary>For <see cref="SettingKind.Choice"/>: the values the option completes to (the schema's <c>enum</c> holds the same set).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>For <see cref="SettingKind.Number"/>: what the command line expects, ended by the range ("a whole number of images from 1 to 10000").</summary>
    public string? NumberRule { get; init; }

    /// <summary>For <see cref="SettingKind.Number"/>: what the stack file expects, with an example ("a whole number of images (e.g. 30)").</summary>
    public string? FileNumberRule { get; init; }

    /// <summary>For <see cref="SettingKind.Number"/>: the smallest value a stack takes (the schema's <c>minimum</c>).</summary>
    public int? Minimum { get; init; }

    /// <summary>For <see cref="SettingKind.Number"/>: the largest value a stack takes (the schema's <c>maximum</c>).</summary>
    public int? Maximum { get; init; }

    /// <summary>For <see cref="SettingKind.Number"/>: the rule a value out of range breaks, as the validation error says it.</summary>
    public string? RangeRule { get; init; }

    /// <summary>The stack-file key as a dotted path (<c>deploy.keepImages</c>; <c>*</c> for a name the user chooses), or null when the file has none.</summary>
    public string? FileKey { get; init; }

    /// <summary>The schema's <c>type</c> of <see cref="FileKey"/> when it is not the one <see cref="Kind"/> implies (several types, an object).</summary>
    public IReadOnlyList<string>? SchemaTypes { get; init; }

    /// <summary>The JSON-schema type(s) of <see cref="FileKey"/> (a <see cref="SettingKind.Choice"/> has an <c>enum</c> of <see cref="Values"/> instead).</summary>
    public IReadOnlyList<string> SchemaType => SchemaTypes ?? Kind switch
    {
        SettingKind.Flag => ["boolean"],
        SettingKind.Number => ["integer"],
        SettingKind.List => ["array"],
        _ => ["string"],
    };

    /// <inheritdoc/>
    public override string ToString() => Option ?? FileKey ?? Component.ToString();
}

/// <summary>What a setting's value is.</summary>
public enum SettingKind
{
    /// <summary>A text (<c>--branch main</c>).</summary>
    Text,

    /// <summary>A switch (<c>--privileged</c>); true in the stack file.</summary>
    Flag,

    /// <summary>A whole number (<c>--ecr-keep-images 30</c>).</summary>
    Number,

    /// <summary>One of a closed set (<see cref="StackSetting.Values"/>).</summary>
    Choice,

    /// <summary>A repeatable option, or a list in the stack file.</summary>
    List,

    /// <summary>A mapping of the stack file (no option).</summary>
    Mapping,
}

/// <summary>Where a setting's option is defined.</summary>
public enum SettingPlace
{
    /// <summary>Every stack verb takes it (<c>StackOptions.All</c>).</summary>
    StackVerbs,

    /// <summary>An option of the stack's options that only some verbs add (bootstrap's <c>--allow-delete</c>, ...).</summary>
    VerbSwitch,

    /// <summary>A common option of every verb that sends requests (<c>--region</c>).</summary>
    Global,

    /// <summary>No option: the stack file only.</summary>
    FileOnly,
}

/// <summary>The parts of a stack a setting belongs to (issue 25's components).</summary>
public enum StackComponent
{
    /// <summary>The stack itself: its name, file, environment, region.</summary>
    Stack,

    /// <summary>The CodeCommit repository (created, adopted or seeded).</summary>
    CodeCommitSource,

    /// <summary>A GitHub, GitLab or Bitbucket repository through a CodeConnections connection.</summary>
    ConnectionSource,

    /// <summary>The EventBridge rule that starts the pipeline on a push.</summary>
    Trigger,

    /// <summary>The CodeBuild project and its role.</summary>
    Build,

    /// <summary>The Test stage.</summary>
    TestStage,

    /// <summary>The pipeline, its role, type and artifact bucket.</summary>
    Pipeline,

    /// <summary>The website (S3 website, private bucket or CloudFront).</summary>
    Site,

    /// <summary>The S3 deploy target.</summary>
    S3Deploy,

    /// <summary>The ECS deploy target (an ECR repository, an existing ECS service).</summary>
    EcsDeploy,

    /// <summary>The manual approval stage and its topic.</summary>
    Approval,

    /// <summary>The stack file's environments (their own keys).</summary>
    Environments,

    /// <summary>How a run goes (permission check, deletions), not a part of the stack.</summary>
    Run,
}
