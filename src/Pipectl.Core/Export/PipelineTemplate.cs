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

        properties["Tags"] = CloudFormationTemplate.Tags(spec.Tags);
        return CloudFormationTemplate.Resource("AWS::CodePipeline::Pipeline", properties);
    }

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
