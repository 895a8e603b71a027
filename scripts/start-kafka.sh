#!/usr/bin/env bash
# Starts a Kafka-protocol broker (tansu, in-memory storage) on 127.0.0.1:${PORT:-9092} in the
# background, installing it first into a cache outside the clone (~13-18 minutes once per machine).
#   scripts/start-kafka.sh [PORT] [STORAGE_URL]
# Prints the broker's pid. The broker does not auto-create topics: clients create them.
set -euo pipefail
port="${1:-9092}"
storage="${2:-memory://tansu/}"
cache="${NEXUSHR_CACHE:-$HOME/.cache/nexushr}"
tansu="$cache/tools/bin/tansu"
if [ ! -x "$tansu" ]; then
  echo "installing tansu into $cache/tools (once per machine)" >&2
  cargo install tansu --version 0.6.0 --locked --features dynostore,postgres \
    --root "$cache/tools" --target-dir "$cache/tansu-target" >&2
fi
up() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
if up; then
  echo "a broker is already listening on 127.0.0.1:$port" >&2
  exit 0
fi
mkdir -p "$cache/logs"
nohup "$tansu" broker --listener-url "tcp://127.0.0.1:$port" --advertised-listener-url "tcp://127.0.0.1:$port" \
  --storage-engine "$storage" >"$cache/logs/tansu-$port.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  up && { echo "$pid"; exit 0; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "tansu did not start; log:" >&2
tail -20 "$cache/logs/tansu-$port.log" >&2
exit 1
