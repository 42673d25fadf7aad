#!/usr/bin/env bash
# How long `pipectl validate` takes on an ordinary buildspec (issue 13: under 50 ms), against `pipectl --version`
# (the process start alone), as medians of N runs of the native AOT binary (or `dotnet pipectl.dll` with --dll).
# Usage: bench/validate.sh [--runs N] [--dll] [FILE...]   (default file: buildspecs/node.yml)
set -euo pipefail

RUNS=30
FORCE_DLL=0
FILES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --dll) FORCE_DLL=1; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) FILES+=("$1"); shift ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ ${#FILES[@]} -gt 0 ] || FILES=(buildspecs/node.yml)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
REBUILD=0
# shellcheck source=common.sh
source bench/common.sh
choose_pipectl_binary

# Median wall time in milliseconds of RUNS runs of the command given as arguments (output discarded).
median_ms() {
  local times=() start end
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

"${PIPECTL[@]}" validate "${FILES[@]}" >/dev/null 2>&1 || true   # warm the file cache
echo "pipectl: $MODE; $RUNS runs each; files: ${FILES[*]}"
echo "pipectl --version:            $(median_ms "${PIPECTL[@]}" --version) ms"
echo "pipectl validate (files):     $(median_ms "${PIPECTL[@]}" validate "${FILES[@]}") ms"
echo "pipectl validate --strict:    $(median_ms "${PIPECTL[@]}" validate --strict "${FILES[@]}") ms"
