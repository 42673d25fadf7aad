"""Starts moto_server with moto 5.2.1's known deviations from AWS corrected.

pipectl targets real AWS only. moto is a lenient emulator, and where it departs from what AWS documents the
tests correct moto here instead of bending the product. Each patch names the AWS documentation whose
behaviour it restores and is exercised by MotoLauncherTests (integration tier). Usage is moto_server's:

    python3 moto_launcher.py -H 127.0.0.1 -p PORT
"""

import json
import re
import sys

import moto
from moto.server import main as moto_main

PATCHED_MOTO = "5.2.1"


def require_version() -> None:
    # The patches replace moto internals of one release; another release must be looked at again, not trusted.
    if moto.__version__ != PATCHED_MOTO:
        sys.exit(f"moto_launcher: patches are written for moto {PATCHED_MOTO}, found {moto.__version__}")


# ---- CodeBuild ------------------------------------------------------------------------------------------


def patch_codebuild() -> None:
    from moto.codebuild import responses
    from moto.codebuild.exceptions import InvalidInputException, ResourceNotFoundException
    from moto.core.utils import unix_time

    source_types = {"BITBUCKET", "CODECOMMIT", "CODEPIPELINE", "GITHUB", "GITHUB_ENTERPRISE", "GITLAB",
                    "GITLAB_SELF_MANAGED", "NO_SOURCE", "S3"}

    def validate_source(source):
        # AWS CodeBuild API Reference, ProjectSource.location: "If sourceType is CODEPIPELINE, do not specify
        # this property. CodePipeline ignores it"; for NO_SOURCE there is nothing to locate. moto demanded a
        # location for every source type.
        if source["type"] not in source_types:
            raise InvalidInputException("Invalid type provided: Project source type")
        if source["type"] in ("CODEPIPELINE", "NO_SOURCE"):
            return
        if not source.get("location"):
            raise InvalidInputException("Project source location is required")

    def validate_artifacts(artifacts):
        # AWS CodeBuild API Reference, ProjectArtifacts.location: "If type is set to CODEPIPELINE, CodePipeline
        # ignores this value if specified" (so it is optional); NO_ARTIFACTS takes none; S3 needs a bucket.
        if artifacts["type"] not in ("CODEPIPELINE", "S3", "NO_ARTIFACTS"):
            raise InvalidInputException("Invalid type provided: Artifact type")
        if artifacts["type"] == "NO_ARTIFACTS" and "location" in artifacts:
            raise InvalidInputException("Invalid artifacts: artifact type NO_ARTIFACTS should have null location")
        if artifacts["type"] == "S3" and not artifacts.get("location"):
            raise InvalidInputException("Project artifacts location is required")

    environment_types = {"WINDOWS_CONTAINER", "LINUX_CONTAINER", "LINUX_GPU_CONTAINER", "ARM_CONTAINER",
                         "WINDOWS_SERVER_2019_CONTAINER", "WINDOWS_SERVER_2022_CONTAINER",
                         "LINUX_LAMBDA_CONTAINER", "ARM_LAMBDA_CONTAINER", "LINUX_EC2", "ARM_EC2", "WINDOWS_EC2", "MAC_ARM"}
    lambda_types = {"LINUX_LAMBDA_CONTAINER", "ARM_LAMBDA_CONTAINER"}
    fleet_types = {"LINUX_EC2", "ARM_EC2", "WINDOWS_EC2", "MAC_ARM"}
    fleet_computes = {"ATTRIBUTE_BASED_COMPUTE", "CUSTOM_INSTANCE_TYPE"}

    def validate_environment(environment):
        # AWS CodeBuild User Guide, "Build environment compute modes and types": Lambda compute
        # (BUILD_LAMBDA_*) runs only in LINUX_LAMBDA_CONTAINER / ARM_LAMBDA_CONTAINER environments, and those
        # environments take only Lambda compute. moto knew neither Lambda compute nor its environment types.
        kind, compute = environment["type"], environment["computeType"]
        if kind not in environment_types:
            raise InvalidInputException(f"Invalid type provided: {kind}")
        if not re.fullmatch(r"BUILD_GENERAL1_(SMALL|MEDIUM|LARGE|XLARGE|2XLARGE)|BUILD_LAMBDA_(1|2|4|8|10)GB|ATTRIBUTE_BASED_COMPUTE|CUSTOM_INSTANCE_TYPE", compute):
            raise InvalidInputException(f"Invalid compute type provided: {compute}")
        if (kind in lambda_types) != compute.startswith("BUILD_LAMBDA_"):
            raise InvalidInputException(f"Invalid compute type {compute} for environment type {kind}")
        if kind in lambda_types and environment.get("privilegedMode"):
            raise InvalidInputException("Privileged mode is not supported by Lambda compute")
        # CodeBuild User Guide, "Build environment compute modes and types" ("About reserved capacity environment
        # types") and the API Reference's ProjectEnvironment.computeType: the EC2 environment types and the
        # ATTRIBUTE_BASED_COMPUTE / CUSTOM_INSTANCE_TYPE compute types describe the machines of a reserved capacity
        # fleet; a project runs on them only through its fleet. moto accepted them without one.
        if (kind in fleet_types or compute in fleet_computes) and not (environment.get("fleet") or {}).get("fleetArn"):
            raise InvalidInputException(f"Invalid input: {kind if kind in fleet_types else compute} is only available with a reserved capacity fleet (environment.fleet)")

    responses._validate_required_params_source = validate_source
    responses._validate_required_params_artifacts = validate_artifacts
    responses._validate_required_params_environment = validate_environment

    original_create = responses.CodeBuildResponse.create_project

    def create_project(self):
        # AWS refuses a project that mixes CODEPIPELINE with another type: "Invalid input: when using
        # CodePipeline both sourceType, and artifactType must be set to: CODEPIPELINE" (CodeBuild User Guide,
        # "Use CodeBuild with CodePipeline"). moto accepted any pairing.
        source_type = (self._get_param("source") or {}).get("type")
        artifacts_type = (self._get_param("artifacts") or {}).get("type")
        if (source_type == "CODEPIPELINE") != (artifacts_type == "CODEPIPELINE"):
            raise InvalidInputException("Invalid input: when using CodePipeline both sourceType, and artifactType must be set to: CODEPIPELINE")
        return original_create(self)

    def batch_get_projects(self):
        # AWS CodeBuild API Reference, BatchGetProjects: "projectsNotFound: The names of build projects for
        # which information could not be found." moto left it out.
        names = self._get_param("names")
        found = self.codebuild_backend.batch_get_projects(names)
        known = {p["name"] for p in found} | {p["arn"] for p in found}
        return json.dumps({"projects": found, "projectsNotFound": [n for n in names if n not in known]})

    def update_project(self):
        # AWS CodeBuild API Reference, UpdateProject: "Changes the settings of a build project." Only name is
        # required; each member given replaces the project's, members left out keep their value; an unknown
        # project is ResourceNotFoundException. moto 5.2.1 had no UpdateProject (HTTP 500).
        name = self._get_param("name")
        project = self.codebuild_backend.codebuild_projects.get(name)
        if project is None:
            raise ResourceNotFoundException(f"Project cannot be found: arn:aws:codebuild:{self.region}:{self.current_account}:project/{name}")
        metadata = project.project_metadata
        source = self._get_param("source") or metadata["source"]
        artifacts = self._get_param("artifacts") or metadata["artifacts"]
        environment = self._get_param("environment") or metadata["environment"]
        validate_source(source)
        validate_artifacts(artifacts)
        validate_environment(environment)
        if (source["type"] == "CODEPIPELINE") != (artifacts["type"] == "CODEPIPELINE"):
            raise InvalidInputException("Invalid input: when using CodePipeline both sourceType, and artifactType must be set to: CODEPIPELINE")
        metadata.update(source=source, artifacts=artifacts, environment=environment)
        for member in ("serviceRole", "description", "logsConfig", "tags", "timeoutInMinutes", "queuedTimeoutInMinutes",
                       "cache", "sourceVersion", "vpcConfig"):
            if self._get_param(member) is not None:
                metadata[member] = self._get_param(member)
        if self._get_param("serviceRole"):
            project.service_role = metadata["serviceRole"]
        if self._get_param("tags") is not None:
            project.tags = metadata["tags"]
        metadata["lastModifiedDate"] = unix_time()
        return json.dumps({"project": metadata})

    responses.CodeBuildResponse.create_project = create_project
    responses.CodeBuildResponse.batch_get_projects = batch_get_projects
    responses.CodeBuildResponse.update_project = update_project


# ---- CodePipeline ---------------------------------------------------------------------------------------


