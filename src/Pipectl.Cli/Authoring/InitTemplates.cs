namespace Pipectl.Cli.Authoring;

/// <summary>The templates of <c>pipectl init --template</c>; their buildspecs are the files of <c>buildspecs/</c>, word for word.</summary>
public static class InitTemplates
{
    /// <summary>The template used when <c>--template</c> is not given.</summary>
    public const string Default = "static-site";

    /// <summary>A static website deployed as is (the article's site).</summary>
    public static InitTemplate StaticSite { get; } = new(
        "static-site",
        StaticSiteBuildspec,
        """
          image: aws/codebuild/standard:7.0
          computeType: BUILD_GENERAL1_SMALL
        """,
        "A static website: every file of the repository is copied to the S3 website bucket.");

    /// <summary>A Node.js app whose unit tests run before it is built and deployed.</summary>
    public static InitTemplate Node { get; } = new(
        "node",
        NodeBuildspec,
        """
          image: aws/codebuild/standard:7.0
          computeType: BUILD_GENERAL1_SMALL
          environmentVariables:
            NODE_ENV: production
        """,
        "A Node.js app: `npm test` runs before `npm run build`; dist/ is deployed to the S3 website bucket.");

    /// <summary>
    /// Every template, by name. No docker-ecs template: its buildspec (buildspecs/docker-ecs.yml) needs ECR
    /// permissions and an ECS deploy stage that pipectl's stack does not have yet; it returns with them.
    /// </summary>
    public static IReadOnlyList<InitTemplate> All { get; } = [StaticSite, Node];

    private const string StaticSiteBuildspec = """
# Static website: nothing to compile, so the build only checks that the site is there and hands every
# file to the pipeline's Deploy stage, which copies the artifact into the S3 website bucket as is.
# Copy this file to the root of your repository as buildspec.yml.
version: 0.2

phases:
  pre_build:
    commands:
      # Fail early (and clearly) when the page S3 serves as the index is missing.
      - test -f index.html || { echo "index.html is missing at the root of the repository"; exit 1; }
  build:
    commands:
      - echo "Packaging the site on `date`"
      # Replace with an HTML or link checker when you have one, e.g. npx htmlhint "**/*.html".
      - find . -type f -not -path './.git/*' | sort

artifacts:
  # Every file, with its folders: css/style.css stays css/style.css in the bucket.
  files:
    - '**/*'
  base-directory: '.'
  # The build's own files have no business on a public website.
  exclude-paths:
    - 'buildspec.yml'
    - 'pipectl.yaml'

""";

    private const string NodeBuildspec = """
# Node.js app: install, run the unit tests, build, and hand the built site to the Deploy stage.
# The tests run before the build, as in the article's test stage: a failing test fails the build and
# nothing is deployed. Expects package.json scripts "test" and "build", the build writing to dist/.
version: 0.2

env:
  variables:
    # Keeps npm quiet and its cache inside the folder CodeBuild can cache.
    NPM_CONFIG_CACHE: "/root/.npm"
    NODE_ENV: "production"

phases:
  install:
    runtime-versions:
      # The Node.js major version of the image (standard:7.0 offers 18 and 20).
      nodejs: 20
    commands:
      # npm ci when a lock file is committed (reproducible), npm install otherwise.
      - if [ -f package-lock.json ]; then npm ci --include=dev; else npm install --include=dev; fi
  pre_build:
    commands:
      - echo "Running unit tests..."
      - npm test
  build:
    commands:
      - echo "Building on `date`"
      - npm run build
    finally:
      # Runs even when the build fails: shows what was produced.
      - ls -la dist || true

artifacts:
  files:
    - '**/*'
  base-directory: 'dist'

cache:
  # Reuses downloaded packages between builds (set a cache on the CodeBuild project to use it).
  paths:
    - '/root/.npm/**/*'

""";
}
