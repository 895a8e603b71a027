#!/usr/bin/env bash
# Issue 18's figures side by side in one run: the README's first command on a clean cargo home
# and target (build, model, demo), `nexushr parse` per file against pdftotext, 10,000 resumes
# end to end in embedded mode, and the embedder against PyTorch; then one summary table with
# the issue's references and goals. About 30 minutes on 2 cores (the clean build is most of it).
#   scripts/bench-speed.sh [COUNT]     (COUNT resumes for the bulk run, default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
echo "==> time to first kit (clean cargo home and target)"
scripts/bench-first-kit.sh | tee "$logs/first-kit"
echo "==> release build for the throughput runs"
cargo build --release --bin nexushr >/dev/null 2>&1
echo "==> nexushr parse per file"
python3 scripts/bench-parse-start.py | tee "$logs/parse"
echo "==> bulk ingestion"
python3 -u scripts/bulk/bench.py --count "$count" | tee "$logs/bulk"
echo "==> embedder"
scripts/bench-embed.sh 2>/dev/null | tee "$logs/embed"
python3 - "$logs" <<'EOF'
import re, sys
from pathlib import Path
logs = Path(sys.argv[1])
def grab(name, pattern):
    m = re.search(pattern, (logs / name).read_text())
    return m.group(1).strip() if m else "?"
rows = [
    ("README's first command (build, model, demo)", grab("first-kit", r"README's first command, total\s+(.+)"),
     "25 min 48 s", "at most 12 min"),
    ("nexushr parse FILE, median", grab("parse", r"nexushr parse FILE\s+: median\s+(\S+ ms)"), "18.7 ms",
     "a few ms"),
    ("resumes end to end, embedded", grab("bulk", r"resumes per second\s+:\s+(\S+)") + "/s", "8.1/s",
     "10,000 in 10 min (16.7/s)"),
    ("  10,000 resumes: time", grab("bulk", r"time end to end\s+:\s+(\S+ s)"), "about 21 min", "at most 600 s"),
    ("  lost, duplicated, not prepared", grab("bulk", r"lost (\d+)") + ", " + grab("bulk", r"duplicated (\d+)") + ", "
     + grab("bulk", r"not prepared (\d+)"), "", "0, 0, 0"),
    ("  server peak RSS", grab("bulk", r"server peak RSS\s+:\s+(\S+ MiB)"), "", "under 1 GiB"),
    ("embedder / PyTorch (int8)", grab("embed", r"rust int8 / python\s+:\s+(\S+)"), "1.05x to 1.35x", "at least 2.0x"),
    ("  cosine to PyTorch, min (int8)", grab("embed", r"rust int8 / python.*cosine min (\S+)"), "", "at least 0.995"),
]
print()
print(f"{'issue 18':<46} {'this run':>16} {'reference':>16}  goal")
for name, now, ref, goal in rows:
    print(f"{name:<46} {now:>16} {ref:>16}  {goal}")
EOF
