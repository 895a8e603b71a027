#!/usr/bin/env bash
# Fuzzes every parser format with cargo-fuzz (libFuzzer), seeded from tests/corpus.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Installs cargo-fuzz into ~/.cache/nexushr/tools once. The machine has only a stable
# toolchain: RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's coverage flags; no sanitizer is used
# (Rust code here has no unsafe outside the embedder), libFuzzer still catches panics, hangs
# (-timeout) and memory blow-ups (-rss_limit_mb=512). Prints runs and crashes per target.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(pdf docx odt html rtf markdown any)
cache="${NEXUSHR_CACHE:-$HOME/.cache/nexushr}"
export PATH="$cache/tools/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --root "$cache/tools"
export RUSTC_BOOTSTRAP=1
work="$cache/fuzz"; mkdir -p "$work"
seed() { # target -> corpus dir with the matching files of tests/corpus
  local dir="$work/corpus/$1"; mkdir -p "$dir"
  case "$1" in
    pdf) cp -n tests/corpus/resumes/*.pdf tests/corpus/bad/*.pdf "$dir"/ 2>/dev/null || true ;;
    docx) cp -n tests/corpus/bad/*.docx "$dir"/ ;;
    odt) cp -n tests/corpus/bad/*.odt "$dir"/ ;;
    html) cp -n tests/corpus/bad/*.html "$dir"/ ;;
    rtf) cp -n tests/corpus/bad/*.rtf "$dir"/ ;;
    markdown) cp -n data/samples/*.md "$dir"/ ;;
    any) cp -n tests/corpus/bad/* "$dir"/ 2>/dev/null || true ;;
  esac
  echo "$dir"
}
printf '%-10s %12s %8s %s\n' target runs crashes seconds
for t in "${targets[@]}"; do
  corpus=$(seed "$t")
  log="$work/$t.log"
  set +e
  (cd fuzz && cargo fuzz run "$t" -s none --target-dir "$cache/fuzz-target" "$corpus" -- \
     -max_total_time="$secs" -timeout=10 -rss_limit_mb=512 -max_len=1048576 -print_final_stats=1) >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(ls fuzz/artifacts/"$t" 2>/dev/null | grep -c -E '^(crash|timeout|oom|leak)-' || true)
  printf '%-10s %12s %8s %s\n' "$t" "${runs:-?}" "$crashes" "$secs"
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then echo "cargo fuzz failed, see $log" >&2; tail -20 "$log" >&2; exit 1; fi
done