def patch_codepipeline() -> None:
    from moto.codepipeline import models, responses
    from moto.codepipeline.exceptions import InvalidStructureException, PipelineNotFoundException
    from moto.core.exceptions import JsonRESTError
    from moto.iam.exceptions import NotFoundException as IAMNotFoundException

    class PipelineNameInUseException(JsonRESTError):
        code = 400

        def __init__(self, message: str):
            super().__init__("PipelineNameInUseException", message)

    class ValidationException(JsonRESTError):
        code = 400

        def __init__(self, message: str):
            super().__init__("ValidationException", message)

    def trusted_services(document: str) -> set:
        # IAM User Guide, "IAM JSON policy elements: Principal": Service is a string or an array of strings. A
        # statement trusts its services only when its Condition holds for the request context the service sends
        # when it assumes the role ("Policy evaluation logic"): for CodePipeline, CODEPIPELINE_ASSUME_CONTEXT.
        services = set()
        statements = json.loads(document).get("Statement", [])
        for statement in statements if isinstance(statements, list) else [statements]:
            principal = statement.get("Principal") if statement.get("Effect") == "Allow" else None
            service = principal.get("Service") if isinstance(principal, dict) else None
            named = [service] if isinstance(service, str) else service or []
            if "codepipeline.amazonaws.com" in named and not conditions_hold(statement.get("Condition", {}), CODEPIPELINE_ASSUME_CONTEXT, "Allow"):
                continue
            services.update(named)
        return services

    def create_pipeline(self, pipeline, tags):
        name = pipeline["name"]
        if name in self.pipelines:
            # CodePipeline API Reference, CreatePipeline errors: PipelineNameInUseException, "The specified
            # pipeline name is already in use." moto answered InvalidStructureException.
            raise PipelineNameInUseException(f"A pipeline with the name '{name}' already exists in account '{self.account_id}'")
        try:
            role = self.iam_backend.get_role_by_arn(pipeline["roleArn"])
            if "codepipeline.amazonaws.com" not in trusted_services(role.assume_role_policy_document):
                raise IAMNotFoundException("")
        except IAMNotFoundException:
            raise InvalidStructureException(f"CodePipeline is not authorized to perform AssumeRole on role {pipeline['roleArn']}")
        if len(pipeline["stages"]) < 2:
            raise InvalidStructureException("Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline")
        created = models.CodePipeline(self.account_id, self.region_name, pipeline)
        if tags:
            created.validate_tags(tags)
            created.tags.update({tag["key"]: tag["value"] for tag in tags})
        self.pipelines[name] = created
        return pipeline, sorted(tags or [], key=lambda t: t["key"])

    def pipeline_named(backend, name):
        if name not in backend.pipelines:
            raise PipelineNotFoundException(f"Account '{backend.account_id}' does not have a pipeline with name '{name}'")
        return backend.pipelines[name]

    def get_pipeline_state(self):
        # CodePipeline API Reference, GetPipelineState: pipelineName, pipelineVersion, created, updated and one
        # stageStates entry per stage with an actionStates entry per action; latestExecution appears once the
        # stage has run. The emulator runs no executions, so no stage has a latestExecution. moto 5.2.1 had no
        # GetPipelineState (HTTP 500).
        pipeline = pipeline_named(self.codepipeline_backend, self._get_param("name"))
        declaration = pipeline.pipeline
        return json.dumps({
            "pipelineName": declaration["name"],
            "pipelineVersion": declaration["version"],
            "stageStates": [{"stageName": stage["name"], "inboundTransitionState": {"enabled": True},
                             "actionStates": [{"actionName": action["name"]} for action in stage["actions"]]}
                            for stage in declaration["stages"]],
            "created": pipeline._created.timestamp(),
            "updated": pipeline._updated.timestamp(),
        })

    def list_pipeline_executions(self):
        # CodePipeline API Reference, ListPipelineExecutions: "Gets a summary of the most recent executions for a
        # pipeline"; PipelineNotFoundException for an unknown pipeline; maxResults is 1-100. The emulator runs no
        # executions, so the summary list is empty. moto 5.2.1 had no ListPipelineExecutions (HTTP 500).
        pipeline_named(self.codepipeline_backend, self._get_param("pipelineName"))
        size = self._get_param("maxResults")
        if size is not None and not 1 <= int(size) <= 100:
            raise ValidationException("maxResults must be between 1 and 100")
        return json.dumps({"pipelineExecutionSummaries": []})

    models.CodePipelineBackend.create_pipeline = create_pipeline
    responses.CodePipelineResponse.get_pipeline_state = get_pipeline_state
    responses.CodePipelineResponse.list_pipeline_executions = list_pipeline_executions


# ---- CodeCommit -----------------------------------------------------------------------------------------


def patch_codecommit() -> None:
    from moto.codecommit import models, responses
    from moto.core.exceptions import JsonRESTError

    class ResourceArnRequiredException(JsonRESTError):
        code = 400

        def __init__(self):
            super().__init__("ResourceArnRequiredException", "A valid Amazon Resource Name (ARN) for a CodeCommit repository is required.")

    class RepositoryDoesNotExistException(JsonRESTError):
        code = 400

        def __init__(self, arn):
            super().__init__("RepositoryDoesNotExistException", f"Repository {arn} does not exist")

    def tags_of(backend) -> dict:
        if not hasattr(backend, "pipectl_tags"):
            backend.pipectl_tags = {}
        return backend.pipectl_tags

    def repository_for(backend, arn):
        if not arn:
            raise ResourceArnRequiredException()
        for repository in backend.repositories.values():
            if repository.repository_metadata["Arn"] == arn:
                return repository
        raise RepositoryDoesNotExistException(arn)

    original_create = responses.CodeCommitResponse.create_repository

    def create_repository(self):
        # CodeCommit API Reference, CreateRepository: "tags: One or more tag key-value pairs to use when
        # tagging this repository." moto dropped them and had no ListTagsForResource to read them with.
        reply = original_create(self)
        metadata = json.loads(reply)["repositoryMetadata"]
        tags_of(self.codecommit_backend)[metadata["Arn"]] = dict(self._get_param("tags") or {})
        return reply

    def list_tags_for_resource(self):
        # CodeCommit API Reference, ListTagsForResource: "tags: A list of tag key and value pairs associated
        # with the specified resource."
        arn = self._get_param("resourceArn")
        repository_for(self.codecommit_backend, arn)
        return json.dumps({"tags": tags_of(self.codecommit_backend).get(arn, {})})

    def tag_resource(self):
        # CodeCommit API Reference, TagResource: adds or updates tags for a resource.
        arn = self._get_param("resourceArn")
        repository_for(self.codecommit_backend, arn)
        tags_of(self.codecommit_backend).setdefault(arn, {}).update(self._get_param("tags") or {})
        return "{}"

    original_delete = models.CodeCommitBackend.delete_repository

    def delete_repository(self, repository_name):
        repository = self.repositories.get(repository_name)
        if repository:
            tags_of(self).pop(repository.repository_metadata["Arn"], None)
            getattr(self, "pipectl_branches", {}).pop(repository_name, None)
        return original_delete(self, repository_name)

    # ---- branches and commits: moto 5.2.1 had no GetBranch, ListBranches or CreateCommit (HTTP 500) --------

    class CodeCommitError(JsonRESTError):
        code = 400

        def __init__(self, kind, message):
            super().__init__(kind, message)

    def branches_of(backend, name) -> dict:
        # Repository name -> {branch: head commit id}; commits are kept as {commitId: {path: (blobId, mode)}}.
        if name not in backend.repositories:
            raise CodeCommitError("RepositoryDoesNotExistException", f"{name} does not exist")
        if not hasattr(backend, "pipectl_branches"):
            backend.pipectl_branches, backend.pipectl_trees = {}, {}
        return backend.pipectl_branches.setdefault(name, {})

    def required(self, member, kind):
        value = self._get_param(member)
        if not value:
            raise CodeCommitError(kind, f"{member} is required")
        return value

    def get_branch(self):
        # CodeCommit API Reference, GetBranch: returns branch {branchName, commitId};
        # RepositoryDoesNotExistException, BranchNameRequiredException, BranchDoesNotExistException.
        repository = required(self, "repositoryName", "RepositoryNameRequiredException")
        branch = required(self, "branchName", "BranchNameRequiredException")
        branches = branches_of(self.codecommit_backend, repository)
        if branch not in branches:
            raise CodeCommitError("BranchDoesNotExistException", f"Could not find branch {branch} in repository {repository}")
        return json.dumps({"branch": {"branchName": branch, "commitId": branches[branch]}})

    def list_branches(self):
        # CodeCommit API Reference, ListBranches: "Gets information about one or more branches in a repository."
        repository = required(self, "repositoryName", "RepositoryNameRequiredException")
        return json.dumps({"branches": sorted(branches_of(self.codecommit_backend, repository))})

    def create_commit(self):
        # CodeCommit API Reference, CreateCommit: parentCommitId "If this is an empty repository, this is not
        # required"; otherwise it must be the branch's head (ParentCommitIdRequiredException,
        # ParentCommitIdOutdatedException, ParentCommitDoesNotExistException). A branch that does not exist is
        # created only by the first commit of an empty repository (BranchDoesNotExistException otherwise). Every
        # file entry needs a path (PathRequiredException), content (SourceFileOrContentRequiredException) and a
        # mode of NORMAL, EXECUTABLE or SYMLINK (InvalidFileModeException); a path twice is SamePathRequestException;
        # no files is FileEntryRequiredException; more than 100 is MaximumFileEntriesExceededException; a file over
        # 6 MB is FileContentSizeLimitExceededException; files identical to the parent's are NoChangeException.
        import base64
        import hashlib

        backend = self.codecommit_backend
        repository = required(self, "repositoryName", "RepositoryNameRequiredException")
        branch = required(self, "branchName", "BranchNameRequiredException")
        branches = branches_of(backend, repository)
        parent = self._get_param("parentCommitId")
        if branch in branches:
            if not parent:
                raise CodeCommitError("ParentCommitIdRequiredException", "A parent commit ID is required to create a commit on an existing branch.")
            if parent not in backend.pipectl_trees:
                raise CodeCommitError("ParentCommitDoesNotExistException", f"The parent commit ID {parent} does not exist.")
            if parent != branches[branch]:
                raise CodeCommitError("ParentCommitIdOutdatedException", f"The parent commit ID {parent} is not the tip of branch {branch}.")
        elif branches:
            raise CodeCommitError("BranchDoesNotExistException", f"Could not find branch {branch} in repository {repository}")
        elif parent:
            raise CodeCommitError("ParentCommitDoesNotExistException", f"The parent commit ID {parent} does not exist.")
        entries = self._get_param("putFiles") or []
        if not entries and not self._get_param("deleteFiles"):
            raise CodeCommitError("FileEntryRequiredException", "At least one file must be added, updated or deleted.")
        if len(entries) > 100:
            raise CodeCommitError("MaximumFileEntriesExceededException", "A commit can change at most 100 files.")
        tree = dict(backend.pipectl_trees.get(parent, {})) if parent else {}
        added, updated, seen = [], [], set()
        for entry in entries:
            path = (entry.get("filePath") or "").lstrip("/")
            if not path:
                raise CodeCommitError("PathRequiredException", "A file path is required.")
            if path in seen:
                raise CodeCommitError("SamePathRequestException", f"The path {path} is specified more than once.")
            seen.add(path)
            if "fileContent" not in entry and "sourceFile" not in entry:
                raise CodeCommitError("SourceFileOrContentRequiredException", f"File content or a source file is required for {path}.")
            content = base64.b64decode(entry.get("fileContent") or "")
            if len(content) > 6 * 1024 * 1024:
                raise CodeCommitError("FileContentSizeLimitExceededException", f"The file {path} is larger than 6 MB.")
            mode = entry.get("fileMode") or "NORMAL"
            if mode not in ("NORMAL", "EXECUTABLE", "SYMLINK"):
                raise CodeCommitError("InvalidFileModeException", f"The file mode {mode} is not valid.")
            blob = hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()
            (updated if path in tree else added).append({"absolutePath": path, "blobId": blob, "fileMode": mode})
            tree[path] = (blob, mode)
        if parent and tree == backend.pipectl_trees[parent]:
            raise CodeCommitError("NoChangeException", "The commit contains no changes from its parent.")
        tree_id = hashlib.sha1(json.dumps(sorted(tree.items())).encode()).hexdigest()
        commit_id = hashlib.sha1(f"{tree_id}{parent}{self._get_param('commitMessage')}{len(backend.pipectl_trees)}".encode()).hexdigest()
        backend.pipectl_trees[commit_id] = tree
        branches[branch] = commit_id
        return json.dumps({"commitId": commit_id, "treeId": tree_id, "filesAdded": added, "filesUpdated": updated, "filesDeleted": []})

    responses.CodeCommitResponse.create_repository = create_repository
    responses.CodeCommitResponse.get_branch = get_branch
    responses.CodeCommitResponse.list_branches = list_branches
    responses.CodeCommitResponse.create_commit = create_commit
    responses.CodeCommitResponse.list_tags_for_resource = list_tags_for_resource
    responses.CodeCommitResponse.tag_resource = tag_resource
    models.CodeCommitBackend.delete_repository = delete_repository


