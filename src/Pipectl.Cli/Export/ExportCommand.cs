using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Stacks;
using Pipectl.Core.Export;
using Pipectl.Core.Orchestration;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Export;

/// <summary>
/// <c>pipectl export [-f pipectl.yaml] [--env E] [--format cloudformation]</c>: prints the CloudFormation
/// template that creates what <c>bootstrap</c> creates (YAML; JSON with <c>--json</c>). It reads local files
/// only: no credentials, no request. The input is checked as bootstrap checks it (exit 2 on a bad value) before
/// the template is built from the same resource graph, with the stack name, account, region, partition and
/// branches left to CloudFormation.
/// </summary>
public static class ExportCommand
{
    /// <summary>The region names are checked in when the file gives none (the template itself names no region).</summary>
    private const string CheckRegion = "us-east-1";

    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var stack = new StackOptions();
        var format = new Option<string>("--format")
        {
            Description = $"Template format: {StackTemplate.CloudFormationFormat} (the only one)",
            DefaultValueFactory = _ => StackTemplate.CloudFormationFormat,
        };
        var json = new Option<bool>("--json") { Description = "Print the template as JSON (also --output json); YAML by default" };
        var retain = new Option<bool>("--retain") { Description = "DeletionPolicy and UpdateReplacePolicy Retain on every resource: what a resource import of a live stack needs" };
        var command = new Command("export", "Print a CloudFormation template that creates the same stack as bootstrap (YAML; --json for JSON); nothing is sent to AWS. Takes every stack option; --seed, --seed-allow-secret and --wait-connection are ignored.");
        stack.AddTo(command);

        command.Options.Add(format);
        command.Options.Add(json);
        command.Options.Add(retain);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, _ => RunAsync(parse, stack, parse.GetValue(format), parse.GetValue(json) || settings.Json, parse.GetValue(retain), console), cancellationToken, Output.ErrorJson.Reporter("export", settings, console));
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, StackOptions options, string? format, bool asJson, bool retain, CliConsole console)
    {
        if (!string.Equals(format, StackTemplate.CloudFormationFormat, StringComparison.Ordinal))
        {
            throw new UsageException($"--format \"{SafeFragment.Visible(format ?? string.Empty)}\": the only template format is {StackTemplate.CloudFormationFormat}.");
        }

        var buildspec = LocalInputs.ReadBuildspec(parse.GetValue(options.Buildspec));
        var file = LoadStackFile(parse, options, console);
        var stackName = file?.Name ?? parse.GetValue(options.Name)!; // the selection required --name without a file

        // Checked as bootstrap checks them, in a concrete region and account: a template of names AWS refuses helps nobody.
        var region = file?.Region ?? CheckRegion;
        var checkedSpecs = Specs(parse, options, file, stackName, region, AwsConstraints.AccountIdStandIn, buildspec);
        var errors = new StackSpecValidator().ValidateAll(checkedSpecs);
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine + "pipectl: ", errors.Select(e => e.ToString())));
        }

        // The template holds the build variables as the project would: a plain-text one whose name says it is a secret
        // is written into the template in the clear, so it gets the warning bootstrap gives.
        foreach (var warning in BuildVariableRules.Warnings(checkedSpecs[0].Spec.EnvironmentVariables))
        {
            await console.Error.WriteLineAsync($"pipectl: warning: {warning}").ConfigureAwait(false);
        }

        System.Text.Json.Nodes.JsonObject template;
        try
        {
            template = StackTemplate.For(stackName, (name, inRegion, account) => Specs(parse, options, file, name, inRegion, account, buildspec), retain);
        }
        catch (LogicalIdClashException e)
        {
            throw new UsageException("export: " + e.Message);
        }

        await console.Out.WriteAsync(asJson ? TemplateYaml.WriteJson(template) : TemplateYaml.Write(template)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static StackFile? LoadStackFile(ParseResult parse, StackOptions options, CliConsole console)
    {
        var selection = DefaultStackFile.Select(parse.GetValue(options.File), parse.GetValue(options.Name), parse.GetValue(options.Environment), console);
        if (selection.FilePath is not { } path)
        {
            return null;
        }

        var file = LocalInputs.ReadStackFile(path, parse.GetValue(options.AllowOutsidePaths));
        StackSelection.EnvironmentIn(file, selection.Environment, oneRequired: false);
        return file;
    }

    /// <summary>The stack's specs under <paramref name="stackName"/> in <paramref name="region"/> and <paramref name="accountId"/> (real values or tokens).</summary>
    private static IReadOnlyList<EnvironmentStackSpec> Specs(ParseResult parse, StackOptions options, StackFile? file, string stackName, string region, string accountId, string? buildspec)
    {
        var overrides = options.Overrides(parse, buildspec);
        if (file is null)
        {
            return [new EnvironmentStackSpec(null, overrides.ApplyTo(StackSpec.FromStackName(stackName, region, accountId)))];
        }

        return StackTemplate.FileSpecs(file, parse.GetValue(options.Environment), stackName, region, accountId, overrides);
    }
}
