using AwsAction = Pipectl.Aws.CodePipeline.ActionDeclaration;
using AwsActionTypeId = Pipectl.Aws.CodePipeline.ActionTypeId;
using AwsArtifactStore = Pipectl.Aws.CodePipeline.ArtifactStore;
using AwsInputArtifact = Pipectl.Aws.CodePipeline.InputArtifact;
using AwsOutputArtifact = Pipectl.Aws.CodePipeline.OutputArtifact;
using AwsPipeline = Pipectl.Aws.CodePipeline.PipelineDeclaration;
using AwsStage = Pipectl.Aws.CodePipeline.StageDeclaration;
using CoreAction = Pipectl.Core.Pipelines.PipelineAction;
using CoreArtifactStore = Pipectl.Core.Pipelines.PipelineArtifactStore;
using CorePipeline = Pipectl.Core.Pipelines.PipelineDeclaration;
using CoreStage = Pipectl.Core.Pipelines.PipelineStage;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// Converts between Core's pipeline declaration and CodePipeline's wire shape, both ways, without losing
/// anything Core models: stages, actions (type id, run order, configuration, artifacts, role), the pipeline
/// role, artifact store, type, execution mode and version. What Core does not model (an action's region and
/// namespace, V2 variables, trigger filters beyond the first push filter's includes) is not carried. Empty configurations and artifact lists are sent as
/// absent; absent ones read back as empty, so a declaration survives Core -> AWS -> Core unchanged.
/// </summary>
public static class PipelineDeclarationMapper
{
    /// <summary>The wire shape of <paramref name="declaration"/> (its version included when it has one).</summary>
    public static AwsPipeline ToAws(CorePipeline declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return new AwsPipeline(
            declaration.Name,
            declaration.RoleArn,
            string.IsNullOrEmpty(declaration.ArtifactStore.Type) && string.IsNullOrEmpty(declaration.ArtifactStore.Location)
                ? null
                : new AwsArtifactStore(declaration.ArtifactStore.Type, declaration.ArtifactStore.Location),
            declaration.Stages.Select(ToAws).ToList(),
            declaration.Version,
            declaration.PipelineType,
            declaration.ExecutionMode,
            declaration.Triggers.Count == 0 ? null : declaration.Triggers.Select(ToAws).ToList());
    }

    private static Pipectl.Aws.CodePipeline.PipelineTriggerDeclaration ToAws(Pipectl.Core.Pipelines.PipelineTrigger trigger) => new(
        Pipectl.Core.Pipelines.PipelineTrigger.ConnectionProvider,
        new Pipectl.Aws.CodePipeline.GitConfiguration(
            trigger.SourceActionName,
            [new Pipectl.Aws.CodePipeline.GitPushFilter(
                new Pipectl.Aws.CodePipeline.GitFilterCriteria(trigger.Branches),
                trigger.FilePaths.Count == 0 ? null : new Pipectl.Aws.CodePipeline.GitFilterCriteria(trigger.FilePaths))]));

    /// <summary>Core's view of a trigger: its first push filter's includes (the shape pipectl writes; others differ).</summary>
    private static Pipectl.Core.Pipelines.PipelineTrigger ToCore(Pipectl.Aws.CodePipeline.PipelineTriggerDeclaration trigger)
    {
        var push = trigger.GitConfiguration.Push is { Count: > 0 } filters ? filters[0] : null;
        return new Pipectl.Core.Pipelines.PipelineTrigger(
            trigger.GitConfiguration.SourceActionName,
            push?.Branches?.Includes ?? [],
            push?.FilePaths?.Includes ?? []);
    }

    /// <summary>Core's view of a declaration CodePipeline returned (or was sent).</summary>
    public static CorePipeline ToCore(AwsPipeline declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return new CorePipeline
        {
            Name = declaration.Name,
            RoleArn = declaration.RoleArn,
            // A pipeline without a single artifact store (cross-region artifactStores) reads as an empty one,
            // which differs from any store pipectl asks for.
            ArtifactStore = declaration.ArtifactStore is { } store
                ? new CoreArtifactStore(store.Type, store.Location)
                : new CoreArtifactStore(string.Empty, string.Empty),
            Stages = (declaration.Stages ?? []).Select(ToCore).ToList(),
            PipelineType = declaration.PipelineType,
            ExecutionMode = declaration.ExecutionMode,
            Triggers = (declaration.Triggers ?? []).Select(ToCore).ToList(),
            Version = declaration.Version,
        };
    }

    private static AwsStage ToAws(CoreStage stage) => new(stage.Name, stage.Actions.Select(ToAws).ToList());

    private static AwsAction ToAws(CoreAction action) => new(
        action.Name,
        new AwsActionTypeId(action.Category, action.Owner, action.Provider, action.Version),
        action.RunOrder,
        action.Configuration.Count == 0 ? null : new Dictionary<string, string>(action.Configuration, StringComparer.Ordinal),
        action.InputArtifacts.Count == 0 ? null : action.InputArtifacts.Select(name => new AwsInputArtifact(name)).ToList(),
        action.OutputArtifacts.Count == 0 ? null : action.OutputArtifacts.Select(name => new AwsOutputArtifact(name)).ToList(),
        string.IsNullOrEmpty(action.RoleArn) ? null : action.RoleArn);

    private static CoreStage ToCore(AwsStage stage) => new(stage.Name, (stage.Actions ?? []).Select(ToCore).ToList());

    private static CoreAction ToCore(AwsAction action) => new()
    {
        Name = action.Name,
        Category = action.ActionTypeId.Category,
        Owner = action.ActionTypeId.Owner,
        Provider = action.ActionTypeId.Provider,
        Version = action.ActionTypeId.Version,
        RunOrder = action.RunOrder,
        Configuration = action.Configuration is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(action.Configuration, StringComparer.Ordinal),
        InputArtifacts = (action.InputArtifacts ?? []).Select(a => a.Name).ToList(),
        OutputArtifacts = (action.OutputArtifacts ?? []).Select(a => a.Name).ToList(),
        RoleArn = string.IsNullOrEmpty(action.RoleArn) ? null : action.RoleArn,
    };
}