# ---- EventBridge ----------------------------------------------------------------------------------------


def patch_events() -> None:
    from moto.events import responses

    original_error = responses.EventsHandler.error

    def error(self, type_: str, message: str = "", status: int = 400):
        # EventBridge API Reference, "Common Errors" and each operation's Errors (ListTargetsByRule:
        # ResourceNotFoundException): an error is a JSON document, sent as application/x-amz-json-1.1 like every
        # reply of this JSON protocol. moto's helper for these errors sent the JSON as text/html, so a client
        # reading the reply as AWS sends it saw a web page, not an error.
        body, headers = original_error(self, type_, message, status)
        headers["Content-Type"] = "application/x-amz-json-1.1"
        return body, headers

    responses.EventsHandler.error = error


# ---- S3 -------------------------------------------------------------------------------------------------


# Every request pipectl and the tests send would reach AWS over TLS (AWS endpoints are HTTPS), so the
# evaluation context says so, whatever the loopback transport is.
REQUEST_CONTEXT = {"aws:securetransport": ["true"]}

# The request context of CodePipeline's sts:AssumeRole on a pipeline's service role. CodePipeline's pages ("Create
# the CodePipeline service role (CLI)", "Manage the CodePipeline service role") show a trust with no Condition, and
# no AWS page documents that CodePipeline sends aws:SourceAccount or aws:SourceArn when it assumes the role: so no
# key is modelled as sent, a trust conditioned on one (StringEquals aws:SourceAccount) is refused as AWS would refuse
# it if the key is not sent, and the ...IfExists form (which holds where the key is absent) is accepted.
CODEPIPELINE_ASSUME_CONTEXT: dict = {}

# IAM User Guide, "IAM JSON policy elements: Condition operators": "If the key that you specify in a policy
# condition is not present in the request context, the values do not match", except for the negated operators,
# which are true on a missing key ("...NotEquals", "...NotLike": "the key is not present ... evaluates to true").
NEGATED_OPERATORS = {"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike"}


