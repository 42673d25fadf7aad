# Finds the emulator and the API models the tests need; sourced by .ci/run and test.sh.
# Works with or without the pyenv shims on PATH.

locate_moto_server() {
  if [ -n "${MOTO_SERVER:-}" ] && [ -x "$MOTO_SERVER" ]; then export MOTO_SERVER; return 0; fi
  local candidate
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/*/bin/moto_server $(command -v moto_server 2>/dev/null || true); do
    if [ -x "$candidate" ] && "$candidate" --help >/dev/null 2>&1; then
      export MOTO_SERVER="$candidate"; return 0
    fi
  done
  return 1
}

locate_botocore_data() {
  if [ -n "${BOTOCORE_DATA:-}" ] && [ -d "$BOTOCORE_DATA/codecommit" ]; then export BOTOCORE_DATA; return 0; fi
  local dir python
  for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/*/lib/python3*/site-packages/botocore/data; do
    if [ -d "$dir/codecommit" ]; then export BOTOCORE_DATA="$dir"; return 0; fi
  done
  for python in "$(dirname "${MOTO_SERVER:-/nonexistent}")/python3" python3; do
    dir=$("$python" -c "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))" 2>/dev/null) || continue
    if [ -d "$dir/codecommit" ]; then export BOTOCORE_DATA="$dir"; return 0; fi
  done
  return 1
}

# The Python that runs moto_server (the interpreter beside it, or any python3 that imports moto): the
# integration tier starts moto through tests/Pipectl.IntegrationTests/Moto/moto_launcher.py with it, so the
# launcher's patches of moto's deviations from AWS are in place before the emulator serves.
locate_moto_python() {
  if [ -n "${MOTO_PYTHON:-}" ] && "$MOTO_PYTHON" -c "import moto.server" >/dev/null 2>&1; then export MOTO_PYTHON; return 0; fi
  local candidate
  for candidate in "$(dirname "${MOTO_SERVER:-/nonexistent/x}")/python3" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/*/bin/python3 python3; do
    if "$candidate" -c "import moto.server" >/dev/null 2>&1; then
      export MOTO_PYTHON="$candidate"; return 0
    fi
  done
  return 1
}
