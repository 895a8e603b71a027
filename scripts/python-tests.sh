#!/usr/bin/env bash
# Runs the Python gRPC client tests (tests/python) against target/debug/nexushr
# (or $NEXUSHR_BIN). Creates tests/python/.venv on first use. Exits non-zero on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

venv="tests/python/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/python/requirements.txt
exec "$venv/bin/python" -m pytest tests/python -q "$@"