def condition_holds(operator: str, key: str, expected, context=None):
    """One condition against a request context (REQUEST_CONTEXT by default): True or False, or None for an
    operator this launcher does not model (the caller decides, never in the lenient direction)."""
    context = REQUEST_CONTEXT if context is None else context
    if_exists = operator.endswith("IfExists")
    base = operator[: -len("IfExists")] if if_exists else operator
    actual = context.get(key.lower())
    wanted = [str(v).lower() if isinstance(v, bool) else str(v) for v in (expected if isinstance(expected, list) else [expected])]
    if base == "Null":
        return (actual is None) == (wanted[0].lower() == "true")
    if base not in ("Bool", "StringEquals", "ArnEquals", "StringNotEquals", "ArnNotEquals", "StringLike", "ArnLike",
                    "StringNotLike", "ArnNotLike", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"):
        return None
    if actual is None:
        return if_exists or base in NEGATED_OPERATORS
    if base == "Bool":
        return any(a.lower() == w.lower() for a in actual for w in wanted)
    if base in ("StringEquals", "ArnEquals"):
        return any(a == w for a in actual for w in wanted)
    if base == "StringEqualsIgnoreCase":
        return any(a.lower() == w.lower() for a in actual for w in wanted)
    if base in ("StringNotEquals", "ArnNotEquals"):
        return all(a != w for a in actual for w in wanted)
    if base == "StringNotEqualsIgnoreCase":
        return all(a.lower() != w.lower() for a in actual for w in wanted)
    like = any(re.fullmatch(re.escape(w).replace(r"\*", ".*").replace(r"\?", "."), a) for a in actual for w in wanted)
    return like if base in ("StringLike", "ArnLike") else not like


def conditions_hold(conditions: dict, context: dict, effect: str) -> bool:
    """Whether a statement's whole Condition block holds. An operator the launcher does not model is reported on
    stderr and counted as holding for a Deny and as failing for an Allow: never more lenient than AWS, so an
    unmodelled operator can refuse what AWS might allow but never drops a Deny."""
    for operator, pairs in conditions.items():
        for key, value in pairs.items():
            held = condition_holds(operator, key, value, context)
            if held is None:
                print(f"moto_launcher: condition operator {operator} is not modelled; the {effect} statement is evaluated as {'applying' if effect == 'Deny' else 'not applying'}", file=sys.stderr)
                held = effect == "Deny"
            if not held:
                return False
    return True


def patch_s3() -> None:
    from moto.iam.access_control import PermissionResult
    from moto.s3 import models, responses

    def matches(patterns, value: str) -> bool:
        patterns = patterns if isinstance(patterns, list) else [patterns]
        return any(re.fullmatch(re.escape(p).replace(r"\*", ".*").replace(r"\?", "."), value) for p in patterns)

    def applies_to_anyone(principal) -> bool:
        return principal == "*" or (isinstance(principal, dict) and principal.get("AWS") in ("*", ["*"]))

    def get_permission(self, action: str, resource: str):
        # S3 User Guide, "Bucket policy examples" (aws:SecureTransport) and IAM User Guide, "Policy evaluation
        # logic": a statement applies only when every condition holds. moto ignored every Condition, so a
        # TLS-only Deny (Bool aws:SecureTransport=false) refused every request; on AWS it never applies to HTTPS.
        if self.policy is None:
            return PermissionResult.NEUTRAL
        statements = json.loads(self.policy.decode()).get("Statement", [])
        permitted = False
        for statement in statements if isinstance(statements, list) else [statements]:
            # Like moto itself, only statements for anyone are evaluated: moto does not model the requester.
            if not applies_to_anyone(statement.get("Principal")):
                continue
            if "Action" in statement and not matches(statement["Action"], action):
                continue
            if "NotAction" in statement and matches(statement["NotAction"], action):
                continue
            if "Resource" in statement and not matches(statement["Resource"], resource):
                continue
            if not conditions_hold(statement.get("Condition", {}), REQUEST_CONTEXT, statement.get("Effect")):
                continue
            if statement.get("Effect") == "Deny":
                return PermissionResult.DENIED
            permitted = True
        return PermissionResult.PERMITTED if permitted else PermissionResult.NEUTRAL

    models.FakeBucket.get_permission = get_permission

    original_put = responses.S3Response._bucket_response_put

    def bucket_response_put(self, request, bucket_name, querystring):
        # S3 API Reference, CreateBucket / CreateBucketConfiguration.Tags: "An array of tags that you can apply
        # to the bucket that you're creating." moto created the bucket without them.
        is_create = not querystring and bucket_name not in self.backend.buckets
        reply = original_put(self, request, bucket_name, querystring)
        if is_create and bucket_name in self.backend.buckets and self.body:
            import xmltodict

            configuration = xmltodict.parse(self.body).get("CreateBucketConfiguration") or {}
            tags = ((configuration.get("Tags") or {}).get("Tag")) or []
            tags = tags if isinstance(tags, list) else [tags]
            if tags:
                self.backend.put_bucket_tagging(bucket_name, {t["Key"]: t.get("Value") or "" for t in tags})
        return reply

    responses.S3Response._bucket_response_put = bucket_response_put

    original_location_constraint = responses.S3Response._get_location_constraint

    def get_location_constraint(self):
        # S3 API Reference, CreateBucketConfiguration.LocationConstraint / BucketLocationConstraint: "EU" is a valid
        # value and stands for the Europe (Ireland) Region, eu-west-1 (GetBucketLocation: "Buckets in Region
        # eu-west-1 have a LocationConstraint of EU" for the legacy value). moto refused EU as incompatible with
        # eu-west-1; sent to another Region it is still refused there, as on AWS.
        constraint = original_location_constraint(self)
        return "eu-west-1" if constraint == "EU" and self.region == "eu-west-1" else constraint

    responses.S3Response._get_location_constraint = get_location_constraint


# ---- CodeConnections --------------------------------------------------------------------------------------


class ConnectionsResponder:
    """moto 5.2.1 has no CodeConnections at all: this answers it (JSON 1.0, both target prefixes) in memory.

    It follows the AWS CodeConnections API Reference: CreateConnection (ConnectionName 1-32 characters,
    ProviderType of the documented enum) returns an ARN arn:aws:codeconnections:REGION:ACCOUNT:connection/UUID,
    and "A connection created through ... the SDK is in PENDING status by default"; GetConnection,
    DeleteConnection and the tag operations answer ResourceNotFoundException for an unknown ARN;
    ListConnections filters on ProviderTypeFilter and pages with MaxResults/NextToken. Only the console moves a
    connection to AVAILABLE on AWS: tests do that with POST /_pipectl/connections/status {ConnectionArn, Status}.
    """

    ACCOUNT = "123456789012"
    PREFIXES = ("com.amazonaws.codeconnections.CodeConnections_20231201.",
                "com.amazonaws.codestar.connections.CodeStar_connections_20191201.")
    PROVIDERS = {"Bitbucket", "GitHub", "GitHubEnterpriseServer", "GitLab", "GitLabSelfManaged", "AzureDevOps"}
    STATUS_PATH = "/_pipectl/connections/status"

    def __init__(self):
        import threading

        self.connections = {}  # ARN -> connection (insertion order is ListConnections' order)
        self.tags = {}  # ARN -> {key: value}
        self.lock = threading.Lock()

    def handles(self, environ) -> bool:
        return environ.get("HTTP_X_AMZ_TARGET", "").startswith(self.PREFIXES) or environ.get("PATH_INFO") == self.STATUS_PATH

    def reset(self) -> None:
        with self.lock:
            self.connections.clear()
            self.tags.clear()

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"{}")
        if environ.get("PATH_INFO") == self.STATUS_PATH:
            operation = "SetStatus"
        else:
            operation = environ["HTTP_X_AMZ_TARGET"].rsplit(".", 1)[1]
        handler = getattr(self, "op_" + operation, None)
        try:
            if handler is None:
                raise ConnectionsError("UnknownOperationException", f"Unknown operation {operation}")
            with self.lock:
                reply = handler(body, self.region_of(environ))
            return self.send(start_response, "200 OK", reply)
        except ConnectionsError as error:
            return self.send(start_response, error.status, {"__type": error.code, "Message": error.message})

    @staticmethod
    def region_of(environ) -> str:
        # SigV4 scope: Credential=AKID/DATE/REGION/SERVICE/aws4_request
        match = re.search(r"Credential=[^/]+/[^/]+/([^/]+)/", environ.get("HTTP_AUTHORIZATION", ""))
        return match.group(1) if match else "us-east-1"

    @staticmethod
    def send(start_response, status, reply, content_type="application/x-amz-json-1.0", request_id="pipectl-connections-responder"):
        data = json.dumps(reply).encode()
        start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(data))), ("x-amzn-RequestId", request_id)])
        return [data]

    def existing(self, body, key="ConnectionArn"):
        arn = body.get(key)
        if arn not in self.connections:
            raise ConnectionsError("ResourceNotFoundException", f"Connection {arn} not found")
        return arn

    def op_CreateConnection(self, body, region):
        import uuid

        name, provider = body.get("ConnectionName") or "", body.get("ProviderType")
        if not 1 <= len(name) <= 32:
            raise ConnectionsError("ValidationException", "ConnectionName must be 1 to 32 characters")
        if provider not in self.PROVIDERS:
            raise ConnectionsError("ValidationException", f"ProviderType {provider} is not valid")
        arn = f"arn:aws:codeconnections:{region}:{self.ACCOUNT}:connection/{uuid.uuid4()}"
        self.connections[arn] = {"ConnectionName": name, "ConnectionArn": arn, "ProviderType": provider,
                                 "OwnerAccountId": self.ACCOUNT, "ConnectionStatus": "PENDING"}
        self.tags[arn] = {t["Key"]: t["Value"] for t in body.get("Tags") or []}
        return {"ConnectionArn": arn, "Tags": body.get("Tags") or []}

    def op_GetConnection(self, body, region):
        return {"Connection": dict(self.connections[self.existing(body)])}

    def op_ListConnections(self, body, region):
        wanted = body.get("ProviderTypeFilter")
        matching = [c for arn, c in self.connections.items()
                    if f":{region}:" in arn and (wanted is None or c["ProviderType"] == wanted)]
        start = int(body.get("NextToken") or 0)
        size = body.get("MaxResults") or 100
        page = matching[start:start + size]
        reply = {"Connections": [dict(c) for c in page]}
        if start + size < len(matching):
            reply["NextToken"] = str(start + size)
        return reply

    def op_DeleteConnection(self, body, region):
        arn = self.existing(body)
        del self.connections[arn]
        del self.tags[arn]
        return {}

    def op_ListTagsForResource(self, body, region):
        arn = self.existing(body, "ResourceArn")
        return {"Tags": [{"Key": k, "Value": v} for k, v in self.tags[arn].items()]}

    def op_TagResource(self, body, region):
        arn = self.existing(body, "ResourceArn")
        self.tags[arn].update({t["Key"]: t["Value"] for t in body.get("Tags") or []})
        return {}

    def op_UntagResource(self, body, region):
        arn = self.existing(body, "ResourceArn")
        for key in body.get("TagKeys") or []:
            self.tags[arn].pop(key, None)
        return {}

    def op_SetStatus(self, body, region):
        # Not an AWS operation: stands in for the person who finishes the handshake in the console.
        self.connections[self.existing(body)]["ConnectionStatus"] = body["Status"]
        return {}


class ConnectionsError(Exception):
    def __init__(self, code, message, status="400 Bad Request"):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def install_responder(responder) -> None:
    """Puts an in-memory responder in front of moto's dispatcher: it answers the requests it handles, everything
    else still reaches moto, and moto's reset (/moto-api/reset) clears it too."""
    from moto.moto_server import werkzeug_app

    original_call = werkzeug_app.DomainDispatcherApplication.__call__

    def call(self, environ, start_response):
        if environ.get("PATH_INFO") == "/moto-api/reset":
            responder.reset()
        if responder.handles(environ):
            return responder(environ, start_response)
        return original_call(self, environ, start_response)

    werkzeug_app.DomainDispatcherApplication.__call__ = call


CONNECTIONS = ConnectionsResponder()


def patch_codeconnections() -> None:
    install_responder(CONNECTIONS)


# ---- CodeBuild report groups ------------------------------------------------------------------------------


