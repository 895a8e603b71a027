"""The HTTP gateway and the dashboard of `nexushr serve`, end to end in headless Chromium
(Debian `chromium`): a role page with its salaries, a PDF uploaded over HTTP and its parsed view,
a kit generated for it and its print-friendly page, and pipeline health from /metrics. Every JSON
answer is validated against the response schema `/openapi.json` gives its path, method and
status, and every documented operation is answered at least once."""

import json
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import jsonschema
import pytest

from conftest import HTTP_ADDRS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian chromium is required (scripts/test.sh installs it)", pytrace=False)
    return path


def dom(url: str) -> str:
    """The page's DOM after its scripts ran."""
    out = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", url],
        capture_output=True, text=True, timeout=90,
    )
    assert 'data-ready="yes"' in out.stdout, out.stdout[-2000:]
    return out.stdout


# The gateway's OpenAPI document once the test has fetched it, and the (method, path, status)
# answers validated against it.
SPEC: dict = {}
CHECKED: set = set()


def json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema: `nullable: true` becomes the null type."""
    if isinstance(node, list):
        return [json_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: json_schema(v) for k, v in node.items() if k not in ("nullable", "example")}
    if node.get("nullable"):
        out = {**out, "type": [out["type"], "null"]} if "type" in out else {"anyOf": [out, {"type": "null"}]}
    return out


def check_against_spec(method: str, url: str, status: int, body):
    if not SPEC:
        return
    path = urllib.parse.urlsplit(url).path
    for template, ops in SPEC["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path) and method.lower() in ops:
            response = ops[method.lower()]["responses"].get(str(status))
            assert response, f"{method} {template} answered {status}, which the document does not list"
            schema = response["content"]["application/json"]["schema"]
            root = json_schema({"allOf": [schema], "components": SPEC["components"]})
            jsonschema.Draft202012Validator(root).validate(body)
            CHECKED.add((method.upper(), template, status))
            return
    raise AssertionError(f"{method} {path} is not in the OpenAPI document")


def call(method: str, url: str, body: bytes | None = None, content_type: str = "application/json", headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status, answer = r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        status, answer = e.code, json.loads(e.read())
    check_against_spec(method, url, status, answer)
    return status, answer


def test_dashboard_from_role_to_printed_kit(server_addr):
    http = "http://" + HTTP_ADDRS[server_addr]
    spec = json.loads(urllib.request.urlopen(http + "/openapi.json", timeout=30).read())
    assert "/v1/kits" in spec["paths"] and spec["openapi"].startswith("3.")
    SPEC.update(spec)

    status, roles = call("GET", http + "/v1/roles?limit=5")
    assert status == 200 and len(roles["roles"]) == 5, roles
    status, found = call("GET", http + "/v1/roles?q=backend")
    assert status == 200 and any(r["slug"] == "backend-developer" for r in found["roles"]), found
    status, role = call("GET", http + "/v1/roles/backend-developer")
    assert status == 200 and {b["currency"] for b in role["spec"]["salary_bands"]} >= {"BRL", "MXN"}, role
    status, missing = call("GET", http + "/v1/roles/no-such-role")
    assert (status, missing["code"]) == (404, "NotFound"), missing

    # A private role created, changed and deleted over HTTP, through the catalog's service.
    ledger = {"title": "Ledger Engineer", "category": "Technology", "summary": "Keeps the payments ledger correct.",
              "requirements": ["Design and version REST APIs for other teams"]}
    status, created = call("POST", http + "/v1/roles", json.dumps(ledger).encode())
    assert status == 200 and created["spec"]["slug"] == "ledger-engineer" and created["version"] == 1, created
    assert created["tenant"] == "default" and created["etag"], created
    status, bad = call("POST", http + "/v1/roles", json.dumps({**ledger, "title": ""}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument"), bad
    status, again = call("POST", http + "/v1/roles", json.dumps(ledger).encode())
    assert (status, again["code"]) == (409, "AlreadyExists"), again
    status, changed = call("PATCH", http + "/v1/roles/ledger-engineer", json.dumps({"title": "Ledger Platform Engineer"}).encode())
    assert status == 200 and changed["spec"]["title"] == "Ledger Platform Engineer" and changed["version"] == 2, changed
    assert changed["spec"]["summary"] == ledger["summary"], "fields the body does not name stay"
    status, bad = call("PATCH", http + "/v1/roles/ledger-engineer", json.dumps({"colour": "blue"}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument"), bad
    # With If-Match, only at the version read: the first etag is stale now.
    stale = {"If-Match": created["etag"]}
    status, bad = call("PATCH", http + "/v1/roles/ledger-engineer", json.dumps({"summary": "x"}).encode(), headers=stale)
    assert (status, bad["code"]) == (409, "Aborted"), bad
    status, bad = call("DELETE", http + "/v1/roles/ledger-engineer", headers=stale)
    assert (status, bad["code"]) == (409, "Aborted"), bad
    status, fresh = call("PATCH", http + "/v1/roles/ledger-engineer", json.dumps({"demand": "high"}).encode(), headers={"If-Match": changed["etag"]})
    assert status == 200 and fresh["version"] == 3 and fresh["etag"] != changed["etag"], fresh
    status, fetched = call("GET", http + "/v1/roles/ledger-engineer")
    assert status == 200 and fetched["spec"]["title"] == "Ledger Platform Engineer", fetched
    status, deleted = call("DELETE", http + "/v1/roles/ledger-engineer")
    assert (status, deleted) == (200, {"deleted": True}), deleted
    status, gone = call("GET", http + "/v1/roles/ledger-engineer")
    assert (status, gone["code"]) == (404, "NotFound"), gone

    page = dom(http + "/#/roles/backend-developer")
    assert 'id="role-title">Backend Developer<' in page
    assert page.count("<tr><td>") >= 3, "salaries by country"

    pdf = (CORPUS / "resumes" / "en-olivia-bennett-macchiato-chromium.pdf").read_bytes()
    status, resume = call("POST", http + "/v1/resumes?file_name=olivia.pdf&candidate=ats-7", pdf, "application/pdf")
    assert status == 200, resume
    assert resume["parse"]["contact"]["name"]["value"] == "Olivia Bennett"
    status, refused = call("POST", http + "/v1/resumes?file_name=x.pdf", (CORPUS / "bad" / "encrypted.pdf").read_bytes())
    assert (status, refused["code"]) == (400, "InvalidArgument"), refused

    page = dom(f"{http}/#/resumes/{resume['id']}")
    assert "Olivia Bennett" in page and "Stripe" in page and "PostgreSQL" in page

    # The ResumeParsed event prepares the resume; a kit follows.
    deadline = time.monotonic() + 60
    while True:
        status, kit = call("POST", http + "/v1/kits", json.dumps({"role": "backend-developer", "resume_id": resume["id"]}).encode())
        if status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert status == 200, kit
    assert len(kit["questions"]) == 10
    status, again = call("GET", f"{http}/v1/kits/{kit['id']}")
    assert status == 200 and again["questions"] == kit["questions"], again
    status, stored = call("GET", f"{http}/v1/resumes/{resume['id']}")
    assert status == 200 and stored["id"] == resume["id"], stored
    page = dom(f"{http}/#/kits/{kit['id']}")
    assert len(re.findall(r'data-rank="\d+"', page)) == 10 and "Why:" in page and "Strong answer:" in page
    assert kit["language"] == "en" and all(len(q["rubric"]["points"]) >= 3 for q in kit["questions"])

    # The same kit in Portuguese, asked over HTTP; an unknown language is a typed error.
    status, pt = call("POST", http + "/v1/kits", json.dumps({"role": "backend-developer", "resume_id": resume["id"], "language": "pt-BR"}).encode())
    assert status == 200 and pt["language"] == "pt-BR", pt
    status, bad = call("POST", http + "/v1/kits", json.dumps({"role": "backend-developer", "resume_id": resume["id"], "language": "fr"}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument"), bad

    # A loop: one kit per interviewer, every requirement area covered once.
    status, loop = call("POST", http + "/v1/loops", json.dumps({"role": "backend-developer", "resume_id": resume["id"]}).encode())
    assert status == 200, loop
    assert [k["stage"] for k in loop["kits"]] == ["screen", "technical", "system-design", "behavioral"], loop
    assert all(c["stage"] for c in loop["coverage"]), loop["coverage"]
    asked = [q["question_id"] for k in loop["kits"] for q in k["kit"]["questions"]]
    assert len(asked) == len(set(asked)), asked
    status, bad = call("POST", http + "/v1/loops", json.dumps({"role": "backend-developer", "resume_id": resume["id"], "stages": ["lunch"]}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument"), bad

    # Every option Generate has, over HTTP; a misspelt one is a typed error naming it.
    options = {
        "role": "backend-developer", "resume_id": resume["id"], "count": 6, "stage": "technical",
        "seniority": "senior", "mix": {"behavioral": 0.5, "technical": 0.5}, "use_llm": False,
        "jurisdiction": "BR", "exclude_question_ids": [kit["questions"][0]["question_id"]],
    }
    status, tuned = call("POST", http + "/v1/kits", json.dumps(options).encode())
    assert status == 200 and len(tuned["questions"]) == 6, tuned
    assert kit["questions"][0]["question_id"] not in [q["question_id"] for q in tuned["questions"]], tuned
    for field, value in (("stage", "lunch"), ("seniority", "wizard")):
        status, bad = call("POST", http + "/v1/kits", json.dumps({**options, field: value}).encode())
        assert (status, bad["code"]) == (400, "InvalidArgument") and bad["message"].startswith(field), bad

    # Kits and resumes listed a page at a time, newest first.
    status, kits = call("GET", f"{http}/v1/kits?resume_id={resume['id']}&page_size=2")
    assert status == 200 and [k["id"] for k in kits["kits"]][:1] == [tuned["id"]] and kits["next_page_token"], kits
    status, more = call("GET", f"{http}/v1/kits?resume_id={resume['id']}&page_size=2&page_token={kits['next_page_token']}")
    assert status == 200 and not {k["id"] for k in more["kits"]} & {k["id"] for k in kits["kits"]}, more
    status, bad = call("GET", f"{http}/v1/kits?page_size=0")
    assert (status, bad["code"]) == (400, "InvalidArgument"), bad
    status, listed = call("GET", http + "/v1/resumes?candidate=ats-7")
    assert status == 200 and [r["id"] for r in listed["resumes"]] == [resume["id"]], listed
    assert listed["resumes"][0]["file_name"] == "olivia.pdf" and listed["next_page_token"] == "", listed

    # Feedback on a question of the kit; a question the kit does not ask is a typed error.
    rated = {"question_id": kit["questions"][1]["question_id"], "asked": True, "rating": 5, "interviewer_id": "ana"}
    status, fed = call("POST", f"{http}/v1/kits/{kit['id']}/feedback", json.dumps(rated).encode())
    assert (status, fed) == (200, {"recorded": True}), fed
    status, bad = call("POST", f"{http}/v1/kits/{kit['id']}/feedback", json.dumps({**rated, "question_id": "nope"}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument") and bad["message"].startswith("question_id"), bad
    status, bad = call("POST", f"{http}/v1/kits/{kit['id']}/feedback", json.dumps({**rated, "outcome": "hired?"}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument") and bad["message"].startswith("outcome"), bad

    # A scorecard and an outcome for the kit, over HTTP; the calibration report and its page.
    first = kit["questions"][0]["question_id"]
    card = {"interviewer_id": "ana", "scores": [{"question_id": first, "score": 4, "notes": "clear trade-offs"}]}
    status, saved = call("POST", f"{http}/v1/kits/{kit['id']}/scorecards", json.dumps(card).encode())
    assert (status, saved) == (200, {"recorded": 1}), saved
    card["scores"][0]["score"] = 7
    status, bad = call("POST", f"{http}/v1/kits/{kit['id']}/scorecards", json.dumps(card).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument") and bad["message"].startswith("scores[0].score"), bad
    status, done = call("POST", f"{http}/v1/kits/{kit['id']}/outcome", json.dumps({"outcome": "advanced"}).encode())
    assert status == 200, done
    status, bad = call("POST", f"{http}/v1/kits/{kit['id']}/outcome", json.dumps({"outcome": "hired?"}).encode())
    assert (status, bad["code"]) == (400, "InvalidArgument"), bad
    status, report = call("GET", http + "/v1/calibration/backend-developer")
    assert status == 200 and report["min_candidates"] >= 10, report
    row = next(q for q in report["questions"] if q["question_id"] == first)
    assert (row["candidates"], row["advanced"], row["scores"], row["verdict"]) == (1, 1, 1, "too-few"), row
    status, sharing = call("GET", http + "/v1/learning-sharing")
    assert (status, sharing["share"]) == (200, False), sharing
    status, sharing = call("PUT", http + "/v1/learning-sharing", json.dumps({"share": True}).encode())
    assert (status, sharing["share"]) == (200, True) and sharing["updated_at"], sharing
    page = dom(http + "/#/calibration/backend-developer")
    assert 'id="calibration"' in page and 'data-verdict="too-few"' in page, page[-3000:]
    assert re.search(r'id="share"[^>]*checked', page), page[-3000:]
    page = dom(f"{http}/#/kits/{kit['id']}")
    assert "Save scorecard" in page and 'class="score"' in page

    # The candidate (the ATS's id given at upload) is erased with every resume; a receipt says what went where.
    status, receipt = call("DELETE", http + "/v1/candidates/ats-7")
    assert status == 200 and receipt["resume_ids"] == [resume["id"]] and receipt["pending"], receipt
    status, gone = call("GET", f"{http}/v1/resumes/{resume['id']}")
    assert status == 404, gone
    # One resume erased by its id.
    docx = (CORPUS / "bad" / "ok-text-named.docx").read_bytes()
    status, other = call("POST", http + "/v1/resumes?file_name=other.docx", docx, "application/octet-stream")
    assert status == 200, other
    status, erased = call("DELETE", f"{http}/v1/resumes/{other['id']}")
    assert (status, erased) == (200, {"erased": True}), erased

    # Every documented JSON operation was answered and matched its schema.
    documented = {
        (method.upper(), template, 200)
        for template, ops in SPEC["paths"].items()
        for method, op in ops.items()
        if "application/json" in op.get("responses", {}).get("200", {}).get("content", {})
    }
    assert documented - CHECKED == set(), sorted(documented - CHECKED)

    page = dom(http + "/#/health")
    assert "nexushr_http_requests_total" in page and "nexushr_outbox_events" in page
    # Charts with plain labels, and percentiles from the gateway's latency histograms.
    assert "Requests per second" in page and "Latency p99 per interval" in page, page[-3000:]
    assert re.search(r"<td>/v1/roles</td><td>[0-9.]+ ms</td><td>[0-9.]+ ms</td>", page), page[-3000:]
    metrics = urllib.request.urlopen(http + "/metrics", timeout=30).read().decode()
    assert 'nexushr_resume_uploads_total{outcome="InvalidArgument"} 1' in metrics
