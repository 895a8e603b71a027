"""The HTTP API through a client generated from the gateway's own `/openapi.json`.

openapi-python-client writes a typed client from the document the running server serves; every
call below goes through that generated code and every answer is parsed into its generated
models, so a document that says less or other than the gateway answers (a missing required
field, a wrong type, an undocumented status) fails here. Covers roles (list, get, create,
change with If-Match, delete), a resume upload, kits (generate with options, get, list) and
feedback.
"""

from __future__ import annotations

import importlib
import io
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import HTTP_ADDRS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def generated(server_addr, tmp_path_factory):
    """(the generated package, an authenticated client of it) for the running server."""
    http = "http://" + HTTP_ADDRS[server_addr]
    spec = tmp_path_factory.mktemp("openapi") / "openapi.json"
    spec.write_bytes(urllib.request.urlopen(http + "/openapi.json", timeout=30).read())
    out = tmp_path_factory.mktemp("generated")
    package = out / "nexushr_http"
    generator = Path(sys.executable).parent / "openapi-python-client"
    run = subprocess.run(
        [str(generator), "generate", "--path", str(spec), "--output-path", str(package), "--meta", "none"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0 and (package / "client.py").exists(), run.stdout + run.stderr
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    pkg = importlib.import_module("nexushr_http")
    # Open mode takes any key; the generated client always sends one.
    client = pkg.AuthenticatedClient(base_url=http, token="open-mode-key", raise_on_unexpected_status=True, timeout=60)
    yield pkg, client
    sys.path.remove(str(out))


def api(name: str):
    return importlib.import_module(f"nexushr_http.api.default.{name}")


def models():
    return importlib.import_module("nexushr_http.models")


def test_roles_through_the_generated_client(generated):
    _, client = generated
    m = models()
    listed = api("get_v1_roles").sync_detailed(client=client, limit=3)
    assert listed.status_code == 200 and isinstance(listed.parsed, m.RoleList), listed
    assert len(listed.parsed.roles) == 3 and all(r.slug for r in listed.parsed.roles)
    role = api("get_v1_roles_slug").sync_detailed("backend-developer", client=client).parsed
    assert isinstance(role, m.Role) and {b.currency for b in role.spec.salary_bands} >= {"BRL", "MXN"}, role
    missing = api("get_v1_roles_slug").sync_detailed("no-such-role", client=client)
    assert missing.status_code == 404 and isinstance(missing.parsed, m.Error) and missing.parsed.code == "NotFound"

    body = m.PostV1RolesBody(
        title="Payments Reliability Engineer",
        category="Technology",
        summary="Keeps card payments up.",
        requirements=["Operate payment services in production"],
    )
    created = api("post_v1_roles").sync_detailed(client=client, body=body).parsed
    assert isinstance(created, m.Role) and created.spec.slug == "payments-reliability-engineer", created
    change = m.PatchV1RolesSlugBody(title="Payments SRE")
    changed = api("patch_v1_roles_slug").sync_detailed(
        created.spec.slug, client=client, body=change, if_match=created.etag
    ).parsed
    assert isinstance(changed, m.Role) and (changed.spec.title, changed.version) == ("Payments SRE", 2), changed
    assert changed.spec.summary == "Keeps card payments up."
    stale = api("delete_v1_roles_slug").sync_detailed(created.spec.slug, client=client, if_match=created.etag)
    assert stale.status_code == 409 and stale.parsed.code == "Aborted", stale
    deleted = api("delete_v1_roles_slug").sync_detailed(created.spec.slug, client=client, if_match=changed.etag)
    assert isinstance(deleted.parsed, m.Deleted) and deleted.parsed.deleted, deleted


def test_a_kit_through_the_generated_client(generated):
    pkg, client = generated
    m = models()
    File = importlib.import_module("nexushr_http.types").File
    pdf = (CORPUS / "resumes" / "en-olivia-bennett-macchiato-chromium.pdf").read_bytes()
    upload = api("post_v1_resumes").sync_detailed(
        client=client,
        body=File(payload=io.BytesIO(pdf), file_name="olivia.pdf", mime_type="application/pdf"),
        file_name="olivia.pdf",
        candidate="ats-generated",
    )
    assert upload.status_code == 200 and isinstance(upload.parsed, m.ResumeView), upload
    resume_id = upload.parsed.id

    body = m.PostV1KitsBody(
        role="backend-developer",
        resume_id=resume_id,
        count=6,
        stage=m.PostV1KitsBodyStage.TECHNICAL,
        seniority=m.PostV1KitsBodySeniority.SENIOR,
        language=m.PostV1KitsBodyLanguage.PT_BR,
    )
    deadline = time.monotonic() + 60
    while True:  # the resume is prepared from its event, moments after the upload
        made = api("post_v1_kits").sync_detailed(client=client, body=body)
        if made.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    kit = made.parsed
    assert isinstance(kit, m.Kit) and len(kit.questions) == 6 and kit.language == "pt-BR", made
    assert all(isinstance(q, m.KitQuestion) and q.question_id and q.rubric.points for q in kit.questions)

    again = api("get_v1_kits_id").sync_detailed(kit.id, client=client).parsed
    assert isinstance(again, m.Kit) and [q.question_id for q in again.questions] == [q.question_id for q in kit.questions]
    listed = api("get_v1_kits").sync_detailed(client=client, resume_id=resume_id, page_size=10).parsed
    assert isinstance(listed, m.KitList) and [k.id for k in listed.kits] == [kit.id], listed
    resumes = api("get_v1_resumes").sync_detailed(client=client, candidate="ats-generated").parsed
    assert isinstance(resumes, m.ResumeList) and [r.id for r in resumes.resumes] == [resume_id], resumes

    feedback = m.PostV1KitsIdFeedbackBody(question_id=kit.questions[0].question_id, asked=True, rating=4)
    recorded = api("post_v1_kits_id_feedback").sync_detailed(kit.id, client=client, body=feedback).parsed
    assert isinstance(recorded, m.FeedbackRecorded) and recorded.recorded, recorded
    bad = m.PostV1KitsIdFeedbackBody(question_id="not-in-this-kit", rating=4)
    refused = api("post_v1_kits_id_feedback").sync_detailed(kit.id, client=client, body=bad)
    assert refused.status_code == 400 and refused.parsed.code == "InvalidArgument", refused