class ReportGroupsResponder:
    """moto 5.2.1's CodeBuild has no report groups or reports: this answers those operations (JSON 1.1, target
    prefix CodeBuild_20161006) in memory; every other CodeBuild operation still goes to moto.

    It follows the AWS CodeBuild API Reference: CreateReportGroup takes name (2-128 characters), type (TEST or
    CODE_COVERAGE) and exportConfig (NO_EXPORT or S3), answers ResourceAlreadyExistsException for a name taken in the
    region, and returns the group with ARN arn:aws:codebuild:REGION:ACCOUNT:report-group/NAME; BatchGetReportGroups
    takes 1-100 ARNs and lists the unknown ones in reportGroupsNotFound; UpdateReportGroup replaces the export
    settings and the tag list it is given (ResourceNotFoundException for an unknown ARN); DeleteReportGroup refuses a
    group that still has reports unless deleteReports is true ("If false, you must delete any reports in the report
    group"). BatchGetReports and DescribeTestCases (status filter, paging) read reports. Only a build writes reports
    on AWS: tests add one with POST /_pipectl/codebuild/report {reportGroupArn, testCases: [{name, status}]}.
    """

    ACCOUNT = "123456789012"
    PREFIX = "CodeBuild_20161006."
    OPERATIONS = {"CreateReportGroup", "BatchGetReportGroups", "UpdateReportGroup", "DeleteReportGroup",
                  "ListReportGroups", "ListReportsForReportGroup", "BatchGetReports", "DescribeTestCases"}
    REPORT_PATH = "/_pipectl/codebuild/report"

    def __init__(self):
        import threading

        self.groups = {}  # ARN -> report group
        self.reports = {}  # ARN -> report (with its test cases under "_cases")
        self.lock = threading.Lock()

    def handles(self, environ) -> bool:
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        return (target.startswith(self.PREFIX) and target[len(self.PREFIX):] in self.OPERATIONS) or environ.get("PATH_INFO") == self.REPORT_PATH

    def reset(self) -> None:
        with self.lock:
            self.groups.clear()
            self.reports.clear()

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"{}")
        operation = "AddReport" if environ.get("PATH_INFO") == self.REPORT_PATH else environ["HTTP_X_AMZ_TARGET"][len(self.PREFIX):]
        try:
            with self.lock:
                reply = getattr(self, "op_" + operation)(body, ConnectionsResponder.region_of(environ))
            return self.send(start_response, "200 OK", reply)
        except ConnectionsError as error:
            return self.send(start_response, error.status, {"__type": error.code, "message": error.message})

    @staticmethod
    def send(start_response, status, reply):
        return ConnectionsResponder.send(start_response, status, reply, "application/x-amz-json-1.1", "pipectl-report-groups-responder")

    @staticmethod
    def export_config(config):
        kind = (config or {}).get("exportConfigType")
        if kind not in ("NO_EXPORT", "S3"):
            raise ConnectionsError("InvalidInputException", f"Invalid export config type: {kind}")
        return {"exportConfigType": kind, **({"s3Destination": config["s3Destination"]} if "s3Destination" in config else {})}

    def existing(self, arn):
        if arn not in self.groups:
            raise ConnectionsError("ResourceNotFoundException", f"Report group {arn} not found")
        return self.groups[arn]

    def op_CreateReportGroup(self, body, region):
        import time

        name, kind = body.get("name") or "", body.get("type")
        if not 2 <= len(name) <= 128:
            raise ConnectionsError("InvalidInputException", "Report group name must be 2 to 128 characters")
        if kind not in ("TEST", "CODE_COVERAGE"):
            raise ConnectionsError("InvalidInputException", f"Invalid report group type: {kind}")
        arn = f"arn:aws:codebuild:{region}:{self.ACCOUNT}:report-group/{name}"
        if arn in self.groups:
            raise ConnectionsError("ResourceAlreadyExistsException", f"Report group {arn} already exists")
        now = time.time()
        self.groups[arn] = {"arn": arn, "name": name, "type": kind, "exportConfig": self.export_config(body.get("exportConfig")),
                            "created": now, "lastModified": now, "tags": list(body.get("tags") or []), "status": "ACTIVE"}
        return {"reportGroup": dict(self.groups[arn])}

    def op_BatchGetReportGroups(self, body, region):
        arns = body.get("reportGroupArns") or []
        if not 1 <= len(arns) <= 100:
            raise ConnectionsError("InvalidInputException", "reportGroupArns must hold 1 to 100 ARNs")
        return {"reportGroups": [dict(self.groups[a]) for a in arns if a in self.groups],
                "reportGroupsNotFound": [a for a in arns if a not in self.groups]}

    def op_UpdateReportGroup(self, body, region):
        import time

        group = self.existing(body.get("arn"))
        if "exportConfig" in body:
            group["exportConfig"] = self.export_config(body["exportConfig"])
        if "tags" in body:
            group["tags"] = list(body["tags"])
        group["lastModified"] = time.time()
        return {"reportGroup": dict(group)}

    def op_DeleteReportGroup(self, body, region):
        arn = body.get("arn")
        if arn not in self.groups:
            # The API reference lists no not-found error for DeleteReportGroup.
            return {}
        owned = [r for r, report in self.reports.items() if report["reportGroupArn"] == arn]
        if owned and not body.get("deleteReports"):
            raise ConnectionsError("InvalidInputException", f"Report group {arn} has reports: delete them first, or set deleteReports")
        for report in owned:
            del self.reports[report]
        del self.groups[arn]
        return {}

    def op_ListReportGroups(self, body, region):
        return {"reportGroups": [a for a in self.groups if f":{region}:" in a]}

    def op_ListReportsForReportGroup(self, body, region):
        arn = self.existing(body.get("reportGroupArn"))["arn"]
        return {"reports": [r for r, report in self.reports.items() if report["reportGroupArn"] == arn]}

    def op_BatchGetReports(self, body, region):
        arns = body.get("reportArns") or []
        if not 1 <= len(arns) <= 100:
            raise ConnectionsError("InvalidInputException", "reportArns must hold 1 to 100 ARNs")
        found = [{k: v for k, v in self.reports[a].items() if k != "_cases"} for a in arns if a in self.reports]
        return {"reports": found, "reportsNotFound": [a for a in arns if a not in self.reports]}

    def op_DescribeTestCases(self, body, region):
        report = self.reports.get(body.get("reportArn"))
        if report is None:
            raise ConnectionsError("ResourceNotFoundException", f"Report {body.get('reportArn')} not found")
        wanted = (body.get("filter") or {}).get("status")
        cases = [c for c in report["_cases"] if wanted is None or c["status"] == wanted]
        start = int(body.get("nextToken") or 0)
        size = body.get("maxResults") or 50
        reply = {"testCases": cases[start:start + size]}
        if start + size < len(cases):
            reply["nextToken"] = str(start + size)
        return reply

    def op_AddReport(self, body, region):
        # Not an AWS operation: stands in for a test build that writes a report into the group.
        import time
        import uuid

        group = self.existing(body.get("reportGroupArn"))
        arn = f"{group['arn'].replace(':report-group/', ':report/')}:{uuid.uuid4()}"
        cases = [{"reportArn": arn, "prefix": c.get("prefix", "test"), "name": c["name"], "status": c["status"]} for c in body.get("testCases") or []]
        counts = {}
        for case in cases:
            counts[case["status"]] = counts.get(case["status"], 0) + 1
        self.reports[arn] = {"arn": arn, "type": group["type"], "name": group["name"], "reportGroupArn": group["arn"],
                             "status": "FAILED" if counts.get("FAILED") else "SUCCEEDED", "created": time.time(),
                             "testSummary": {"total": len(cases), "statusCounts": counts, "durationInNanoSeconds": 0},
                             "_cases": cases}
        return {"reportArn": arn}


REPORT_GROUPS = ReportGroupsResponder()


def patch_report_groups() -> None:
    install_responder(REPORT_GROUPS)


# ---- CloudFront -----------------------------------------------------------------------------------------


