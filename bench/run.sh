#!/usr/bin/env bash
# pipectl benchmark (issue 8). Starts its own moto_server on a free 127.0.0.1 port and measures, as medians of
# several ALTERNATING runs on that one emulator (state reset with POST /moto-api/reset before each run):
#   (a) `pipectl bootstrap` of a fresh stack vs the same resources and settings created with plain `aws` CLI
#       commands in the article's order (one CLI process per call, as the tutorial does);
#   (b) a no-op re-run of bootstrap (and its mutating request count);
#   (c) `pipectl teardown` of the stack with 5,000 object versions in its artifact bucket (DeleteObjects calls);
#   (d) `pipectl --version`.
# Usage: bench/run.sh [--runs N] [--rebuild] [--dll]
#   --rebuild  publish the native binary again even if one exists
#   --dll      measure the framework-dependent build (`dotnet pipectl.dll`) instead of the native binary
set -euo pipefail

RUNS=5
REBUILD=0
FORCE_DLL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    --dll) FORCE_DLL=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=common.sh
source bench/common.sh
locate_bench_moto
AWS_CLI="$(dirname "$MOTO_SERVER")/aws"
[ -x "$AWS_CLI" ] || AWS_CLI="$(command -v aws || true)"
[ -n "$AWS_CLI" ] || { echo "bench: the aws CLI is not installed" >&2; exit 1; }

