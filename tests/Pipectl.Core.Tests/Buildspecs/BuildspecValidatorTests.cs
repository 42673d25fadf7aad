using System.Text.RegularExpressions;
using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs;

public sealed partial class BuildspecValidatorTests
{
    private const string V = "version: 0.2\n";

    /// <summary>A valid phases section: lines 2-5 after <see cref="V"/>.</summary>
    private const string P = "phases:\n  build:\n    commands:\n      - echo hi\n";

    /// <summary>Every kind of malformed buildspec the validator catches: (kind, text, line, column, part of the message).</summary>
    public static TheoryData<string, string, int, int, string> Malformed => new()
    {
        { "YAML syntax error (unterminated quote)", V + "phases:\n  build:\n    commands:\n      - \"echo hi\n", 5, 9, "invalid YAML" },
        { "tab in the indentation", V + "phases:\n  build:\n\tcommands:\n      - echo\n", 4, 1, "a tab in the indentation" },
        { "duplicate key", V + "phases:\n  build:\n    commands:\n      - a\n  build:\n    commands:\n      - b\n", 6, 3, "duplicate key 'build'" },
        { "empty file", "  \n", 1, 1, "the file is empty" },
        { "more than one YAML document", V + P + "---\nversion: 0.2\n", 7, 1, "more than one YAML document" },
        { "root is a list, not a mapping", "- version: 0.2\n", 1, 1, "a buildspec is a mapping" },
        { "missing version", P, 1, 1, "has no version" },
        { "unsupported version", "version: 0.3\n" + P, 1, 10, "version 0.3 is not a buildspec version" },
        { "missing phases", V + "artifacts:\n  files:\n    - x\n", 1, 1, "has no phases" },
        { "command with an unquoted ': ' (read as a mapping)", V + "phases:\n  build:\n    commands:\n      - echo Result: ok\n", 5, 9, "put the item in quotes" },
        { "finally item is a list", V + "phases:\n  build:\n    commands:\n      - x\n    finally:\n      - [a, b]\n", 7, 9, "each item of phases.build.finally must be text" },
        { "phase is a list", V + "phases:\n  build:\n    - npm test\n", 4, 5, "phases.build must be a mapping" },
        { "on-failure not a known value", V + "phases:\n  build:\n    on-failure: STOP\n    commands:\n      - x\n", 4, 17, "must be ABORT, CONTINUE, RETRY" },
        { "on-failure retry count over 100", V + "phases:\n  build:\n    on-failure: RETRY-101\n    commands:\n      - x\n", 4, 17, "the retry count 101 is out of range" },
        { "on-failure retry with an invalid regex", V + "phases:\n  build:\n    on-failure: RETRY-2-[oops\n    commands:\n      - x\n", 4, 17, "is not a valid regular expression" },
        { "env variable value is a list", V + "env:\n  variables:\n    A: [1, 2]\n" + P, 4, 8, "env.variables.A must be a single value" },
        { "env variable named CODEBUILD_", V + "env:\n  variables:\n    CODEBUILD_X: y\n" + P, 4, 5, "starts with CODEBUILD_" },
        { "parameter-store is a list", V + "env:\n  parameter-store:\n    - /my/param\n" + P, 4, 5, "env.parameter-store must be a mapping" },
        { "git-credential-helper neither yes nor no", V + "env:\n  git-credential-helper: maybe\n" + P, 3, 26, "env.git-credential-helper must be yes or no" },
        { "unknown shell", V + "env:\n  shell: zsh\n" + P, 3, 10, "env.shell must be one of bash" },
        { "proxy switch neither yes nor no", V + "proxy:\n  logs: sometimes\n" + P, 3, 9, "proxy.logs must be yes or no" },
        { "batch fast-fail not a boolean", V + P + "batch:\n  fast-fail: maybe\n", 7, 14, "batch.fast-fail must be true or false" },
        { "artifacts without files", V + P + "artifacts:\n  base-directory: dist\n", 7, 3, "artifacts has no files" },
        { "discard-paths neither yes nor no", V + P + "artifacts:\n  files:\n    - x\n  discard-paths: maybe\n", 9, 18, "artifacts.discard-paths must be yes or no" },
        { "secondary artifact without files", V + P + "artifacts:\n  files:\n    - x\n  secondary-artifacts:\n    extra:\n      name: e\n", 11, 7, "artifacts.secondary-artifacts.extra has no files" },
        { "unknown report file format", V + P + "reports:\n  tests:\n    files:\n      - r.xml\n    file-format: JSON\n", 10, 18, "reports.tests.file-format must be one of" },
        { "report group without files", V + P + "reports:\n  tests:\n    base-directory: r\n", 8, 5, "reports.tests has no files" },
        { "unknown cache action", V + P + "cache:\n  paths:\n    - x\n  action: both\n", 9, 11, "cache.action must be one of restore, save" },
        { "more than five fallback keys", V + P + "cache:\n  paths:\n    - x\n  fallback-keys: [a, b, c, d, e, f]\n", 9, 18, "at most 5 fallback keys" },
    };

