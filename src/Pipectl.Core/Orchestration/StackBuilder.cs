using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// One part of a stack (the CodeCommit or connection source, the site, the deploy target, the test stage, the
/// approval, the trigger, the pipeline itself): it adds its own entries to a <see cref="StackBuilder"/> and says,
/// through the builder's needs, what it asks of the entries other parts own. No part edits another's entries.
/// </summary>
internal interface IStackComponent
{
    void Contribute(StackBuilder stack);
}

/// <summary>A reference to an entry a component added, typed by the entry's desired and actual state.</summary>
internal readonly record struct EntryRef<TSpec, TState>(string Key)
    where TSpec : IDesiredState<TState>
    where TState : class;

/// <summary>
/// Collects the entries of one stack from its components. Every entry is added once, under a unique key; a
/// dependency names an entry some component added, and one that names no entry fails when the stack is built
/// (<see cref="Entries"/>), instead of being dropped silently.
/// </summary>
internal sealed class StackBuilder
{
    private readonly List<ResourceEntry> entries = [];

    public StackBuilder(StackSpec spec)
    {
        Spec = spec;
        Tags = StackOwnership.TagsFor(spec.StackName, spec.Region);
        Arns = StackArns.For(spec);
        Policies = new StackPolicies(spec, Arns);
    }

    public StackSpec Spec { get; }

    /// <summary>The ownership tags every resource of the stack carries.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    public StackArns Arns { get; }

    public StackPolicies Policies { get; }

    /// <summary>What other parts ask of the build project (the pipeline's Build action).</summary>
    public BuildNeeds Build { get; } = new();

    /// <summary>What other parts ask of the pipeline and its role.</summary>
    public PipelineNeeds Pipeline { get; } = new();

    public EntryRef<TSpec, TState> Add<TSpec, TState>(ResourceEntry<TSpec, TState> entry)
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(entry);
        AddEntry(entry);
        return new EntryRef<TSpec, TState>(entry.Key);
    }

    /// <summary>Entries a part made as a list (each is still checked like one added alone).</summary>
    public void AddAll(IEnumerable<ResourceEntry> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        foreach (var entry in added)
        {
            AddEntry(entry);
        }
    }

    /// <summary>A role entry of the stack, named by <paramref name="nameOption"/>.</summary>
    public EntryRef<RoleSpec, RoleState> AddRole(string key, StackParts part, IReadOnlyList<string> dependsOn, RoleDefinition role, string nameOption) =>
        Add(new ResourceEntry<RoleSpec, RoleState>(key, part, dependsOn, RoleSpec.From(role, Tags), d => d.Roles) { NameOption = nameOption });

    private void AddEntry(ResourceEntry entry)
    {
        if (entries.Any(e => e.Key == entry.Key))
        {
            throw new InvalidOperationException($"Two parts of the stack add an entry keyed {entry.Key}.");
        }

        entries.Add(entry);
    }

    /// <summary>Every entry added, once each dependency has been checked to name one of them.</summary>
    public IReadOnlyList<ResourceEntry> Entries()
    {
        var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.DependsOn.Concat(entry.NeededOnlyToCreate).FirstOrDefault(k => !keys.Contains(k)) is { } dangling)
            {
                throw new InvalidOperationException($"The entry {entry.Key} of the stack depends on {dangling}, which no part of the stack adds.");
            }

            if (entry.NeededOnlyToCreate.FirstOrDefault(k => !entry.DependsOn.Contains(k)) is { } loose)
            {
                throw new InvalidOperationException($"The entry {entry.Key} of the stack needs {loose} to be created but does not depend on it.");
            }
        }

        return [.. entries];
    }
}

/// <summary>What the parts of a stack ask of its build project: entries it waits for, variables and privileged mode.</summary>
internal sealed class BuildNeeds
{
    private readonly List<string> dependsOn = [];
    private readonly Dictionary<string, BuildVariable> variables = new(StringComparer.Ordinal);

    public IReadOnlyList<string> DependsOn => dependsOn;

    /// <summary>Variables a part sets on the project; they take the place of the stack's own of the same name.</summary>
    public IReadOnlyDictionary<string, BuildVariable> Variables => variables;

    /// <summary>True when a part needs the build to run Docker (privileged mode).</summary>
    public bool Privileged { get; private set; }

    public void WaitFor(string key) => dependsOn.Add(key);

    public void Set(string name, BuildVariable value) => variables[name] = value;

    public void RunPrivileged() => Privileged = true;
}

/// <summary>
/// What the parts of a stack ask of the pipeline and its role: entries the pipeline waits for (and those it needs
/// only to be created), entries the role waits for, and values known only at apply time (a connection's ARN, which
/// AWS picks) that both take from the run's outputs.
/// </summary>
internal sealed class PipelineNeeds
{
    private readonly List<string> dependsOn = [];
    private readonly List<string> neededOnlyToCreate = [];
    private readonly List<string> roleDependsOn = [];
    private readonly List<Func<StackSpec, IReadOnlyDictionary<string, string>, StackSpec>> atApply = [];

    public IReadOnlyList<string> DependsOn => dependsOn;

    public IReadOnlyList<string> NeededOnlyToCreate => neededOnlyToCreate;

    public IReadOnlyList<string> RoleDependsOn => roleDependsOn;

    /// <summary>True when the pipeline and its role are completed at apply time (<see cref="SpecAtApply"/>).</summary>
    public bool CompletedAtApply => atApply.Count > 0;

    /// <summary>The pipeline waits for <paramref name="key"/>; with <paramref name="onlyToCreate"/>, teardown need not keep it until the pipeline is gone.</summary>
    public void WaitFor(string key, bool onlyToCreate = false)
    {
        dependsOn.Add(key);
        if (onlyToCreate)
        {
            neededOnlyToCreate.Add(key);
        }
    }

    /// <summary>The pipeline and its role wait for <paramref name="key"/>, and are completed from the run's outputs by <paramref name="complete"/>.</summary>
    public void CompleteFrom(string key, Func<StackSpec, IReadOnlyDictionary<string, string>, StackSpec> complete)
    {
        dependsOn.Add(key);
        roleDependsOn.Add(key);
        atApply.Add(complete);
    }

    /// <summary>The stack's settings with what the run's outputs tell (<see cref="CompleteFrom"/>).</summary>
    public StackSpec SpecAtApply(StackSpec spec, IReadOnlyDictionary<string, string> outputs) =>
        atApply.Aggregate(spec, (current, complete) => complete(current, outputs));
}