def patch_cloudfront() -> None:
    from moto.cloudfront import models
    from moto.cloudfront.exceptions import CloudFrontException
    from moto.moto_api import state_manager

    original_origin_init = models.Origin.__init__

    def origin_init(self, origin):
        # CloudFront API Reference, Origin.OriginAccessControlId: "The unique identifier of an origin access control
        # for this origin." moto dropped it, so GetDistributionConfig lost the origin's access control.
        original_origin_init(self, origin)
        self.origin_access_control_id = origin.get("OriginAccessControlId") or ""

    models.Origin.__init__ = origin_init

    # CloudFront Developer Guide, "Update a distribution": the change propagates to the edge locations while the
    # status is InProgress, then the status is Deployed. moto was Deployed at once; here a distribution deploys
    # after it has been looked at twice more (GetDistribution / ListDistributions).
    state_manager.set_transition("cloudfront::distribution", {"progression": "manual", "times": 2})

    original_distribution_init = models.Distribution.__init__

    def distribution_init(self, account_id, region_name, config):
        # CloudFront Developer Guide, ARN format: arn:aws:cloudfront::ACCOUNT:distribution/ID (CloudFront is global,
        # the region field is empty). moto wrote arn:aws:cloudfront:ACCOUNT:distribution/ID.
        original_distribution_init(self, account_id, region_name, config)
        self.arn = self.arn.replace(f":cloudfront:{account_id}:", f":cloudfront::{account_id}:")

    models.Distribution.__init__ = distribution_init

    # CloudFront API Reference, DistributionSummary: Origins, DefaultCacheBehavior, CustomErrorResponses, Comment
    # and Enabled are required members of every item ListDistributions returns. moto left them out.
    for member, attribute in (("Origins", "origins"), ("DefaultCacheBehavior", "default_cache_behavior"),
                              ("CustomErrorResponses", "custom_error_responses"), ("Comment", "comment"),
                              ("Enabled", "enabled"), ("Aliases", "aliases")):
        setattr(models.Distribution, attribute, property(lambda self, m=member: getattr(self.distribution_config, m, None)))

    def precondition_failed():
        return CloudFrontException("PreconditionFailed", "The precondition in one or more of the request fields evaluated to false.")

    def check_if_match(if_match, etag):
        # CloudFront API Reference, errors of UpdateDistribution, DeleteDistribution and DeleteOriginAccessControl:
        # InvalidIfMatchVersion (400) "The If-Match version is missing or not valid" when the header is absent;
        # PreconditionFailed (412) when it names another version than the current ETag.
        if not if_match:
            raise models.InvalidIfMatchVersion()
        if if_match != etag:
            raise precondition_failed()

    original_update = models.CloudFrontBackend.update_distribution

    def update_distribution(self, dist_config, _id, if_match):
        # CloudFront API Reference, UpdateDistribution: If-Match is "The value of the ETag header that you received
        # when retrieving the distribution's configuration", and each version has its own ETag. moto took any value.
        dist = self.distributions.get(_id)
        if dist is not None:
            check_if_match(if_match, dist.etag)
        reply = original_update(self, dist_config, _id, if_match)
        dist.etag = models.random_id()
        dist.status = "InProgress"
        dist._tick = 0
        return dist, reply[1], dist.etag

    models.CloudFrontBackend.update_distribution = update_distribution

    original_delete = models.CloudFrontBackend.delete_distribution

    def delete_distribution(self, distribution_id, if_match):
        # CloudFront API Reference, DeleteDistribution: the distribution must be disabled and its status Deployed
        # (DistributionNotDisabled otherwise), and If-Match is the ETag of the latest GetDistribution. moto deleted
        # an enabled distribution with any If-Match value.
        dist = self.distributions.get(distribution_id)
        if dist is not None:
            check_if_match(if_match, dist.etag)
            if getattr(dist.distribution_config, "Enabled", False) in (True, "true") or dist.status != "Deployed":
                raise CloudFrontException("DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.")
        return original_delete(self, distribution_id, if_match)

    models.CloudFrontBackend.delete_distribution = delete_distribution

    from moto.cloudfront import responses as cloudfront_responses

    def delete_origin_access_control_response(self):
        # CloudFront API Reference, DeleteOriginAccessControl: "IfMatch: The current version (ETag value) of the
        # origin access control", and OriginAccessControlInUse (409) while a distribution's origin still names it.
        # moto ignored If-Match and deleted a control in use.
        control_id = self._get_param("Id")
        control = self.backend.get_origin_access_control(control_id)
        check_if_match(self._get_param("IfMatch"), control.etag)
        for dist in self.backend.distributions.values():
            if any(getattr(origin, "origin_access_control_id", "") == control_id for origin in dist.distribution_config.Origins["Items"]):
                raise CloudFrontException("OriginAccessControlInUse", "Cannot delete this origin access control because it's in use by one or more origins.")
        self.backend.delete_origin_access_control(control_id)
        return cloudfront_responses.EmptyResult()

    cloudfront_responses.CloudFrontResponse.delete_origin_access_control = delete_origin_access_control_response

    original_create_control = models.CloudFrontBackend.create_origin_access_control

    def create_origin_access_control(self, config_dict):
        # CloudFront API Reference, CreateOriginAccessControl
        # (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateOriginAccessControl.html), errors:
        # OriginAccessControlAlreadyExists (409). CloudFront answers it for a Name another origin access control of the
        # account already has ("An origin access control with the same name already exists."). moto took any name twice.
        name = config_dict.get("Name")
        if any(control.name == name for control in self.origin_access_controls.values()):
            raise CloudFrontException("OriginAccessControlAlreadyExists", "An origin access control with the same name already exists.")
        return original_create_control(self, config_dict)

    models.CloudFrontBackend.create_origin_access_control = create_origin_access_control

    original_create_with_tags = models.CloudFrontBackend.create_distribution_with_tags

    def create_distribution_with_tags(self, distribution_config, tags):
        # CloudFront API Reference, DistributionConfig.CallerReference
        # (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html): "If
        # CallerReference is a value that you already sent in a previous request to create a distribution, CloudFront
        # returns a DistributionAlreadyExists error." moto compared only with the distributions that still exist, so a
        # reference of a deleted distribution made a new one; here every reference sent once stays taken.
        used = self.__dict__.setdefault("pipectl_caller_references", {})
        reference = distribution_config.get("CallerReference")
        if reference in used and used[reference] not in self.distributions:
            raise models.DistributionAlreadyExists(used[reference])
        dist, location, etag = original_create_with_tags(self, distribution_config, tags)
        used[reference] = dist.distribution_id
        return dist, location, etag

    models.CloudFrontBackend.create_distribution_with_tags = create_distribution_with_tags


# ---- Resource Groups Tagging API --------------------------------------------------------------------------


def patch_tagging() -> None:
    """Resource Groups Tagging API Reference, "Services that support the Resource Groups Tagging API"
    (https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/supported-services.html): "The
    GetResources, GetTagKeys, and GetTagValues operations support all resource types" (IAM users and roles
    excepted). moto 5.2.1's GetResources knows neither CodePipeline pipelines, CodeBuild projects and report
    groups, CodeCommit repositories, ECR repositories, EventBridge rules nor CodeConnections connections: it
    answers an empty list for them. This yields them too, for the request's region, filtered as GetResources
    documents: every TagFilter's Key must be there (with one of its Values when it has any), and a
    ResourceTypeFilters entry is "service" or "service:resourceType"."""
    from moto.codebuild.models import codebuild_backends
    from moto.codecommit.models import codecommit_backends
    from moto.codepipeline.models import codepipeline_backends
    from moto.ecr.models import ecr_backends
    from moto.events.models import events_backends
    from moto.resourcegroupstaggingapi import models

    def wanted(types, service, kind) -> bool:
        return not types or service in types or f"{service}:{kind}" in types

    def matches(tag_filters, tags) -> bool:
        held = {t["Key"]: t["Value"] for t in tags}
        return all(f["Key"] in held and (not f.get("Values") or held[f["Key"]] in f["Values"]) for f in tag_filters or [])

    def as_list(tags: dict) -> list:
        return [{"Key": k, "Value": v} for k, v in tags.items()]

    def missing(backend, types):
        account, region = backend.account_id, backend.region_name
        if wanted(types, "codepipeline", "pipeline"):
            for pipeline in codepipeline_backends[account][region].pipelines.values():
                yield pipeline._arn, as_list(pipeline.tags)
        if wanted(types, "codebuild", "project"):
            for project in codebuild_backends[account][region].codebuild_projects.values():
                yield project.arn, [{"Key": t["key"], "Value": t["value"]} for t in project.tags or []]
        if wanted(types, "codebuild", "report-group"):
            for arn, group in list(REPORT_GROUPS.groups.items()):
                if f":{region}:{account}:" in arn:
                    yield arn, [{"Key": t["key"], "Value": t["value"]} for t in group.get("tags") or []]
        if wanted(types, "codecommit", "repository"):
            commit = codecommit_backends[account][region]
            for repository in commit.repositories.values():
                arn = repository.repository_metadata["Arn"]
                yield arn, as_list(getattr(commit, "pipectl_tags", {}).get(arn, {}))
        if wanted(types, "ecr", "repository"):
            ecr = ecr_backends[account][region]
            for repository in ecr.repositories.values():
                yield repository.arn, ecr.tagger.list_tags_for_resource(repository.arn)["tags"]
        if wanted(types, "events", "rule"):
            events = events_backends[account][region]
            for bus in events.event_buses.values():
                for rule in bus.rules.values():
                    yield rule.arn, events.tagger.list_tags_for_resource(rule.arn)["Tags"]
        if wanted(types, "codeconnections", "connection") or wanted(types, "codestar-connections", "connection"):
            for arn in list(CONNECTIONS.connections):
                service = arn.split(":")[2]
                if f":{region}:" in arn and wanted(types, service, "connection"):
                    yield arn, as_list(CONNECTIONS.tags.get(arn, {}))

    original = models.ResourceGroupsTaggingAPIBackend._get_resources_generator

    def generator(self, tag_filters=None, resource_type_filters=None):
        yield from original(self, tag_filters=tag_filters, resource_type_filters=resource_type_filters)
        for arn, tags in missing(self, resource_type_filters or []):
            if tags and matches(tag_filters, tags):
                yield {"ResourceARN": arn, "Tags": tags}

    models.ResourceGroupsTaggingAPIBackend._get_resources_generator = generator


# ---- CloudFront Functions ---------------------------------------------------------------------------------