WORK="$(mktemp -d)"
MOTO_PID=""
cleanup() {
  if [ -n "$MOTO_PID" ]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- the binary under test
choose_pipectl_binary

# ---------------------------------------------------------------- the emulator
PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# moto through the repository's launcher, which corrects moto's deviations from AWS (the CODEPIPELINE build
# project, bucket-policy conditions, CreateBucket tags, ...) exactly as the integration tier does.
"$PYTHON" "$(dirname "$0")/../tests/Pipectl.IntegrationTests/Moto/moto_launcher.py" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
ENDPOINT="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "$ENDPOINT/moto-api/" && break
  sleep 0.1
done
curl -sf -o /dev/null "$ENDPOINT/moto-api/" || { echo "bench: moto_server did not start" >&2; cat "$WORK/moto.log" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_SESSION_TOKEN || true
STACK=bench
REGION=us-east-1
COMMON=(--endpoint-url "$ENDPOINT" --region "$REGION")

reset_moto() { curl -sf -X POST -o /dev/null "$ENDPOINT/moto-api/reset"; }
now_ns() { date +%s%N; }
# Runs a command, prints its wall time in ms on stdout; the command's own output goes to $WORK/last.out/.err.
timed() {
  local start end
  start=$(now_ns)
  "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { echo "bench: failed: $*" >&2; tail -5 "$WORK/last.err" >&2; exit 1; }
  end=$(now_ns)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }
json_field() { "$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); 
for k in sys.argv[2].split("."): d=d.get(k, 0) if isinstance(d, dict) else 0
print(d)' "$1" "$2"; }

bootstrap() { "${PIPECTL[@]}" bootstrap --name "$STACK" "${COMMON[@]}" --output json; }

# ---------------------------------------------------------------- capture the stack's exact settings for the CLI
# One pipectl bootstrap, then every setting it made is read back (boto3) and written as the `aws` commands
# that create the same resources with the same settings, in the article's order: repository; artifact and
# website buckets (tags, Block Public Access, versioning, encryption, website, policy); the four roles and
# their inline policies; the build project; the pipeline; the rule and its target.
reset_moto
bootstrap >"$WORK/capture.json"
"$PYTHON" - "$ENDPOINT" "$STACK" "$WORK/cli" "$AWS_CLI" <<'PY'
import json, os, shlex, sys
import boto3
endpoint, stack, out, aws = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
kw = dict(endpoint_url=endpoint, region_name="us-east-1")
s3, iam, cc, cb, cp, ev, sts = (boto3.client(n, **kw) for n in ("s3", "iam", "codecommit", "codebuild", "codepipeline", "events", "sts"))
account = sts.get_caller_identity()["Account"]
tag = {"Key": "pipectl:stack", "Value": stack}
cmds = []
def write(name, doc):
    path = os.path.join(out, name)
    with open(path, "w") as f:
        f.write(doc if isinstance(doc, str) else json.dumps(doc))
    return "file://" + path
def cli(*args):
    cmds.append(" ".join(shlex.quote(a) for a in [aws, *args, "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"]) + " >/dev/null")

repo = cc.get_repository(repositoryName=stack)["repositoryMetadata"]
cli("codecommit", "create-repository", "--repository-name", stack, "--repository-description", repo.get("repositoryDescription", ""), "--tags", f"pipectl:stack={stack}")

for kind in ("artifacts", "site"):
    b = f"{stack}-{kind}-{account}-us-east-1"
    cli("s3api", "create-bucket", "--bucket", b, "--object-ownership", "BucketOwnerEnforced")
    cli("s3api", "put-bucket-tagging", "--bucket", b, "--tagging", write(b + "-tags.json", {"TagSet": s3.get_bucket_tagging(Bucket=b)["TagSet"]}))
    pab = s3.get_public_access_block(Bucket=b)["PublicAccessBlockConfiguration"]
    cli("s3api", "put-public-access-block", "--bucket", b, "--public-access-block-configuration", write(b + "-pab.json", pab))
    if s3.get_bucket_versioning(Bucket=b).get("Status") == "Enabled":
        cli("s3api", "put-bucket-versioning", "--bucket", b, "--versioning-configuration", "Status=Enabled")
    try:
        enc = s3.get_bucket_encryption(Bucket=b)["ServerSideEncryptionConfiguration"]
        enc = {"Rules": [{"ApplyServerSideEncryptionByDefault": r["ApplyServerSideEncryptionByDefault"]} for r in enc["Rules"]]}
        cli("s3api", "put-bucket-encryption", "--bucket", b, "--server-side-encryption-configuration", write(b + "-enc.json", enc))
    except s3.exceptions.ClientError:
        pass
    try:
        w = s3.get_bucket_website(Bucket=b)
        cli("s3api", "put-bucket-website", "--bucket", b, "--website-configuration", write(b + "-web.json", {k: w[k] for k in ("IndexDocument", "ErrorDocument") if k in w}))
    except s3.exceptions.ClientError:
        pass
    try:
        cli("s3api", "put-bucket-policy", "--bucket", b, "--policy", write(b + "-policy.json", s3.get_bucket_policy(Bucket=b)["Policy"]))
    except s3.exceptions.ClientError:
        pass

roles = [f"{stack}-codebuild-role", f"{stack}-codepipeline-role", f"{stack}-deploy-role", f"{stack}-events-role"]
for r in roles:
    role = iam.get_role(RoleName=r)["Role"]
    args = ["iam", "create-role", "--role-name", r, "--assume-role-policy-document", write(r + "-trust.json", role["AssumeRolePolicyDocument"]), "--tags", f"Key=pipectl:stack,Value={stack}"]
    if role.get("Description"):
        args += ["--description", role["Description"]]
    cli(*args)
    for p in iam.list_role_policies(RoleName=r)["PolicyNames"]:
        doc = iam.get_role_policy(RoleName=r, PolicyName=p)["PolicyDocument"]
        cli("iam", "put-role-policy", "--role-name", r, "--policy-name", p, "--policy-document", write(f"{r}-{p}.json", doc))

project = cb.batch_get_projects(names=[f"{stack}-build"])["projects"][0]
keep = ("name", "description", "source", "artifacts", "environment", "serviceRole", "logsConfig", "tags")
cli("codebuild", "create-project", "--cli-input-json", write("project.json", {k: project[k] for k in keep if k in project}))

pipeline = cp.get_pipeline(name=f"{stack}-pipeline")
decl = pipeline["pipeline"]; decl.pop("version", None)
cli("codepipeline", "create-pipeline", "--cli-input-json", write("pipeline.json", {"pipeline": decl, "tags": [{"key": "pipectl:stack", "value": stack}]}))

rule = ev.describe_rule(Name=f"{stack}-trigger")
args = ["events", "put-rule", "--name", rule["Name"], "--event-pattern", write("pattern.json", rule["EventPattern"]), "--state", rule["State"], "--tags", f"Key=pipectl:stack,Value={stack}"]
if rule.get("Description"):
    args += ["--description", rule["Description"]]
cli(*args)
targets = [{k: t[k] for k in ("Id", "Arn", "RoleArn") if k in t} for t in ev.list_targets_by_rule(Rule=rule["Name"])["Targets"]]
cli("events", "put-targets", "--rule", rule["Name"], "--targets", write("targets.json", targets))

with open(os.path.join(out, "create.sh"), "w") as f:
    f.write("set -e\n" + "\n".join(cmds) + "\n")
PY
CLI_CALLS=$(grep -c "^$AWS_CLI" "$WORK/cli/create.sh" || true)
cli_sequence() { bash "$WORK/cli/create.sh"; }

# Checks the CLI sequence made what pipectl makes: a pipectl re-run after it must change nothing.
reset_moto
cli_sequence
"${PIPECTL[@]}" bootstrap --name "$STACK" "${COMMON[@]}" --output json >"$WORK/check.json" || true
CLI_EQUIVALENT=$(json_field "$WORK/check.json" apiCalls.mutating)

# ---------------------------------------------------------------- (a) + (b): alternating runs
declare -a T_PIPECTL T_CLI T_NOOP
NOOP_MUTATING=0
for i in $(seq 1 "$RUNS"); do
  reset_moto
  T_PIPECTL+=("$(timed bootstrap)")
  cp "$WORK/last.out" "$WORK/bootstrap.json"
  T_NOOP+=("$(timed bootstrap)")
  m=$(json_field "$WORK/last.out" apiCalls.mutating)
  NOOP_MUTATING=$(( NOOP_MUTATING + m ))
  cp "$WORK/last.out" "$WORK/noop.json"
  reset_moto
  T_CLI+=("$(timed cli_sequence)")
  echo "run $i/$RUNS: pipectl bootstrap ${T_PIPECTL[-1]} ms, no-op re-run ${T_NOOP[-1]} ms, aws CLI sequence ${T_CLI[-1]} ms" >&2
done

# ---------------------------------------------------------------- (c): teardown of 5,000 object versions
fill() {
  "$PYTHON" - "$ENDPOINT" "$1" <<'PY'
import sys, boto3
from concurrent.futures import ThreadPoolExecutor
from botocore.config import Config
endpoint, bucket = sys.argv[1:3]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(max_pool_connections=32))
def put(i):
    s3.put_object(Bucket=bucket, Key=f"objects/{i % 2500:04d}.txt", Body=b"x")
with ThreadPoolExecutor(32) as pool:
    list(pool.map(put, range(5000)))   # 2,500 keys written twice: 5,000 versions
n = sum(len(p.get("Versions", [])) + len(p.get("DeleteMarkers", [])) for p in s3.get_paginator("list_object_versions").paginate(Bucket=bucket))
print(n)
PY
}
ARTIFACTS="$(json_field "$WORK/bootstrap.json" outputs.artifactBucket)"
[ "$ARTIFACTS" != 0 ] || ARTIFACTS="$STACK-artifacts-123456789012-$REGION"
declare -a T_TEARDOWN
DELETE_CALLS=()
VERSIONS=0
for i in $(seq 1 "$RUNS"); do
  reset_moto
  bootstrap >/dev/null
  VERSIONS=$(fill "$ARTIFACTS")
  T_TEARDOWN+=("$(timed "${PIPECTL[@]}" teardown --yes --name "$STACK" "${COMMON[@]}" --output json)")
  DELETE_CALLS+=("$(json_field "$WORK/last.out" apiCalls.operations.DeleteObjects)")
  cp "$WORK/last.out" "$WORK/teardown.json"
  echo "run $i/$RUNS: teardown of $VERSIONS versions ${T_TEARDOWN[-1]} ms, ${DELETE_CALLS[-1]} DeleteObjects calls" >&2
done

# ---------------------------------------------------------------- (d): pipectl --version
VERSION_TOOL=""
if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench: hyperfine is missing: apt-get install -y hyperfine ..." >&2
  if ! apt-cache policy hyperfine 2>/dev/null | grep -q 'Candidate: [0-9]'; then apt-get update -qq >/dev/null 2>&1 || true; fi
  apt-get install -y -qq hyperfine >/dev/null 2>&1 || echo "bench: could not install hyperfine: timing --version with a bash loop" >&2
fi
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 5 --runs 50 --export-json "$WORK/version.json" "${PIPECTL[*]} --version" >/dev/null 2>&1
  T_VERSION=$("$PYTHON" -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$WORK/version.json")
  VERSION_TOOL="hyperfine, 50 runs"
else
  for _ in 1 2 3; do "${PIPECTL[@]}" --version >/dev/null; done
  declare -a TV
  for _ in $(seq 1 50); do
    s=$(now_ns); "${PIPECTL[@]}" --version >/dev/null; e=$(now_ns); TV+=("$(( (e - s) / 1000 ))")
  done
  T_VERSION=$("$PYTHON" -c 'import sys; v=sorted(int(x) for x in sys.argv[1:]); n=len(v); print("%.1f" % ((v[n//2] if n%2 else (v[n//2-1]+v[n//2])/2)/1000))' "${TV[@]}")
  VERSION_TOOL="bash timing loop, 50 runs"
fi

# ---------------------------------------------------------------- report
M_PIPECTL=$(median "${T_PIPECTL[@]}")
M_CLI=$(median "${T_CLI[@]}")
M_NOOP=$(median "${T_NOOP[@]}")
M_TEARDOWN=$(median "${T_TEARDOWN[@]}")
MAX_DELETE=$(printf '%s\n' "${DELETE_CALLS[@]}" | sort -n | tail -1)
TOTAL=$(json_field "$WORK/bootstrap.json" apiCalls.total)
MUTATING=$(json_field "$WORK/bootstrap.json" apiCalls.mutating)
NOOP_TOTAL=$(json_field "$WORK/noop.json" apiCalls.total)
ratio() { "$PYTHON" -c 'import sys; print("%.3f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
yesno() { if "$PYTHON" -c 'import sys; sys.exit(0 if eval(sys.argv[1]) else 1)' "$1"; then echo met; else echo "NOT met"; fi; }

echo
echo "pipectl benchmark: $MODE"
echo "emulator: moto_server $("$PYTHON" -c 'import moto; print(moto.__version__)') on $ENDPOINT; aws CLI: $("$AWS_CLI" --version 2>&1 | cut -d' ' -f1)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $RUNS alternating runs (moto reset before each run)"
echo
printf '| %-58s | %12s | %-40s |\n' "measure" "median" "ratio / goal"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 60))" "$(printf -- '-%.0s' $(seq 1 14))" "$(printf -- '-%.0s' $(seq 1 42))"
printf '| %-58s | %9s ms | %-40s |\n' "(a) aws CLI sequence ($CLI_CALLS aws invocations)" "$M_CLI" "1.000"
printf '| %-58s | %9s ms | %-40s |\n' "(a) pipectl bootstrap, fresh stack" "$M_PIPECTL" "$(ratio "$M_PIPECTL" "$M_CLI") x CLI (goal <= 0.2: $(yesno "$M_PIPECTL <= 0.2 * $M_CLI"))"
printf '| %-58s | %9s ms | %-40s |\n' "(b) pipectl bootstrap, no-op re-run ($NOOP_TOTAL requests)" "$M_NOOP" "$NOOP_MUTATING mutating (goal < 500 ms, 0: $(yesno "$M_NOOP < 500 and $NOOP_MUTATING == 0"))"
printf '| %-58s | %9s ms | %-40s |\n' "(c) pipectl teardown, $VERSIONS object versions" "$M_TEARDOWN" "$MAX_DELETE DeleteObjects (goal <= 6: $(yesno "$MAX_DELETE <= 6"))"
printf '| %-58s | %9s ms | %-40s |\n' "(d) pipectl --version ($VERSION_TOOL)" "$T_VERSION" "goal < 50 ms: $(yesno "$T_VERSION < 50")"
echo
echo "bootstrap requests: $TOTAL in all, $MUTATING mutating (the aws CLI sequence sends $CLI_CALLS, all mutating)"
echo "per operation: $("$PYTHON" -c 'import json,sys; print(", ".join(f"{k} {v}" for k,v in json.load(open(sys.argv[1]))["apiCalls"]["operations"].items()))' "$WORK/bootstrap.json")"
echo "pipectl re-run right after the aws CLI sequence: $CLI_EQUIVALENT mutating requests (0 = the CLI made the same stack)"
