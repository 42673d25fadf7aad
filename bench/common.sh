# What the bench scripts share; sourced by bench/run.sh and bench/region.sh from the repository root.

# The emulator, found as the tests find it: sets MOTO_SERVER and PYTHON (the Python the moto launcher runs with).
locate_bench_moto() {
  # shellcheck source=../.ci/locate-tools.sh
  source .ci/locate-tools.sh
  locate_moto_server && locate_moto_python || { echo "bench: moto_server or its Python not found (install moto[server] or set MOTO_SERVER / MOTO_PYTHON)" >&2; exit 1; }
  PYTHON="$MOTO_PYTHON"
}

# The pipectl binary to measure, after ROOT, WORK, FORCE_DLL and REBUILD are set: sets PIPECTL (the command, an
# array) and MODE (what it is). A binary older than any source file is built again: a bench must never time
# yesterday's code.

pipectl_sources_newer_than() {
  [ ! -e "$1" ] || [ -n "$(find "$ROOT/src" \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' \) -newer "$1" -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}

choose_pipectl_binary() {
  local aot="$ROOT/src/Pipectl.Cli/bin/Release/net10.0/linux-x64/publish/pipectl"
  local dll="$ROOT/src/Pipectl.Cli/bin/Release/net10.0/pipectl.dll"
  MODE=""
  if [ "${FORCE_DLL:-0}" = 0 ]; then
    if [ "${REBUILD:-0}" = 1 ] || pipectl_sources_newer_than "$aot"; then
      echo "bench: publishing the native AOT binary (dotnet publish -r linux-x64 -p:PublishAot=true) ..." >&2
      if ! dotnet publish "$ROOT/src/Pipectl.Cli" -c Release -r linux-x64 -p:PublishAot=true >"$WORK/publish.log" 2>&1; then
        echo "bench: native AOT publish failed (see below); falling back to dotnet pipectl.dll" >&2
        tail -20 "$WORK/publish.log" >&2
      fi
    fi
    if [ -x "$aot" ] && ! pipectl_sources_newer_than "$aot"; then PIPECTL=("$aot"); MODE="native AOT ($aot)"; fi
  fi
  if [ -z "$MODE" ]; then
    if [ "${REBUILD:-0}" = 1 ] || pipectl_sources_newer_than "$dll"; then
      dotnet build "$ROOT/src/Pipectl.Cli" -c Release >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; exit 1; }
    fi
    PIPECTL=(dotnet "$dll"); MODE="dotnet pipectl.dll (JIT start-up included): native AOT not available"
  fi
}
