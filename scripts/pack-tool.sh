#!/usr/bin/env bash
# Packs pipectl as a .NET tool, installs it from that folder into a temporary --tool-path (as
# `dotnet tool install -g pipectl --add-source <folder>` would globally) and runs `pipectl --version`.
# Usage: scripts/pack-tool.sh [output-folder]   (default: artifacts/tool)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/artifacts/tool}")"
TOOLS="$(mktemp -d)"
trap 'rm -rf "$TOOLS"' EXIT

cd "$ROOT"
echo "+ dotnet pack src/Pipectl.Cli -c Release -o $OUT"
dotnet pack src/Pipectl.Cli -c Release -o "$OUT" --nologo -v quiet
PACKAGE="$(ls -t "$OUT"/pipectl.*.nupkg | head -1)"
VERSION="$(basename "$PACKAGE" .nupkg)"; VERSION="${VERSION#pipectl.}"
echo "package: $PACKAGE ($(du -h "$PACKAGE" | cut -f1))"

# A fresh tool path and no package cache entry for this version: the install really reads the folder.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/pipectl/$VERSION"
echo "+ dotnet tool install pipectl --version $VERSION --add-source $OUT --tool-path $TOOLS"
start=$(date +%s%N)
dotnet tool install pipectl --version "$VERSION" --add-source "$OUT" --tool-path "$TOOLS"
echo "installed in $(( ($(date +%s%N) - start) / 1000000 )) ms"

echo "+ $TOOLS/pipectl --version"
"$TOOLS/pipectl" --version
start=$(date +%s%N)
for _ in 1 2 3 4 5; do "$TOOLS/pipectl" --version >/dev/null; done
echo "pipectl --version as a dotnet tool (JIT, framework-dependent): $(( ($(date +%s%N) - start) / 5000000 )) ms per run (mean of 5)"
echo "global install: dotnet tool install -g pipectl --add-source $OUT"
