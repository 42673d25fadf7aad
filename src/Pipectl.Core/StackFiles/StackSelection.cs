using Pipectl.Core.Validation;

namespace Pipectl.Core.StackFiles;

/// <summary>Why <c>-f</c>, <c>--name</c> and <c>--env</c> do not select a stack (each is bad input, exit 2).</summary>
public enum StackSelectionError
{
    /// <summary>No stack file and no <c>--name</c>.</summary>
    NameRequired,

    /// <summary><c>--name</c> next to <c>-f</c>: the stack file names the stack.</summary>
    NameConflictsWithFile,

    /// <summary><c>--env</c> without a stack file, for a verb that finds environments only in one.</summary>
    EnvironmentWithoutFile,

    /// <summary><c>--env</c> names an environment the stack file does not define (or the file defines none).</summary>
    UnknownEnvironment,

    /// <summary>The stack file defines environments and the verb acts on one: <c>--env</c> must pick it.</summary>
    EnvironmentRequired,
}

/// <summary>A stack selection that fails: the kind says which rule, the message is the one line shown; error.code BadInput.</summary>
public sealed class StackSelectionException(StackSelectionError error, string message) : Exception(message), ICodedFailure
{
    public StackSelectionError Error { get; } = error;

    public string ErrorCode => ErrorCodes.BadInput;
}

/// <summary>What a stack verb was given to choose its stack with: the options and whether ./pipectl.yaml exists.</summary>
public sealed record StackSelectionRequest
{
    /// <summary><c>-f FILE</c>, or null.</summary>
    public string? File { get; init; }

    /// <summary><c>--name</c>, or null.</summary>
    public string? Name { get; init; }

    /// <summary><c>--env</c>, or null.</summary>
    public string? Environment { get; init; }

    /// <summary>Whether <c>./pipectl.yaml</c> exists (the default stack file when neither -f nor --name is given).</summary>
    public bool DefaultFileExists { get; init; }

    /// <summary>
    /// Whether <c>--env</c> may come with <c>--name</c> alone: teardown finds a stack's environments by its tags, so
    /// <c>teardown --name shop --env prod</c> removes one environment. Every other verb reads environments from the file.
    /// </summary>
    public bool EnvironmentByTags { get; init; }
}

/// <summary>
/// The stack a verb acts on, chosen from <c>-f</c>, <c>--name</c> and <c>--env</c> by one set of rules (every stack
/// and operator verb and export use it):
/// <list type="number">
/// <item><c>-f FILE</c> with <c>--name</c> is an error: the file names the stack.</item>
/// <item><c>-f FILE</c> reads that file; without -f and --name, <c>./pipectl.yaml</c> is read when it exists.</item>
/// <item><c>--name</c> wins over the default file, which is then not read (<see cref="Note"/> says so).</item>
/// <item>Without a file, <c>--name</c> is required, and <c>--env</c> is an error unless the verb finds environments by the stack's tags.</item>
/// </list>
/// </summary>
/// <param name="FilePath">The stack file to read, or null for a stack named by <c>--name</c>.</param>
/// <param name="Name">The <c>--name</c> value when no file is read (the file's <c>name:</c> otherwise, known once it is read).</param>
/// <param name="Environment">The <c>--env</c> value, or null.</param>
public sealed record StackSelection(string? FilePath, string? Name, string? Environment)
{
    /// <summary>A line for stderr when ./pipectl.yaml exists but <c>--name</c> made the run skip it; null otherwise.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the stack comes from a stack file.</summary>
    public bool FromFile => FilePath is not null;

    /// <summary>Applies the rules above; a broken rule is a <see cref="StackSelectionException"/> naming the values.</summary>
    public static StackSelection Choose(StackSelectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = string.IsNullOrEmpty(request.Name) ? null : request.Name;
        if (request.File is { } file)
        {
            return name is null
                ? new StackSelection(file, null, request.Environment)
                : throw new StackSelectionException(StackSelectionError.NameConflictsWithFile, $"--name \"{SafeFragment.Visible(name)}\" conflicts with -f \"{SafeFragment.Visible(file)}\": the stack file names the stack; drop one of them.");
        }

        if (request.DefaultFileExists && name is null)
        {
            return new StackSelection(StackFileParser.DefaultFileName, null, request.Environment);
        }

        if (request.Environment is { } environment && !request.EnvironmentByTags)
        {
            throw new StackSelectionException(StackSelectionError.EnvironmentWithoutFile, $"--env \"{SafeFragment.Visible(environment)}\": environments come from a stack file: add -f {StackFileParser.DefaultFileName}.");
        }

        if (name is null)
        {
            throw new StackSelectionException(StackSelectionError.NameRequired, $"--name is required (or run it where a {StackFileParser.DefaultFileName} is, or pass -f FILE).");
        }

        var note = request.DefaultFileExists
            ? $"--name {SafeFragment.Visible(name)} given, so ./{StackFileParser.DefaultFileName} is not read (to use it, drop --name or pass -f {StackFileParser.DefaultFileName} alone)."
            : null;
        return new StackSelection(null, name, request.Environment) { Note = note };
    }

    /// <summary>
    /// The environment of <paramref name="file"/> this selection acts on: its <c>--env</c> when the file defines it,
    /// null for a file without environments; <paramref name="oneRequired"/> (a verb on one pipeline) makes a file
    /// with environments need <c>--env</c>.
    /// </summary>
    public static string? EnvironmentIn(StackFile file, string? environment, bool oneRequired)
    {
        ArgumentNullException.ThrowIfNull(file);
        var names = string.Join(", ", file.Environments.Select(e => e.Name));
        if (environment is null)
        {
            return oneRequired && file.Environments.Count > 0
                ? throw new StackSelectionException(StackSelectionError.EnvironmentRequired, $"{file.SourcePath} defines the environments {names}: pick one with --env")
                : null;
        }

        if (file.Environments.Count == 0)
        {
            throw new StackSelectionException(StackSelectionError.UnknownEnvironment, $"{file.SourcePath} defines no environments: drop --env {SafeFragment.Visible(environment)}");
        }

        return file.Environments.Any(e => e.Name == environment)
            ? environment
            : throw new StackSelectionException(StackSelectionError.UnknownEnvironment, $"{file.SourcePath} has no environment '{SafeFragment.Visible(environment)}' (it defines {names})");
    }
}