class FunctionsResponder:
    """moto 5.2.1 has no CloudFront Functions: this answers them (REST-XML, API 2020-05-31) in memory, as the
    CloudFront API Reference documents them. CreateFunction (POST /function: Name 1-64 of [a-zA-Z0-9-_], runtime
    cloudfront-js-1.0 or cloudfront-js-2.0, code at most 10 KB, FunctionAlreadyExists 409) makes the DEVELOPMENT
    stage; PublishFunction copies it to LIVE; UpdateFunction replaces DEVELOPMENT's config and code; DeleteFunction
    removes both stages and refuses a function a distribution still associates (FunctionInUse 409). Every change
    needs If-Match with the DEVELOPMENT stage's current ETag: none is InvalidIfMatchVersion (400), another is
    PreconditionFailed (412). DescribeFunction and GetFunction read a stage (?Stage=DEVELOPMENT|LIVE, DEVELOPMENT
    when absent); an unknown function or stage is NoSuchFunctionExists (404).
    """

    ACCOUNT = "123456789012"
    PREFIX = "/2020-05-31/function"
    XMLNS = "http://cloudfront.amazonaws.com/doc/2020-05-31/"

    def __init__(self):
        import threading

        self.functions = {}  # name -> {"DEVELOPMENT": stage, "LIVE": stage?, "tags": {...}}
        self.lock = threading.Lock()

    def handles(self, environ) -> bool:
        path = environ.get("PATH_INFO", "")
        return path == self.PREFIX or path.startswith(self.PREFIX + "/")

    def reset(self) -> None:
        with self.lock:
            self.functions.clear()

    def __call__(self, environ, start_response):
        import urllib.parse

        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        parts = environ["PATH_INFO"][len(self.PREFIX):].strip("/").split("/")
        name = urllib.parse.unquote(parts[0]) if parts and parts[0] else None
        suffix = parts[1] if len(parts) > 1 else None
        stage = urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("Stage", ["DEVELOPMENT"])[0]
        if_match = environ.get("HTTP_IF_MATCH")
        method = environ["REQUEST_METHOD"]
        try:
            with self.lock:
                if method == "POST" and name is None:
                    return self.create(start_response, body)
                if method == "GET" and suffix == "describe":
                    found = self.stage(name, stage)
                    return self.xml(start_response, "200 OK", self.summary(name, found), found["etag"])
                if method == "GET" and suffix is None and name:
                    found = self.stage(name, stage)
                    start_response("200 OK", [("Content-Type", "application/octet-stream"), ("ETag", found["etag"]),
                                              ("Content-Length", str(len(found["code"]))), ("x-amzn-RequestId", "pipectl-functions-responder")])
                    return [found["code"]]
                if method == "POST" and suffix == "publish":
                    development = self.matching(name, if_match)
                    live = dict(development, stage="LIVE", etag=self.etag(), modified=self.now())
                    self.functions[name]["LIVE"] = live
                    return self.xml(start_response, "200 OK", self.summary(name, live), None)
                if method == "PUT" and suffix is None and name:
                    development = self.matching(name, if_match)
                    config, code = self.request_config(body, "UpdateFunctionRequest")
                    development.update(config=config, code=code, etag=self.etag(), modified=self.now())
                    return self.xml(start_response, "200 OK", self.summary(name, development), development["etag"])
                if method == "DELETE" and suffix is None and name:
                    self.matching(name, if_match)
                    if self.associated(name):
                        raise CloudFrontError("FunctionInUse", "Cannot delete function, it's in use by one or more distributions.", "409 Conflict")
                    del self.functions[name]
                    start_response("204 No Content", [("x-amzn-RequestId", "pipectl-functions-responder")])
                    return [b""]
            raise CloudFrontError("UnsupportedOperation", f"{method} {environ['PATH_INFO']} is not answered by the launcher", "400 Bad Request")
        except CloudFrontError as error:
            return self.error(start_response, error)

    @staticmethod
    def now():
        import datetime

        return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    @staticmethod
    def etag():
        import uuid

        return "E" + uuid.uuid4().hex[:13].upper()

    def request_config(self, body, root_name):
        import base64
        import xml.etree.ElementTree as ET

        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            raise CloudFrontError("InvalidArgument", "The request body is not valid XML.", "400 Bad Request")
        ns = "{" + self.XMLNS + "}"
        if root.tag != ns + root_name:
            raise CloudFrontError("InvalidArgument", f"The request body must be a {root_name}.", "400 Bad Request")
        config = root.find(ns + "FunctionConfig")
        runtime = config.findtext(ns + "Runtime") if config is not None else None
        if runtime not in ("cloudfront-js-1.0", "cloudfront-js-2.0"):
            raise CloudFrontError("InvalidArgument", f"Runtime {runtime} is not valid: cloudfront-js-1.0 or cloudfront-js-2.0.", "400 Bad Request")
        code = base64.b64decode(root.findtext(ns + "FunctionCode") or "")
        if not code:
            raise CloudFrontError("InvalidArgument", "FunctionCode is required.", "400 Bad Request")
        if len(code) > 10 * 1024:
            raise CloudFrontError("FunctionSizeLimitExceeded", "The function is larger than 10 KB.", "413 Request Entity Too Large")
        tags = {t.findtext(ns + "Key"): t.findtext(ns + "Value") or "" for t in root.iter(ns + "Tag")}
        return {"Comment": config.findtext(ns + "Comment") or "", "Runtime": runtime, "_tags": tags}, code

    def create(self, start_response, body):
        import xml.etree.ElementTree as ET

        config, code = self.request_config(body, "CreateFunctionRequest")
        name = ET.fromstring(body).findtext("{" + self.XMLNS + "}Name") or ""
        if not re.fullmatch(r"[a-zA-Z0-9\-_]{1,64}", name):
            raise CloudFrontError("InvalidArgument", f"Function name {name} is not valid: 1-64 of a-z A-Z 0-9 - _.", "400 Bad Request")
        if name in self.functions:
            raise CloudFrontError("FunctionAlreadyExists", f"A function with the name {name} already exists.", "409 Conflict")
        now = self.now()
        development = {"stage": "DEVELOPMENT", "config": config, "code": code, "etag": self.etag(), "created": now, "modified": now}
        self.functions[name] = {"DEVELOPMENT": development, "tags": config.pop("_tags")}
        return self.xml(start_response, "201 Created", self.summary(name, development), development["etag"],
                        location=f"https://cloudfront.amazonaws.com/2020-05-31/function/arn:aws:cloudfront::{self.ACCOUNT}:function/{name}")

    def stage(self, name, stage):
        found = self.functions.get(name, {}).get(stage)
        if found is None:
            raise CloudFrontError("NoSuchFunctionExists", f"The function {name} does not exist in stage {stage}.", "404 Not Found")
        return found

    def matching(self, name, if_match):
        development = self.stage(name, "DEVELOPMENT")
        if not if_match:
            raise CloudFrontError("InvalidIfMatchVersion", "The If-Match version is missing or not valid.", "400 Bad Request")
        if if_match != development["etag"]:
            raise CloudFrontError("PreconditionFailed", "The If-Match version does not match the function's current version.", "412 Precondition Failed")
        return development

    def associated(self, name) -> bool:
        from moto.cloudfront.models import cloudfront_backends

        arn = f"arn:aws:cloudfront::{self.ACCOUNT}:function/{name}"
        for distribution in cloudfront_backends[self.ACCOUNT]["aws"].distributions.values():
            associations = distribution.distribution_config.DefaultCacheBehavior.function_associations
            if any(item.get("FunctionARN") == arn for item in associations.get("Items") or []):
                return True
        return False

    def summary(self, name, stage):
        from xml.sax.saxutils import escape

        status = "UNPUBLISHED" if "LIVE" not in self.functions[name] else ("DEPLOYED" if self.associated(name) else "UNASSOCIATED")
        config = stage["config"]
        return (f'<FunctionSummary xmlns="{self.XMLNS}"><Name>{escape(name)}</Name><Status>{status}</Status>'
                f'<FunctionConfig><Comment>{escape(config["Comment"])}</Comment><Runtime>{config["Runtime"]}</Runtime></FunctionConfig>'
                f'<FunctionMetadata><FunctionARN>arn:aws:cloudfront::{self.ACCOUNT}:function/{escape(name)}</FunctionARN>'
                f'<Stage>{stage["stage"]}</Stage><CreatedTime>{stage["created"]}</CreatedTime>'
                f'<LastModifiedTime>{stage["modified"]}</LastModifiedTime></FunctionMetadata></FunctionSummary>')

    @staticmethod
    def xml(start_response, status, text, etag, location=None):
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode()
        headers = [("Content-Type", "text/xml"), ("Content-Length", str(len(data))), ("x-amzn-RequestId", "pipectl-functions-responder")]
        headers += [("ETag", etag)] if etag else []
        headers += [("Location", location)] if location else []
        start_response(status, headers)
        return [data]

    def error(self, start_response, error):
        from xml.sax.saxutils import escape

        data = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="{self.XMLNS}"><Error><Type>Sender</Type>'
                f'<Code>{error.code}</Code><Message>{escape(error.message)}</Message></Error>'
                f'<RequestId>pipectl-functions-responder</RequestId></ErrorResponse>').encode()
        start_response(error.status, [("Content-Type", "text/xml"), ("Content-Length", str(len(data))), ("x-amzn-RequestId", "pipectl-functions-responder")])
        return [data]


