using Pipectl.Core.StackFiles;
using Pipectl.Core.Tests.Buildspecs;

namespace Pipectl.Core.Tests.StackFiles;

public sealed class StackFileParserTests
{
    [Fact]
    public void The_multi_environment_sample_parses_into_two_environments()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", RepositoryFiles.Read("samples/multi-env/pipectl.yaml"));

        Assert.Empty(errors);
        Assert.NotNull(file);
        Assert.Equal("shop", file.Name);
        Assert.Equal("us-east-1", file.Region);
        Assert.Equal("buildspec.yml", file.Build.Buildspec);
        Assert.Equal("The Shop", file.Build.EnvironmentVariables["SITE_TITLE"].Value);
        Assert.Equal(["staging", "production"], file.Environments.Select(e => e.Name));
        Assert.Equal("develop", file.Environments[0].Branch);
        Assert.Null(file.Environments[0].Approval);
        Assert.Equal("main", file.Environments[1].Branch);
        Assert.Equal(new StackFileApproval(true, "releases@example.com"), file.Environments[1].Approval);
    }

    [Fact]
    public void Every_key_is_read_into_the_model()
    {
        const string text = """
            name: demo
            region: eu-west-1
            repository:
              name: demo-src
              description: Demo sources
              branch: trunk
            build:
              image: aws/codebuild/standard:8.0
              computeType: BUILD_GENERAL1_MEDIUM
              sourceType: CODEPIPELINE
              buildspecInline: |
                version: 0.2
                phases:
                  build:
                    commands:
                      - make
              environmentVariables:
                STAGE: prod
                PORT: 8080
            buckets:
              artifacts: demo-artifacts-bucket
              site: demo-site-bucket
              privateSite: true
            approval:
              email: ops@example.com
            pipeline:
              type: V1
            """;

        var (file, errors) = StackFileParser.Parse("pipectl.yaml", text);

        Assert.Empty(errors);
        Assert.NotNull(file);
        Assert.Equal(new StackFileRepository { Name = "demo-src", Description = "Demo sources", Branch = "trunk" }, file.Repository);
        Assert.Equal("aws/codebuild/standard:8.0", file.Build.Image);
        Assert.Equal("BUILD_GENERAL1_MEDIUM", file.Build.ComputeType);
        Assert.Equal("CODEPIPELINE", file.Build.SourceType);
        Assert.StartsWith("version: 0.2\nphases:", file.Build.BuildspecContent, StringComparison.Ordinal);
        Assert.Equal("8080", file.Build.EnvironmentVariables["PORT"].Value);
        Assert.Equal(new StackFileBuckets { Artifacts = "demo-artifacts-bucket", Site = "demo-site-bucket", PrivateSite = true }, file.Buckets);
        Assert.Equal(new StackFileApproval(true, "ops@example.com"), file.Approval);
        Assert.Equal("V1", file.PipelineType);
        Assert.Empty(file.Environments);
    }

    /// <summary>(kind, text, line, column, part of the message).</summary>
    public static TheoryData<string, string, int, int, string> Malformed => new()
    {
        { "YAML syntax error", "name: demo\nbuild: [image\n", 3, 1, "invalid YAML" },
        { "duplicate key", "name: demo\nname: other\n", 2, 1, "duplicate key 'name'" },
        { "root is a list", "- name: demo\n", 1, 1, "must be a mapping" },
        { "missing name", "region: us-east-1\n", 1, 1, "name is required" },
        { "invalid stack name", "name: My_Stack\n", 1, 7, "lowercase letters, digits and hyphens" },
        { "invalid region", "name: demo\nregion: moon-base-1a\n", 2, 9, "is not a region code" },
        { "unknown top-level key", "name: demo\nenvironment:\n  staging: {}\n", 2, 1, "unknown key 'environment' in the top level (did you mean 'environments'?)" },
        { "unknown key in build", "name: demo\nbuild:\n  imagee: x\n", 3, 3, "unknown key 'imagee' in build (did you mean 'image'?)" },
        { "unknown compute type", "name: demo\nbuild:\n  computeType: BUILD_GENERAL1_HUGE\n", 3, 16, "build.computeType must be one of" },
        { "unknown source type", "name: demo\nbuild:\n  sourceType: GITHUB\n", 3, 15, "build.sourceType must be one of" },
        { "buildspec and buildspecInline together", "name: demo\nbuild:\n  buildspec: b.yml\n  buildspecInline: |\n    version: 0.2\n", 4, 20, "both set" },
        { "error inside the inline buildspec, at its line in the file", "name: demo\nbuild:\n  buildspecInline: |\n    version: 0.2\n    phases:\n      build:\n        commands: {make: all}\n", 7, 19, "build.buildspecInline: phases.build.commands must be a list" },
        { "environment variable mapping with an unknown key", "name: demo\nbuild:\n  environmentVariables:\n    A:\n      b: c\n", 5, 7, "unknown key 'b' in build.environmentVariables.A" },
        { "environment variable named CODEBUILD_", "name: demo\nbuild:\n  environmentVariables:\n    CODEBUILD_X: y\n", 4, 5, "starts with CODEBUILD_" },
        { "privateSite not a boolean", "name: demo\nbuckets:\n  privateSite: yes please\n", 3, 16, "buckets.privateSite must be true or false" },
        { "approval disabled but mailed", "name: demo\napproval:\n  enabled: false\n  email: ops@example.com\n", 3, 12, "approval.enabled is false but approval.email is set" },
        { "approval email not an address", "name: demo\napproval:\n  email: ops\n", 3, 10, "is not a mail address" },
        { "unknown pipeline type", "name: demo\npipeline:\n  type: V3\n", 3, 9, "pipeline.type must be one of V1, V2" },
        { "environments empty", "name: demo\nenvironments: {}\n", 2, 15, "environments is empty" },
        { "invalid environment name", "name: demo\nenvironments:\n  Prod_1:\n    branch: main\n", 3, 3, "environment names may contain only" },
        { "unknown key in an environment", "name: demo\nenvironments:\n  staging:\n    brnach: develop\n", 4, 5, "unknown key 'brnach' in environments.staging (did you mean 'branch'?)" },
        { "unknown key in an environment's approval", "name: demo\nenvironments:\n  prod:\n    approval:\n      mail: a@example.com\n", 5, 7, "unknown key 'mail' in environments.prod.approval (did you mean 'email'?)" },
        { "two environments on one branch", "name: demo\nenvironments:\n  a:\n    branch: main\n  b:\n    branch: main\n", 6, 13, "already builds branch main" },
        { "buckets.site with environments", "name: demo\nbuckets:\n  site: one-bucket\nenvironments:\n  staging:\n    branch: develop\n", 3, 9, "set siteBucket in each environment" },
        { "buckets.artifacts with environments", "name: demo\nbuckets:\n  artifacts: one-bucket\nenvironments:\n  staging:\n    branch: develop\n", 3, 14, "each environment has its own" },
        { "environment is a list", "name: demo\nenvironments:\n  staging:\n    - develop\n", 4, 5, "environments.staging must be a mapping" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_stack_file_is_reported_with_its_line_and_column(string kind, string text, int line, int column, string message)
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", text);

        Assert.Null(file);
        Assert.True(errors.Count > 0, $"{kind}: no diagnostic");
        Assert.Contains(errors, d => d.File == "pipectl.yaml" && d.Line == line && d.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_environment_with_no_settings_is_allowed()
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: demo\nenvironments:\n  dev:\n");

        Assert.Empty(errors);
        Assert.Equal("dev", Assert.Single(file!.Environments).Name);
    }

    [Fact]
    public void Load_reads_the_buildspec_file_relative_to_the_stack_file()
    {
        using var folder = new TempFolder();
        folder.Write("ci/pipectl.yaml", "name: demo\nbuild:\n  buildspec: buildspec.yml\n");
        folder.Write("ci/buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n");

        var (file, errors) = StackFileParser.Load("ci/pipectl.yaml", folder.Path);

        Assert.Empty(errors);
        Assert.Equal("version: 0.2\nphases:\n  build:\n    commands:\n      - make\n", file!.Build.BuildspecContent);
    }

    [Fact]
    public void Load_reports_a_missing_buildspec_file_at_the_line_that_names_it()
    {
        using var folder = new TempFolder();
        folder.Write("pipectl.yaml", "name: demo\nbuild:\n  image: x\n  buildspec: nowhere.yml\n");

        var (file, errors) = StackFileParser.Load("pipectl.yaml", folder.Path);

        Assert.Null(file);
        Assert.Equal("pipectl.yaml:4:14: build.buildspec: no such file nowhere.yml", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Load_reports_the_buildspec_files_own_problems_under_its_path()
    {
        using var folder = new TempFolder();
        folder.Write("ci/pipectl.yaml", "name: demo\nbuild:\n  buildspec: buildspec.yml\n");
        folder.Write("ci/buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands: {make: all}\n");

        var (file, errors) = StackFileParser.Load("ci/pipectl.yaml", folder.Path);

        Assert.Null(file);
        Assert.Equal("ci/buildspec.yml:4:15: phases.build.commands must be a list (lines starting with '- '), not a mapping", Assert.Single(errors).ToString());
    }

    /// <summary>A temporary folder, deleted afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("pipectl-stackfile-").FullName;

        public void Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
