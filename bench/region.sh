#!/usr/bin/env bash
# pipectl under a real region's latency and IAM propagation (issue 17). Starts moto_server through the
# repository's launcher, puts bench/region_proxy.py in front of it (a seeded latency model and a propagation
# delay, see that file), and measures for the default stack, as medians of N runs (state reset before each):
#   fresh bootstrap, no-op re-run of bootstrap, teardown: wall time and requests (pipectl --output json apiCalls),
#   with the refusals the proxy answered while IAM propagated.
# Then the same three on the plain emulator (no proxy), unless --no-plain.
# Usage: bench/region.sh [--runs N] [--propagation S] [--latency-scale X] [--seed N] [--no-plain] [--dll] [--rebuild]
#   --propagation S     seconds a new role is refused by CreateProject/CreatePipeline (default 10)
#   --latency-scale X   multiplies the latency model (default 1; 0 = no latency)
#   --dll               measure `dotnet pipectl.dll` instead of the native AOT binary
#   --rebuild           build pipectl again even when no source file is newer than it
set -euo pipefail

RUNS=5
PROPAGATION=10
SCALE=1
SEED=17
PLAIN=1
FORCE_DLL=0
REBUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --propagation) PROPAGATION="$2"; shift 2 ;;
    --latency-scale) SCALE="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-plain) PLAIN=0; shift ;;
    --dll) FORCE_DLL=1; shift ;;
    --rebuild) REBUILD=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=common.sh
source bench/common.sh
locate_bench_moto

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

choose_pipectl_binary

free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "bench: $1 did not answer" >&2; exit 1; }

MOTO_PORT="$(free_port)"
"$PYTHON" tests/Pipectl.IntegrationTests/Moto/moto_launcher.py -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
PIDS+=($!)
MOTO="http://127.0.0.1:$MOTO_PORT"
wait_for "$MOTO/moto-api/"
"$PYTHON" bench/region_proxy.py --upstream "$MOTO" --seed "$SEED" --propagation "$PROPAGATION" --latency-scale "$SCALE" --port-file "$WORK/proxy.port" 2>"$WORK/proxy.log" &
PIDS+=($!)
for _ in $(seq 1 100); do [ -s "$WORK/proxy.port" ] && break; sleep 0.1; done
PROXY="http://127.0.0.1:$(cat "$WORK/proxy.port")"
wait_for "$PROXY/__proxy/stats"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_SESSION_TOKEN || true
STACK=bench

now_ns() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }
field() { "$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d.get(k, 0) if isinstance(d, dict) else 0
print(d)' "$1" "$2"; }
refused() { curl -sf "$PROXY/__proxy/stats" | "$PYTHON" -c 'import json,sys; print(sum(json.load(sys.stdin)["refused"].values()))'; }

# Runs one pipectl verb against ENDPOINT, leaving "<ms> <requests>" in $WORK/result and its JSON in $WORK/<name>.json.
run_verb() {
  local name="$1" endpoint="$2"; shift 2
  local start end
  start=$(now_ns)
  "${PIPECTL[@]}" "$@" --name "$STACK" --endpoint-url "$endpoint" --region us-east-1 --output json >"$WORK/$name.json" 2>"$WORK/$name.err" \
    || { echo "bench: pipectl $* failed" >&2; tail -5 "$WORK/$name.err" >&2; exit 1; }
  end=$(now_ns)
  echo "$(( (end - start) / 1000000 )) $(field "$WORK/$name.json" apiCalls.total)"
}

# measure LABEL ENDPOINT: RUNS rounds of fresh bootstrap, no-op re-run, teardown; prints one table.
measure() {
  local label="$1" endpoint="$2" i
  local -a tb tn tt rb rn rt fb
  for i in $(seq 1 "$RUNS"); do
    curl -sf -X POST -o /dev/null "$MOTO/moto-api/reset"
    curl -sf -X POST -o /dev/null "$PROXY/__proxy/reset"
    read -r t r < <(run_verb bootstrap "$endpoint" bootstrap); tb+=("$t"); rb+=("$r"); fb+=("$(refused)")
    read -r t r < <(run_verb noop "$endpoint" bootstrap); tn+=("$t"); rn+=("$r")
    [ "$(field "$WORK/noop.json" apiCalls.mutating)" = 0 ] || { echo "bench: the re-run changed something" >&2; cat "$WORK/noop.json" >&2; exit 1; }
    read -r t r < <(run_verb teardown "$endpoint" teardown --yes); tt+=("$t"); rt+=("$r")
    echo "$label run $i/$RUNS: bootstrap ${tb[-1]} ms (${rb[-1]} requests, ${fb[-1]} refused), no-op ${tn[-1]} ms (${rn[-1]}), teardown ${tt[-1]} ms (${rt[-1]})" >&2
  done
  echo
  echo "$label: medians of $RUNS runs ($MODE)"
  printf '| %-16s | %9s | %-30s |\n' "measure" "median" "requests (median; all runs)"
  printf '|%s|%s|%s|\n' "------------------" "-----------" "--------------------------------"
  printf '| %-16s | %6s ms | %-30s |\n' "fresh bootstrap" "$(median "${tb[@]}")" "$(median "${rb[@]}"); ${rb[*]} (refused: ${fb[*]})"
  printf '| %-16s | %6s ms | %-30s |\n' "no-op re-run" "$(median "${tn[@]}")" "$(median "${rn[@]}"); ${rn[*]}"
  printf '| %-16s | %6s ms | %-30s |\n' "teardown" "$(median "${tt[@]}")" "$(median "${rt[@]}"); ${rt[*]}"
  echo "bootstrap per operation: $("$PYTHON" -c 'import json,sys; print(", ".join(f"{k} {v}" for k,v in json.load(open(sys.argv[1]))["apiCalls"]["operations"].items()))' "$WORK/bootstrap.json")"
  echo "no-op per operation:     $("$PYTHON" -c 'import json,sys; print(", ".join(f"{k} {v}" for k,v in json.load(open(sys.argv[1]))["apiCalls"]["operations"].items()))' "$WORK/noop.json")"
  echo "teardown per operation:  $("$PYTHON" -c 'import json,sys; print(", ".join(f"{k} {v}" for k,v in json.load(open(sys.argv[1]))["apiCalls"]["operations"].items()))' "$WORK/teardown.json")"
}

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); moto $("$PYTHON" -c 'import moto; print(moto.__version__)')" >&2
measure "region (propagation ${PROPAGATION} s, latency x${SCALE}, seed ${SEED})" "$PROXY"
if [ "$PLAIN" = 1 ]; then
  measure "plain emulator" "$MOTO"
fi