class CloudFrontError(Exception):
    def __init__(self, code, message, status):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def patch_cloudfront_functions() -> None:
    from moto.cloudfront import models
    from moto.cloudfront.exceptions import CloudFrontException

    responder = FunctionsResponder()
    install_responder(responder)

    original_behavior_init = models.DefaultCacheBehaviour.__init__

    def behavior_init(self, config):
        # CloudFront API Reference, DefaultCacheBehavior.FunctionAssociations: "A list of CloudFront functions that
        # are associated with this cache behavior." moto dropped them (always Quantity 0). CloudFront refuses an
        # association with a function that has no LIVE stage ("InvalidFunctionAssociation": the function must be
        # published, Developer Guide "Associate functions with distributions").
        original_behavior_init(self, config)
        associations = config.get("FunctionAssociations") or {"Quantity": 0}
        items = associations.get("Items") or []
        items = items if isinstance(items, list) else [items]
        for item in items:
            name = (item.get("FunctionARN") or "").rsplit("function/", 1)[-1]
            if "LIVE" not in responder.functions.get(name, {}):
                raise CloudFrontException("InvalidFunctionAssociation", f"The function {item.get('FunctionARN')} is not published (no LIVE stage).")
            if item.get("EventType") not in ("viewer-request", "viewer-response"):
                raise CloudFrontException("InvalidFunctionAssociation", f"Event type {item.get('EventType')} is not valid for a CloudFront function.")
        self.function_associations = {"Quantity": len(items), **({"Items": items} if items else {})}

    models.DefaultCacheBehaviour.__init__ = behavior_init


# IAM User Guide, "Policy evaluation logic" (reference_policies_evaluation-logic.html) and IAM API Reference,
# "SimulatePrincipalPolicy": the identity-based policies of a user (inline, attached managed, and its groups'
# inline and attached) or of a role (inline and attached) decide each action on each resource: an explicit Deny
# wins, then an Allow, else implicitDeny. Action/NotAction match case-insensitively, Resource/NotResource as the
# ARN is spelled, both with the * and ? wildcards ("IAM JSON policy elements: Action", "...: Resource").
# No request context is passed (ContextEntries is not modelled): a Condition is evaluated with every key missing
# (condition_holds: a missing key fails a condition, except the negated and ...IfExists operators), so an Allow
# with a condition on a key allows nothing, and a Deny applies wherever its condition holds without the key; an
# unmodelled operator counts as holding in a Deny and failing in an Allow. A policy variable (${...}) in a
# Resource is not substituted: such a Deny counts as applying and such an Allow as not. Never more lenient than
# AWS. Permissions boundaries, SCPs and resource-based policies are not evaluated (AWS's simulator reads the
# boundary and SCPs too; moto models neither).
def simulate_decision(documents, action: str, resource: str) -> str:
    def matches(patterns, value: str, ignore_case: bool) -> bool:
        patterns = patterns if isinstance(patterns, list) else [patterns]
        flags = re.IGNORECASE if ignore_case else 0
        return any(re.fullmatch(re.escape(p).replace(r"\*", ".*").replace(r"\?", "."), value, flags) for p in patterns)

    def resource_applies(statement, effect) -> bool:
        for key, wanted in (("Resource", True), ("NotResource", False)):
            if key in statement:
                patterns = statement[key] if isinstance(statement[key], list) else [statement[key]]
                if any("${" in p for p in patterns):
                    return effect == "Deny"
                return matches(patterns, resource, False) == wanted
        return False

    allowed = False
    for document in documents:
        statements = document.get("Statement", [])
        for statement in statements if isinstance(statements, list) else [statements]:
            effect = statement.get("Effect")
            if "Action" in statement and not matches(statement["Action"], action, True):
                continue
            if "NotAction" in statement and matches(statement["NotAction"], action, True):
                continue
            if "Action" not in statement and "NotAction" not in statement:
                continue
            if not resource_applies(statement, effect):
                continue
            if not conditions_hold(statement.get("Condition", {}), {}, effect):
                continue
            if effect == "Deny":
                return "explicitDeny"
            if effect == "Allow":
                allowed = True
    return "allowed" if allowed else "implicitDeny"


def patch_iam_simulation() -> None:
    from urllib.parse import unquote

    from moto.core.responses import ActionResult
    from moto.iam.exceptions import NotFoundException as IAMNotFoundException
    from moto.iam.responses import IamResponse

    def parsed(document) -> dict:
        text = document if isinstance(document, str) else json.dumps(document)
        text = text.strip()
        return json.loads(unquote(text) if text.startswith("%") else text)

    def managed(policies) -> list:
        return [parsed(next(v.document for v in p.versions if v.is_default)) for p in policies.values()]

    def documents_of(backend, arn: str) -> list:
        # An IAM ARN holds the entity's path (IAM User Guide, "IAM identifiers"): one spelled with another path
        # names no entity, so it is NoSuchEntity, as for an unknown name.
        kind, _, rest = arn.split(":", 5)[-1].partition("/")
        name = rest.rsplit("/", 1)[-1]
        entity = {"user": backend.get_user, "role": backend.get_role, "group": backend.get_group}.get(kind, lambda n: None)(name)
        if entity is None or getattr(entity, "arn", arn) != arn:
            raise IAMNotFoundException(f"The entity {arn} cannot be found.")
        if kind == "user":
            user = entity
            docs = [parsed(d) for d in user.policies.values()] + managed(user.managed_policies)
            for group in backend.get_groups_for_user(name):
                docs += [parsed(d) for d in group.policies.values()] + managed(group.managed_policies)
            return docs
        if kind == "role":
            role = entity
            return [parsed(d) for d in role.policies.values()] + managed(role.managed_policies)
        if kind == "group":
            group = entity
            return [parsed(d) for d in group.policies.values()] + managed(group.managed_policies)
        raise IAMNotFoundException(f"The entity {arn} cannot be found.")

    def simulate_principal_policy(self):
        params = self._get_params()
        arn = params.get("PolicySourceArn") or ""
        actions = params.get("ActionNames") or []
        resources = params.get("ResourceArns") or ["*"]
        page = int(params.get("MaxItems") or 100)
        start = int(params.get("Marker") or 0)
        documents = documents_of(self.backend, arn)
        results = []
        for action in actions:
            for resource in resources:
                decision = simulate_decision(documents, action, resource)
                results.append({
                    "EvalActionName": action,
                    "EvalResourceName": resource,
                    "EvalDecision": decision,
                    "MatchedStatements": [],
                    "MissingContextValues": [],
                    "ResourceSpecificResults": [{
                        "EvalResourceName": resource,
                        "EvalResourceDecision": decision,
                        "MatchedStatements": [],
                        "MissingContextValues": [],
                    }],
                })
        chunk = results[start:start + page]
        more = start + page < len(results)
        result = {"EvaluationResults": chunk, "IsTruncated": more}
        if more:
            result["Marker"] = str(start + page)
        return ActionResult(result)

    IamResponse.simulate_principal_policy = simulate_principal_policy


# ---- SNS ------------------------------------------------------------------------------------------------

# Amazon SNS API Reference, Subscribe: "If the endpoint type is HTTP/S or email, or if the endpoint and the topic are
# not in the same AWS account, the endpoint owner must run the ConfirmSubscription action to confirm the
# subscription"; its SubscriptionArn is "The ARN of the subscription if it is confirmed, or the string "pending
# confirmation" if the subscription requires confirmation. However, if the API request parameter
# ReturnSubscriptionArn is true, then the value is always the subscription ARN". ListSubscriptionsByTopic lists such
# a subscription with the SubscriptionArn "PendingConfirmation", and GetSubscriptionAttributes says
# PendingConfirmation "true". moto confirmed every subscription at once. Nobody can open the confirmation mail here,
# so an e-mail or HTTP/S subscription stays pending, as it does in AWS until its owner confirms.
CONFIRMED_BY_OWNER = {"email", "email-json", "http", "https"}


def patch_sns() -> None:
    from moto.sns import models, responses

    original_subscribe = models.SNSBackend.subscribe

    def subscribe(self, topic_arn: str, endpoint: str, protocol: str):
        existing = self._find_subscription(topic_arn, endpoint, protocol)
        subscription = original_subscribe(self, topic_arn, endpoint, protocol)
        if existing is None and protocol in CONFIRMED_BY_OWNER:
            subscription.confirmed = False
            subscription.subscription_arn = "PendingConfirmation"
            subscription.attributes["PendingConfirmation"] = "true"
            subscription.attributes["ConfirmationWasAuthenticated"] = "false"
        return subscription

    original_response = responses.SNSResponse.subscribe

    def subscribe_response(self):
        result = original_response(self)
        arn = result.result["SubscriptionArn"] if hasattr(result, "result") else None
        subscription = self.backend.subscriptions.get(arn) if arn else None
        returns_arn = str(self._get_param("ReturnSubscriptionArn", "false")).lower() == "true"
        if subscription is not None and not subscription.confirmed and getattr(subscription, "subscription_arn", None) and not returns_arn:
            result.result["SubscriptionArn"] = "pending confirmation"
        return result

    models.SNSBackend.subscribe = subscribe
    responses.SNSResponse.subscribe = subscribe_response


def patch_all() -> None:
    require_version()
    patch_codebuild()
    patch_codepipeline()
    patch_codecommit()
    patch_events()
    patch_s3()
    patch_codeconnections()
    patch_report_groups()
    patch_cloudfront()
    patch_cloudfront_functions()
    patch_tagging()
    patch_iam_simulation()
    patch_sns()


if __name__ == "__main__":
    patch_all()
    moto_main(sys.argv[1:])