    /// <summary>What CodeBuild runs anyway but is probably a mistake: (kind, text, line, column, part of the message).</summary>
    public static TheoryData<string, string, int, int, string> Tolerated => new()
    {
        { "unknown top-level key", V + P + "artifact:\n  files:\n    - x\n", 6, 1, "unknown key 'artifact' in the buildspec (did you mean 'artifacts'?)" },
        { "unknown phase", V + "phases:\n  test:\n    commands:\n      - x\n", 3, 3, "unknown key 'test' in phases" },
        { "misspelt phase", V + "phases:\n  prebuild:\n    commands:\n      - x\n", 3, 3, "did you mean 'pre_build'?" },
        { "runtime-versions outside install", V + "phases:\n  build:\n    runtime-versions:\n      nodejs: 18\n    commands:\n      - x\n", 4, 5, "runtime-versions belongs in phases.install only" },
        { "commands is text, not a list", V + "phases:\n  build:\n    commands: npm test\n", 4, 15, "phases.build.commands is one command written as text" },
        { "build phase without commands", V + "phases:\n  build:\n    run-as: root\n", 4, 5, "phases.build has no commands" },
        { "unknown env key", V + "env:\n  variable:\n    A: b\n" + P, 3, 3, "did you mean 'variables'?" },
        { "exported variable starting with AWS_", V + "env:\n  exported-variables:\n    - AWS_REGION\n" + P, 4, 7, "starts with AWS_" },
        { "unknown artifacts key", V + P + "artifacts:\n  files:\n    - x\n  base-dir: dist\n", 9, 3, "did you mean 'base-directory'?" },
        { "cache paths is text, not a list", V + P + "cache:\n  paths: /root/.npm\n", 7, 10, "cache.paths is one path written as text" },
    };

