using System.Text.Json.Nodes;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Export;

/// <summary>The <c>AWS::CodePipeline::Pipeline</c> of a <see cref="PipelineSpec"/>: its declaration as CreatePipeline gets it.</summary>
public static class PipelineTemplate
{
    /// <summary>The resource. RestartExecutionOnUpdate is false: bootstrap's UpdatePipeline starts no execution either.</summary>
    public static JsonObject Resource(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var declaration = spec.Declaration;
        var properties = new JsonObject
        {
            ["Name"] = TemplateTokens.Render(declaration.Name),
            ["RoleArn"] = TemplateTokens.Render(declaration.RoleArn),
            ["ArtifactStore"] = new JsonObject { ["Type"] = declaration.ArtifactStore.Type, ["Location"] = TemplateTokens.Render(declaration.ArtifactStore.Location) },
            ["Stages"] = new JsonArray(declaration.Stages.Select(s => (JsonNode?)Stage(s)).ToArray()),
            ["RestartExecutionOnUpdate"] = false,
        };
        if (declaration.PipelineType is not null)
        {
            properties["PipelineType"] = declaration.PipelineType;
        }

        if (declaration.ExecutionMode is not null)
        {
            properties["ExecutionMode"] = declaration.ExecutionMode;
        }

        if (declaration.Triggers.Count > 0)
        {
            properties["Triggers"] = new JsonArray(declaration.Triggers.Select(t => (JsonNode?)Trigger(t)).ToArray());
        }

        properties["Tags"] = CloudFormationTemplate.Tags(spec.Tags);
        return CloudFormationTemplate.Resource("AWS::CodePipeline::Pipeline", properties);
    }

    /// <summary>A V2 push trigger as CreatePipeline gets it: the branches, and the file paths when the stack names some.</summary>
    private static JsonObject Trigger(PipelineTrigger trigger)
    {
        var push = new JsonObject { ["Branches"] = new JsonObject { ["Includes"] = Texts(trigger.Branches) } };
        if (trigger.FilePaths.Count > 0)
        {
            push["FilePaths"] = new JsonObject { ["Includes"] = Texts(trigger.FilePaths) };
        }

        return new JsonObject
        {
            ["ProviderType"] = PipelineTrigger.ConnectionProvider,
            ["GitConfiguration"] = new JsonObject { ["SourceActionName"] = trigger.SourceActionName, ["Push"] = new JsonArray(push) },
        };
    }

    private static JsonArray Texts(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)TemplateTokens.Render(v)).ToArray());

    private static JsonObject Stage(PipelineStage stage) => new()
    {
        ["Name"] = stage.Name,
        ["Actions"] = new JsonArray(stage.Actions.Select(a => (JsonNode?)Action(a)).ToArray()),
    };

    private static JsonObject Action(PipelineAction action)
    {
        var node = new JsonObject
        {
            ["Name"] = action.Name,
            ["ActionTypeId"] = new JsonObject { ["Category"] = action.Category, ["Owner"] = action.Owner, ["Provider"] = action.Provider, ["Version"] = action.Version },
        };
        if (action.RunOrder is { } runOrder)
        {
            node["RunOrder"] = runOrder;
        }

        if (action.Configuration.Count > 0)
        {
            var configuration = new JsonObject();
            foreach (var (key, value) in action.Configuration)
            {
                configuration[key] = TemplateTokens.Render(value);
            }

            node["Configuration"] = configuration;
        }

        if (action.InputArtifacts.Count > 0)
        {
            node["InputArtifacts"] = Artifacts(action.InputArtifacts);
        }

        if (action.OutputArtifacts.Count > 0)
        {
            node["OutputArtifacts"] = Artifacts(action.OutputArtifacts);
        }

        if (action.RoleArn is not null)
        {
            node["RoleArn"] = TemplateTokens.Render(action.RoleArn);
        }

        return node;
    }

    private static JsonArray Artifacts(IReadOnlyList<string> names) => new(names.Select(n => (JsonNode?)new JsonObject { ["Name"] = n }).ToArray());
}
