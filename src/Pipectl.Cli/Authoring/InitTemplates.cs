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

    /// <summary>A container image pushed to ECR and rolled out to an existing ECS service.</summary>
    public static InitTemplate DockerEcs { get; } = new(
        "docker-ecs",
        DockerEcsBuildspec,
        """
          image: aws/codebuild/standard:7.0
          computeType: BUILD_GENERAL1_SMALL
        """,
        "A container: the Dockerfile's image is pushed to ECR (tagged with the commit) and rolled out to an ECS service.")
    {
        StackFileDeploy = """
            # The ECS service to roll the image out to: it and its cluster must exist (pipectl never changes them).
            # Set cluster, service and the task definition's container name to yours, then `pipectl plan`.
            deploy:
              target: ecs
              cluster: my-cluster
              service: my-service
              containerName: app
              # ecrRepository: my-service   # default: the stack name
              # keepImages: 30              # images the repository keeps

            """,
    };

    /// <summary>Every template, by name.</summary>
    public static IReadOnlyList<InitTemplate> All { get; } = [StaticSite, Node, DockerEcs];

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

    private const string DockerEcsBuildspec = """
# Docker image for Amazon ECS (pipectl --deploy ecs): build the image, push it to Amazon ECR tagged with the
# commit it was built from, and write imagedefinitions.json, the artifact the pipeline's "Amazon ECS" deploy
# action reads to roll the service onto the new image.
# pipectl gives the build what this file uses: privileged mode (Docker), a role that may push to the one ECR
# repository (and log in to ECR), and the variables REPOSITORY_URI, CONTAINER_NAME, AWS_ACCOUNT_ID and
# AWS_DEFAULT_REGION. Copy this file to the root of your repository as buildspec.yml.
version: 0.2

env:
  # Later pipeline actions can read the pushed image's URI as #{BuildVariables.IMAGE_URI}.
  exported-variables:
    - IMAGE_URI

phases:
  pre_build:
    commands:
      # Stop with a clear message when the project was not made by pipectl --deploy ecs.
      - ': "${REPOSITORY_URI:?REPOSITORY_URI is not set: bootstrap the stack with --deploy ecs}" "${CONTAINER_NAME:?CONTAINER_NAME is not set}"'
      - echo "Logging in to Amazon ECR..."
      - REGISTRY="${REPOSITORY_URI%%/*}"
      - aws ecr get-login-password --region "$AWS_DEFAULT_REGION" | docker login --username AWS --password-stdin "$REGISTRY"
      # Tag each image with the commit it was built from, so a deploy can be traced back to its source.
      - IMAGE_TAG=$(echo "$CODEBUILD_RESOLVED_SOURCE_VERSION" | cut -c 1-7)
      - IMAGE_URI="$REPOSITORY_URI:$IMAGE_TAG"
      # The previous image, as a layer cache: a first build has none, which is fine.
      - docker pull "$REPOSITORY_URI:latest" || true
  build:
    commands:
      # The Dockerfile runs the unit tests in a build stage, so a failing test fails the image build.
      - echo "Building $IMAGE_URI on `date`"
      - docker build --cache-from "$REPOSITORY_URI:latest" --tag "$IMAGE_URI" --tag "$REPOSITORY_URI:latest" .
  post_build:
    # Push only what built: stop here when the build phase failed.
    on-failure: ABORT
    commands:
      - docker push "$IMAGE_URI"
      - docker push "$REPOSITORY_URI:latest"
      - echo "Writing imagedefinitions.json for the ECS deploy action..."
      - printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$IMAGE_URI" > imagedefinitions.json
      - cat imagedefinitions.json

artifacts:
  files:
    - imagedefinitions.json

""";
}