    [Theory]
    [MemberData(nameof(Tolerated))]
    public void Tolerated_mistake_is_a_warning_at_its_line_and_column_not_an_error(string kind, string text, int line, int column, string message)
    {
        var diagnostics = BuildspecValidator.ValidateWithWarnings("buildspec.yml", text);

        Assert.True(diagnostics.Count > 0, $"{kind}: no warning");
        Assert.Contains(diagnostics, d => !d.IsError && d.Line == line && d.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Empty(BuildspecValidator.Validate("buildspec.yml", text));
        Assert.All(diagnostics, d => Assert.Matches(@"^buildspec\.yml:\d+:\d+: warning: \S", d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_buildspec_is_reported_with_its_line_and_column(string kind, string text, int line, int column, string message)
    {
        var diagnostics = BuildspecValidator.Validate("buildspec.yml", text);

        Assert.True(diagnostics.Count > 0, $"{kind}: no diagnostic");
        Assert.Contains(diagnostics, d => d.Line == line && d.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Matches(@"^buildspec\.yml:\d+:\d+: \S", d.ToString()));
    }

    [Fact]
    public void Diagnostic_prints_as_file_line_column_message()
    {
        var diagnostic = Assert.Single(BuildspecValidator.Validate("ci/buildspec.yml", "version: 0.3\n" + P));

        Assert.Equal("ci/buildspec.yml:1:10: version 0.3 is not a buildspec version: use 0.2 (or the older 0.1)", diagnostic.ToString());
    }

    [Fact]
    public void Every_problem_is_reported_in_one_pass_in_file_order()
    {
        var diagnostics = BuildspecValidator.Validate("b.yml", "version: 9\nphases:\n  build:\n    commands: {x: y}\nartifacts:\n  files: {y: z}\n");

        Assert.Equal([(1, 10), (4, 15), (6, 10)], diagnostics.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void A_buildspec_using_every_documented_section_is_clean()
    {
        const string text = """
            version: 0.2
            run-as: builder
            env:
              shell: bash
              variables:
                JAVA_HOME: "/usr/lib/jvm/java-17"
                RETRIES: 3
              parameter-store:
                LOGIN_PASSWORD: /CodeBuild/dockerLoginPassword
              secrets-manager:
                TOKEN: "prod/token:api-key"
              exported-variables:
                - IMAGE_URI
              git-credential-helper: yes
            proxy:
              upload-artifacts: yes
              logs: no
            batch:
              fast-fail: false
              build-list:
                - identifier: linux
            phases:
              install:
                run-as: root
                on-failure: ABORT
                runtime-versions:
                  java: corretto17
                  nodejs: 20
                commands:
                  - echo install
              pre_build:
                on-failure: CONTINUE
                commands:
                  - "echo \"a: b\""
              build:
                on-failure: RETRY-3-timeout.*
                commands:
                  - mvn install
                finally:
                  - echo done
              post_build:
                on-failure: RETRY
                commands:
                  - echo post
            reports:
              arn:aws:codebuild:us-east-1:123456789012:report-group/unit:
                files:
                  - "**/*"
                base-directory: target/tests/reports
                discard-paths: no
              coverage:
                files:
                  - coverage/clover.xml
                file-format: cloverxml
            artifacts:
              files:
                - target/app.jar
              name: app-$(date +%Y-%m-%d)
              discard-paths: yes
              base-directory: .
              exclude-paths: "**/*.tmp"
              enable-symlinks: yes
              s3-prefix: builds
              secondary-artifacts:
                docs:
                  files:
                    - docs/**/*
                  base-directory: site
            cache:
              key: npm-$(codebuild-hash-files package-lock.json)
              fallback-keys:
                - npm-
              action: restore
              paths:
                - /root/.m2/**/*
            """;

        Assert.Empty(BuildspecValidator.Validate("full.yml", text));
    }

    [Theory]
    [InlineData("ABORT")]
    [InlineData("CONTINUE")]
    [InlineData("RETRY")]
    [InlineData("RETRY-0")]
    [InlineData("RETRY-100")]
    [InlineData("RETRY-.*connection reset.*")]
    [InlineData("RETRY-4-Error: Unable to connect.*")]
    public void Every_documented_on_failure_form_is_accepted(string value)
    {
        var text = V + $"phases:\n  build:\n    on-failure: \"{value}\"\n    commands:\n      - x\n";

        Assert.Empty(BuildspecValidator.Validate("b.yml", text));
    }

    [Fact]
    public void Version_0_1_is_accepted()
    {
        Assert.Empty(BuildspecValidator.Validate("b.yml", "version: 0.1\n" + P));
    }

    public static TheoryData<string> ShippedBuildspecs() => [.. ShippedBuildspecFiles()];

    private static List<string> ShippedBuildspecFiles()
    {
        var data = new List<string>();
        foreach (var folder in new[] { "samples", "buildspecs" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), "*.yml", SearchOption.AllDirectories)
                         .Where(f => !f.Contains("node_modules", StringComparison.Ordinal)))
            {
                data.Add(Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'));
            }
        }

        data.Add("tests/Pipectl.Core.Tests/Buildspecs/Fixtures/article-static-site.yml");
        data.Add("tests/Pipectl.Core.Tests/Buildspecs/Fixtures/article-node.yml");
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedBuildspecs))]
    public void Every_buildspec_in_samples_buildspecs_and_the_article_is_clean(string relativePath)
    {
        Assert.Empty(BuildspecValidator.Validate(relativePath, RepositoryFiles.Read(relativePath)));
    }

    [Fact]
    public void The_shipped_buildspecs_are_all_there()
    {
        var files = ShippedBuildspecFiles();

        Assert.Contains("samples/static-website/buildspec.yml", files);
        Assert.Contains("samples/node-app/buildspec.yml", files);
        Assert.Contains("buildspecs/static-site.yml", files);
        Assert.Contains("buildspecs/node.yml", files);
        Assert.Contains("buildspecs/docker-ecs.yml", files);
    }

    [Fact]
    public void The_article_fixtures_are_the_articles_two_buildspecs_word_for_word()
    {
        // The article lives in ../shared beside the checkout; the fixtures are its two buildspecs, so this
        // suite checks them even where shared/ is missing.
        if (RepositoryFiles.Article is not { } article)
        {
            return;
        }

        var blocks = ArticleBuildspecs(article);

        Assert.Equal(2, blocks.Count);
        Assert.Equal(RepositoryFiles.Read("tests/Pipectl.Core.Tests/Buildspecs/Fixtures/article-static-site.yml"), blocks[0]);
        Assert.Equal(RepositoryFiles.Read("tests/Pipectl.Core.Tests/Buildspecs/Fixtures/article-node.yml"), blocks[1]);
        Assert.All(blocks, block => Assert.Empty(BuildspecValidator.Validate("article", block)));
    }

    [Fact]
    public void The_static_website_sample_uses_the_articles_buildspec()
    {
        Assert.Equal(
            RepositoryFiles.Read("tests/Pipectl.Core.Tests/Buildspecs/Fixtures/article-static-site.yml"),
            RepositoryFiles.Read("samples/static-website/buildspec.yml"));
    }

    [Fact]
    public void The_docker_ecs_buildspec_pushes_to_ecr_and_writes_imagedefinitions()
    {
        var text = RepositoryFiles.Read("buildspecs/docker-ecs.yml");

        Assert.Contains("docker push", text, StringComparison.Ordinal);
        Assert.Contains("aws ecr get-login-password", text, StringComparison.Ordinal);
        Assert.Matches(@"artifacts:\s+files:\s+- imagedefinitions\.json", text);
    }

    [Fact]
    public void The_node_buildspecs_run_the_tests_before_the_build()
    {
        foreach (var path in new[] { "samples/node-app/buildspec.yml", "buildspecs/node.yml" })
        {
            var text = RepositoryFiles.Read(path);
            Assert.True(text.IndexOf("npm test", StringComparison.Ordinal) < text.IndexOf("npm run build", StringComparison.Ordinal), path);
        }
    }

    /// <summary>Each block of the article that starts at "version: 0.2" and runs to the next line of prose.</summary>
    private static List<string> ArticleBuildspecs(string article)
    {
        var lines = article.Split('\n');
        var blocks = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "version: 0.2")
            {
                continue;
            }

            var block = new List<string>();
            for (; i < lines.Length && !IsProse(lines[i]); i++)
            {
                block.Add(lines[i]);
            }

            while (block.Count > 0 && string.IsNullOrWhiteSpace(block[^1]))
            {
                block.RemoveAt(block.Count - 1);
            }

            blocks.Add(string.Join('\n', block) + "\n");
        }

        return blocks;
    }

    private static bool IsProse(string line) => line.Length > 0 && char.IsUpper(line[0]) && !YamlKey().IsMatch(line);

    [GeneratedRegex("^[A-Za-z_-]+:")]
    private static partial Regex YamlKey();
}
