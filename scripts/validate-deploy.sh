#!/usr/bin/env bash
# Validates deploy/: the Kubernetes manifests against the official schemas (kubernetes-validate,
# strict: unknown fields fail) and the compose file against the Compose specification's JSON
# schema (shipped in PyPI docker-compose 1.29.2). Tools go into a cached venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${NEXUSHR_CACHE:-$HOME/.cache/nexushr}/deploy-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check kubernetes-validate==1.37.0 jsonschema pyyaml
"$venv/bin/kubernetes-validate" --strict --quiet -k 1.31.0 deploy/k8s/*.yaml
schema_dir="$venv/compose-spec"
if [ ! -f "$schema_dir/compose_spec.json" ]; then
  mkdir -p "$schema_dir"
  "$venv/bin/pip" download -q --no-deps -d "$schema_dir" docker-compose==1.29.2
  (cd "$schema_dir" && python3 -c "import zipfile,glob; zipfile.ZipFile(glob.glob('*.whl')[0]).extract('compose/config/compose_spec.json', '.')" && mv compose/config/compose_spec.json .)
fi
"$venv/bin/python" - "$schema_dir/compose_spec.json" deploy/compose.yaml <<'PY'
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
doc = yaml.safe_load(open(sys.argv[2]))
jsonschema.validate(doc, schema)
print(f"{sys.argv[2]}: valid against the Compose specification ({len(doc['services'])} services)")
PY
echo "deploy/k8s: $(grep -c '^kind:' deploy/k8s/*.yaml | awk -F: '{s+=$2} END {print s}') resources valid against Kubernetes 1.31 (strict)"
# Prometheus and Grafana: the scrape config and the dashboard parse, the dashboard's queries
# name only metrics the services export, and every service's manifest exposes the metrics port.
"$venv/bin/python" - <<'PY'
import json, pathlib, re, yaml
prom = yaml.safe_load(open("deploy/prometheus.yaml"))
assert {j["job_name"] for j in prom["scrape_configs"]} >= {"nexushr", "kubernetes-pods"}, prom
dash = json.load(open("deploy/grafana/dashboards/nexushr.json"))
source = "".join(p.read_text() for p in pathlib.Path(".").glob("crates/*/src/**/*.rs")) + \
    "".join(p.read_text() for p in pathlib.Path(".").glob("services/*/src/**/*.rs"))
names = set()
for panel in dash["panels"]:
    for t in panel["targets"]:
        names |= set(re.findall(r"\b(nexushr_[a-z_]+?)(?:_bucket|_count|_sum)?\b", t["expr"]))
missing = sorted(n for n in names if f'"{n}"' not in source)
assert not missing, f"the dashboard queries metrics no service exports: {missing}"
for m in pathlib.Path("deploy/k8s").glob("*.yaml"):
    text = m.read_text()
    if "kind: Deployment" in text:
        assert "containerPort: 9464" in text and "NEXUSHR_METRICS_ADDR" in text, f"{m}: no metrics port"
print(f"deploy/prometheus.yaml and the Grafana dashboard: {len(dash['panels'])} panels over {len(names)} exported metrics")
PY
