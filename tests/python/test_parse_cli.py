"""`nexushr parse --format json-resume`: real files in, documents that validate against the
JSON Resume schema (npm @jsonresume/schema 1.3.1, fetched by scripts/fetch-data.sh) out."""

import html
import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import _server_binary

CACHE = Path(os.environ.get("NEXUSHR_DATA_CACHE", Path.home() / ".cache/nexushr/data"))
SCHEMA_DIR = CACHE / "jsonresume-schema-1.3.1" / "package"


@pytest.fixture(scope="module")
def schema():
    path = SCHEMA_DIR / "schema.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: run scripts/fetch-data.sh", pytrace=False)
    return json.loads(path.read_text())


def parse(tmp_path: Path, name: str, content: str | bytes, fmt: str = "json-resume") -> dict:
    f = tmp_path / name
    f.write_bytes(content.encode() if isinstance(content, str) else content)
    out = subprocess.run(
        [str(_server_binary()), "parse", str(f), "--format", fmt],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return json.loads(out.stdout)


PT_BR = """Ana Paula Souza
ana.souza@example.com | (11) 98765-4321 | linkedin.com/in/anasouza

Experiência Profissional
Desenvolvedora Backend Sênior — Acme Pagamentos
jan. 2021 – atual
• Migrou serviços Go para Kubernetes e PostgreSQL

Desenvolvedora Backend em Globex Brasil
mar. 2018 – dez. 2020
• Criou APIs de cobrança em Python

Habilidades
Go, Kafka, Docker, k8s

Formação Acadêmica
Universidade de São Paulo
Bacharelado em Ciência da Computação
2014 – 2018

Idiomas
Inglês — avançado, Espanhol intermediário
"""

ES_MX = """Carlos Hernández López
carlos.hl@example.mx · +52 55 1234 5678

Experiencia Laboral
Ingeniero de Datos en Finanzas del Norte
marzo 2019 - presente
- Pipelines en Spark y Airflow

Educación
Universidad Nacional Autónoma de México
"""


def test_pt_br_text_resume(tmp_path, schema):
    doc = parse(tmp_path, "ana.txt", PT_BR)
    jsonschema.validate(doc, schema)
    assert doc["basics"]["name"] == "Ana Paula Souza"
    assert doc["basics"]["email"] == "ana.souza@example.com"
    assert doc["basics"]["phone"] == "+5511987654321"
    positions = [(w.get("position"), w.get("name"), w["startDate"], w.get("endDate")) for w in doc["work"]]
    assert positions == [
        ("Desenvolvedora Backend Sênior", "Acme Pagamentos", "2021-01", None),
        ("Desenvolvedora Backend", "Globex Brasil", "2018-03", "2020-12"),
    ]
    # Listed skills are the resume's own items, verbatim; skills named only in the experience
    # text are reported apart, with their section, never as listed.
    assert doc["skills"] == [{"name": "Skills", "keywords": ["Go", "Kafka", "Docker", "k8s"]}]
    mentioned = {(s["name"], s["source"]) for s in doc["meta"]["mentionedSkills"]}
    assert {("PostgreSQL", "experience"), ("Python", "experience")} <= mentioned
    assert doc["education"] == [{
        "institution": "Universidade de São Paulo",
        "studyType": "Bacharelado em Ciência da Computação",
        "area": "Ciência da Computação",
        "startDate": "2014",
        "endDate": "2018",
    }]
    assert doc["languages"] == [{"language": "English", "fluency": "C1"}, {"language": "Spanish", "fluency": "B1"}]


def test_es_mx_html_resume(tmp_path, schema):
    body = "".join(f"<p>{html.escape(line)}</p>" for line in ES_MX.splitlines())
    doc = parse(tmp_path, "carlos.bin", f"<!DOCTYPE html><html><body>{body}</body></html>")
    jsonschema.validate(doc, schema)
    assert doc["basics"]["name"] == "Carlos Hernández López"
    assert doc["basics"]["phone"] == "+525512345678"
    assert doc["work"][0]["position"] == "Ingeniero de Datos"
    assert doc["work"][0]["name"] == "Finanzas del Norte"
    assert doc["work"][0]["startDate"] == "2019-03" and "endDate" not in doc["work"][0]


def test_json_resume_sample_round_trip(tmp_path, schema):
    """Renders the schema package's sample resume as Markdown, parses it back."""
    sample = json.loads((SCHEMA_DIR / "sample.resume.json").read_text())
    b = sample["basics"]
    lines = [f"# {b['name']}", f"{b['email']} | {b.get('url', '')}", "", "## Experience"]
    for w in sample["work"]:
        end = w.get("endDate", "")[:7] or "Present"
        lines += [f"### {w['position']} at {w['name']}", f"{w['startDate'][:7]} - {end}"]
        lines += [f"- {h}" for h in w.get("highlights", [])]
    doc = parse(tmp_path, "sample.md", "\n".join(lines) + "\n")
    jsonschema.validate(doc, schema)
    assert doc["basics"]["name"] == b["name"]
    assert doc["basics"]["email"] == b["email"]
    got = [(w.get("position"), w.get("name"), w["startDate"]) for w in doc["work"]]
    want = [(w["position"], w["name"], w["startDate"][:7]) for w in sample["work"]]
    assert got == want


def test_hostile_files_are_refused_with_a_reason(tmp_path):
    """A refused file is an error: non-zero exit, the status and reason on stderr, no JSON."""
    for name, content, status in [
        ("empty.txt", b"", "NO_TEXT"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "NO_TEXT"),
        ("noise.bin", bytes((i * 2654435761 >> 13) & 0xFF for i in range(4096)), "UNSUPPORTED"),
        # A PDF without a catalog or pages is broken, not a format we lack.
        ("cv.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "MALFORMED"),
    ]:
        f = tmp_path / name
        f.write_bytes(content)
        out = subprocess.run([str(_server_binary()), "parse", str(f)], capture_output=True, text=True, timeout=60)
        assert out.returncode != 0, (name, out.stdout[:200])
        assert out.stdout == "", (name, out.stdout[:200])
        want = {"NO_TEXT": "NoText", "UNSUPPORTED": "Unsupported", "MALFORMED": "Malformed"}[status]
        assert f"refused ({want})" in out.stderr, (name, out.stderr)


def test_many_files_in_one_process(tmp_path):
    """Several files print JSON Lines, one per file, refused ones included with their reason."""
    (tmp_path / "a.txt").write_text(PT_BR)
    (tmp_path / "b.txt").write_text(ES_MX)
    (tmp_path / "c.txt").write_bytes(b"")
    out = subprocess.run([str(_server_binary()), "parse", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert out.returncode != 0
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["file"]).name for r in rows] == ["a.txt", "b.txt", "c.txt"]
    assert rows[0]["parse"]["contact"]["name"]["value"] == "Ana Paula Souza"
    assert rows[1]["parse"]["contact"]["name"]["value"] == "Carlos Hernández López"
    assert "NoText" in rows[2]["error"]


def test_a_reader_that_goes_away_is_not_an_error(tmp_path):
    """`nexushr parse … | head`: the pipe closing early ends the run quietly, with no backtrace."""
    for i in range(200):
        (tmp_path / f"r{i:03}.txt").write_text(PT_BR)
    p = subprocess.Popen([str(_server_binary()), "parse", str(tmp_path)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env={**os.environ, "RUST_BACKTRACE": "1"})
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 0, err
    assert "Broken pipe" not in err and "backtrace" not in err.lower(), err


def test_real_pdf_as_json_resume(tmp_path, schema):
    """A PDF printed by Chromium from a JSON Resume theme comes back as a valid JSON Resume."""
    corpus = Path(__file__).resolve().parent.parent / "corpus" / "resumes"
    pdf = next(p for p in sorted(corpus.glob("en-olivia-bennett-*-chromium.pdf")))
    doc = parse(tmp_path, "olivia.pdf", pdf.read_bytes())
    jsonschema.validate(doc, schema)
    assert doc["basics"]["name"] == "Olivia Bennett"
    assert doc["basics"]["email"] == "olivia.bennett@example.com"
    assert [w.get("name") for w in doc["work"]] == ["Stripe", "Shopify", "Accenture"], doc["work"]
