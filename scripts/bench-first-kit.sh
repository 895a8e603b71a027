#!/usr/bin/env bash
# Time to first kit, as a newcomer meets it: the README's first command on a clean cargo home and
# target (every crate downloaded and built), split into build, model fetch and demo, printed
# beside the reference the issue measured (25 min 48 s) and the goal (12 min).
#   scripts/bench-first-kit.sh            (about 8 minutes on 2 cores; uses two temp dirs)
# The model cache (~/.cache/nexushr/data) is kept if present: delete it to time its download too.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export CARGO_HOME="$scratch/cargo-home" CARGO_TARGET_DIR="$scratch/target"
now() { date +%s.%N; }
t0=$(now)
cargo build --bin nexushr --timings >"$scratch/build.log" 2>&1 || { tail -30 "$scratch/build.log"; exit 1; }
t1=$(now)
scripts/fetch-data.sh model >/dev/null
t2=$(now)
cargo run --bin nexushr -- demo >"$scratch/demo.md" 2>/dev/null
t3=$(now)
grep -q '^## 1\. ' "$scratch/demo.md" || { echo "the demo printed no kit" >&2; exit 1; }
crates=$(grep -c '^ *Compiling ' "$scratch/build.log" || true)
python3 - "$t0" "$t1" "$t2" "$t3" "$crates" <<'EOF'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5])
crates = sys.argv[5]
fmt = lambda s: f"{int(s // 60)} min {s % 60:4.1f} s"
rows = [
    ("first build of nexushr (clean CARGO_HOME and target, %s crates)" % crates, t1 - t0),
    ("scripts/fetch-data.sh model", t2 - t1),
    ("nexushr demo (parse the sample, print a kit)", t3 - t2),
    ("README's first command, total", t3 - t0),
]
print(f"{'step':<68} {'this run':>14}")
for name, s in rows:
    print(f"{name:<68} {fmt(s):>14}")
print(f"{'reference (issue 18, before): README first command':<68} {'25 min 48.0 s':>14}")
print(f"{'goal':<68} {'12 min  0.0 s':>14}")
EOF
