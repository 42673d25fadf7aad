namespace Pipectl.Core.Provisioning;

/// <summary>A resource's desired state, able to say how an existing resource differs from it.</summary>
/// <typeparam name="TState">What a driver reads back from AWS.</typeparam>
public interface IDesiredState<in TState>
{
    /// <summary>The resource's name, as shown to people.</summary>
    string Name { get; }

    /// <summary>One short line per setting that differs ("image: aws/codebuild/standard:6.0 -> 7.0"); empty when none.</summary>
    IReadOnlyList<string> DifferencesFrom(TState actual);
}
