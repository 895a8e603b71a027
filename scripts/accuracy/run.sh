#!/usr/bin/env bash
# Parser accuracy harness: install the pinned JSON Resume themes (npm ci),
# render tests/corpus/resumes-src to HTML / PDF (Chromium) / DOCX / PDF
# (LibreOffice), then score `nexushr parse` on every rendered file.
#
# usage: scripts/accuracy/run.sh [OUT_DIR] [scripts/corpus/score.py options, e.g. --details --json report.json]
#   OUT_DIR     rendered files (default ~/.cache/nexushr/accuracy)
#   NEXUSHR_BIN parser binary (default ~/.cache/nexushr/target/debug/nexushr)
#   THEMES      comma list passed to render.mjs --themes (default: all of its themes)
#   SKIP_RENDER=1 scores what OUT_DIR already holds
# needs: node 20 + npm, /usr/bin/chromium, /usr/bin/soffice, python3 (stdlib only)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${HOME}/.cache/nexushr/accuracy"
if [[ $# -gt 0 && "$1" != --* ]]; then
  out="$1"
  shift
fi
bin="${NEXUSHR_BIN:-$HOME/.cache/nexushr/target/debug/nexushr}"

for tool in node npm python3 "${CHROMIUM:-/usr/bin/chromium}" "${SOFFICE:-/usr/bin/soffice}"; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 1; }
done
[[ -x "$bin" ]] || echo "run.sh: warning: $bin not there yet (build it first)" >&2

if [[ "${SKIP_RENDER:-0}" != 1 ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  start=$(date +%s)
  node "$here/render.mjs" "$out" ${THEMES:+--themes "$THEMES"}
  echo "rendering took $(( $(date +%s) - start ))s"
fi
NEXUSHR_BIN="$bin" python3 "$here/../corpus/score.py" "$out" "$@"
