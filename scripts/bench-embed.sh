#!/usr/bin/env bash
# Embedding throughput, Rust against Python sentence-transformers on PyTorch (CPU), in one run.
# Installs sentence-transformers into a venv under ~/.cache/nexushr (once; about 3 GB with the
# CUDA wheels PyPI ships for torch), fetches the model, runs crates/embed/benches/embed.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${NEXUSHR_CACHE:-$HOME/.cache/nexushr}/bench-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sentence_transformers" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet sentence-transformers==5.1.2
fi
scripts/fetch-data.sh model >/dev/null
NEXUSHR_BENCH_PYTHON="$venv/bin/python" cargo bench -p nexushr-embed --bench embed
