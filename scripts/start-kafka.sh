#!/usr/bin/env bash
# Starts a Kafka-protocol broker (tansu, in-memory storage) on 127.0.0.1:${PORT:-9092} in the
# background, installing it first into a cache outside the clone (~15 minutes once per machine).
#   scripts/start-kafka.sh [PORT] [STORAGE_URL]
#   scripts/start-kafka.sh --which        installs if needed and prints the tansu binary's path
# STORAGE_URL is memory://tansu/ by default; sqlite://FILE (relative to the working directory) keeps
# the log on disk, so
# the broker can be killed and restarted without losing records (the broker-restart fault test).
# Prints the broker's pid. The broker does not auto-create topics: clients create them.
set -euo pipefail
port="${1:-9092}"
storage="${2:-memory://tansu/}"
cache="${NEXUSHR_CACHE:-$HOME/.cache/nexushr}"
features="dynostore,libsql"
root="$cache/tools/tansu-0.6.0-${features//,/-}"
tansu="$root/bin/tansu"
if [ ! -x "$tansu" ]; then
  echo "installing tansu (features $features) into $root (once per machine)" >&2
  cargo install tansu --version 0.6.0 --locked --features "$features" \
    --root "$root" --target-dir "$cache/tansu-target" >&2
fi
if [ "$port" = "--which" ]; then
  echo "$tansu"
  exit 0
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
