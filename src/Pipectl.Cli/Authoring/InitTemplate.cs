namespace Pipectl.Cli.Authoring;

/// <summary>
/// What <c>pipectl init</c> writes for one kind of project: a <c>pipectl.yaml</c> and the ready-made buildspec
/// of <c>buildspecs/</c> (a test keeps the two copies identical).
/// </summary>
/// <param name="Name">The <c>--template</c> value.</param>
/// <param name="Buildspec">The buildspec.yml text.</param>
/// <param name="StackFileBuild">The <c>build:</c> lines of pipectl.yaml, indented by two spaces.</param>
/// <param name="Note">A comment line at the top of pipectl.yaml about this kind of project.</param>
public sealed record InitTemplate(string Name, string Buildspec, string StackFileBuild, string Note)
{
    /// <summary>A <c>deploy:</c> section (at column 0) for a template that does not deploy to the website bucket; null for the default.</summary>
    public string? StackFileDeploy { get; init; }

    /// <summary>The pipectl.yaml text for a stack named <paramref name="stackName"/>.</summary>
    public string StackFile(string stackName) => $$"""
        # pipectl.yaml: this project's delivery pipeline as code. `pipectl validate` checks it and
        # buildspec.yml; `pipectl bootstrap -f pipectl.yaml` builds the stack it describes.
        # {{Note}}
        # Every key: schemas/pipectl.schema.json in the pipectl repository.
        name: {{stackName}}
        # region: us-east-1   # default: --region, AWS_REGION or the profile's region

        repository:
          branch: main

        build:
        {{StackFileBuild}}
          # CodeBuild reads buildspec.yml from the repository on every build. To inline this local file into
          # the build project instead, uncomment:
          # buildspec: buildspec.yml

        pipeline:
          type: V2
        {{(StackFileDeploy is null ? string.Empty : "\n" + StackFileDeploy)}}
        # A manual approval before every deploy, mailed through SNS:
        # approval:
        #   enabled: true
        #   email: releases@example.com
        {{(StackFileDeploy is null ? EnvironmentsComment : string.Empty)}}

        """;

    // A container deploy names one service: it has no environments (one stack file per service).
    private const string EnvironmentsComment = """

        # One pipeline per environment instead of one (each with its own branch, trigger and website bucket):
        # environments:
        #   staging:
        #     branch: develop
        #   production:
        #     branch: main
        #     approval:
        #       enabled: true
        """;
}
