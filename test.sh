#!/usr/bin/env bash
# Runs every test tier (unit, wire, integration against moto_server). The README's test command.
set -euo pipefail
cd "$(dirname "$0")"
export AWS_EC2_METADATA_DISABLED=true
source .ci/locate-tools.sh
locate_moto_server || { echo "test: moto_server not found; the integration tier needs it (pip install 'moto[server]')" >&2; exit 1; }
locate_moto_python || { echo "test: no Python that imports moto (set MOTO_PYTHON)" >&2; exit 1; }
locate_botocore_data || { echo "test: botocore API models not found; the wire tier needs them" >&2; exit 1; }
dotnet test PipelineBootstrap.sln --logger "console;verbosity=normal" "$@"
