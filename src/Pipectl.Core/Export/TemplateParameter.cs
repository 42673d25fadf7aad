namespace Pipectl.Core.Export;

/// <summary>A template parameter: a String with a default (the value the stack file gives), or none when only the deploying account knows it.</summary>
/// <param name="Name">The parameter's logical name, also the name of its token (<see cref="TemplateTokens.Token"/>).</param>
/// <param name="Default">The value bootstrap would use, or null: the value must be given when the template is deployed.</param>
/// <param name="Description">What it sets.</param>
/// <param name="AllowedPattern">A pattern CloudFormation checks the value against before it creates anything, or null.</param>
public sealed record TemplateParameter(string Name, string? Default, string Description, string? AllowedPattern = null);
