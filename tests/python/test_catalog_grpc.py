"""RoleCatalog over gRPC from Python: health, reflection, listing, lookups, locales, errors."""

from __future__ import annotations

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from google.protobuf import descriptor_pb2

CATALOG_SERVICE = "nexushr.catalog.v1.RoleCatalog"
HEALTH_SERVICE = "grpc.health.v1.Health"
TIMEOUT = 15  # seconds per call


def rpc_error(call, *args, **kwargs) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as info:
        call(*args, timeout=TIMEOUT, **kwargs)
    return info.value


def assert_invalid_argument(err: grpc.RpcError, field: str) -> None:
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, (err.code(), err.details())
    assert field in (err.details() or ""), err.details()
    # The server also sends a google.rpc.Status with a BadRequest naming the field.
    trailers = dict(err.trailing_metadata() or ())
    raw = trailers.get("grpc-status-details-bin")
    assert raw is not None, f"no grpc-status-details-bin trailer; trailers: {list(trailers)}"
    assert b"google.rpc.BadRequest" in raw, raw
    assert field.encode() in raw, raw


# --- health -------------------------------------------------------------------------------


@pytest.mark.parametrize("service", ["", CATALOG_SERVICE])
def test_health_serving(channel, service):
    stub = health_pb2_grpc.HealthStub(channel)
    resp = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=TIMEOUT)
    assert resp.status == health_pb2.HealthCheckResponse.SERVING


# --- reflection ---------------------------------------------------------------------------


def reflect(channel, **request) -> reflection_pb2.ServerReflectionResponse:
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    req = reflection_pb2.ServerReflectionRequest(**request)
    responses = list(stub.ServerReflectionInfo(iter([req]), timeout=TIMEOUT))
    assert len(responses) == 1, responses
    resp = responses[0]
    assert resp.WhichOneof("message_response") != "error_response", resp.error_response
    return resp


def test_reflection_lists_services(channel):
    resp = reflect(channel, list_services="")
    names = {s.name for s in resp.list_services_response.service}
    assert CATALOG_SERVICE in names, names
    assert HEALTH_SERVICE in names, names


def test_reflection_file_containing_symbol(channel):
    resp = reflect(channel, file_containing_symbol=CATALOG_SERVICE)
    protos = resp.file_descriptor_response.file_descriptor_proto
    assert protos, "no file descriptors returned"
    files = [descriptor_pb2.FileDescriptorProto.FromString(b) for b in protos]
    catalog = [f for f in files if f.package == "nexushr.catalog.v1"]
    assert catalog, [f.name for f in files]
    assert "RoleCatalog" in {s.name for f in catalog for s in f.service}


# --- ListRoles ----------------------------------------------------------------------------


def test_list_roles_pages_through_catalog(catalog, pb):
    roles, token, pages = [], "", 0
    while True:
        req = pb.catalog.ListRolesRequest(
            page=pb.common.PageRequest(page_size=20, page_token=token)
        )
        resp = catalog.ListRoles(req, timeout=TIMEOUT)
        pages += 1
        assert len(resp.roles) <= 20
        roles.extend(resp.roles)
        token = resp.page.next_page_token
        if not token:
            break
        assert pages < 100, "paging does not terminate"

    assert len(roles) >= 41, len(roles)
    assert pages >= 3, pages
    slugs = [r.slug for r in roles]
    assert len(slugs) == len(set(slugs)), sorted(s for s in slugs if slugs.count(s) > 1)
    assert "backend-developer" in slugs
    for r in roles:
        assert r.standard_ids.onet_soc, f"{r.slug}: no standard_ids.onet_soc"
        assert r.salary_bands, f"{r.slug}: no salary bands"
        assert any(b.HasField("as_of") for b in r.salary_bands), f"{r.slug}: no band with as_of"


# --- GetRole ------------------------------------------------------------------------------


def get_backend(catalog, pb, **kw):
    req = pb.catalog.GetRoleRequest(slug="backend-developer", **kw)
    return catalog.GetRole(req, timeout=TIMEOUT)


def test_get_backend_developer_by_slug(catalog, pb):
    role = get_backend(catalog, pb)
    assert role.slug == "backend-developer"
    assert role.title == "Backend Developer"
    assert role.category == "Technology"

    month = pb.catalog.PAY_PERIOD_MONTH
    bands = sorted(
        (
            b.country,
            b.currency,
            b.min_minor,
            b.max_minor,
            b.period,
            (b.as_of.year, b.as_of.month, b.as_of.day),
        )
        for b in role.salary_bands
    )
    assert bands == [
        ("BR", "BRL", 1_000_000, 1_800_000, month, (2026, 6, 22)),
        ("MX", "MXN", 5_000_000, 9_000_000, month, (2026, 6, 22)),
    ]

    ladder = [c.title for c in sorted(role.career_path, key=lambda c: c.order)]
    assert ladder == [
        "Backend Developer Intern",
        "Junior Backend Developer",
        "Mid-Level Backend Developer",
        "Senior Backend Developer",
        "Software Architect / Tech Lead",
    ]
    assert list(role.top_tools) == [
        "Node.js",
        "Python",
        "Go",
        "PostgreSQL",
        "MongoDB",
        "Docker",
        "Kubernetes",
        "AWS",
    ]
    assert len(role.interview_questions) == 3
    assert len(role.faq) == 2
    assert len(role.responsibilities) == 5


def test_get_role_pt_br(catalog, pb):
    role = get_backend(catalog, pb, locale="pt-BR")
    assert role.title == "Desenvolvedor Backend"
    assert role.locale == "pt-BR"


def test_get_role_unknown_locale_falls_back_to_en(catalog, pb):
    role = get_backend(catalog, pb, locale="fr")
    assert role.title == "Backend Developer"
    assert role.locale == "en"


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", [0, 100_000])
def test_list_roles_bad_page_size(catalog, pb, page_size):
    req = pb.catalog.ListRolesRequest(page=pb.common.PageRequest(page_size=page_size))
    assert_invalid_argument(rpc_error(catalog.ListRoles, req), "page_size")


def test_list_roles_malformed_page_token(catalog, pb):
    req = pb.catalog.ListRolesRequest(
        page=pb.common.PageRequest(page_size=20, page_token="not-a-valid-token!!")
    )
    assert_invalid_argument(rpc_error(catalog.ListRoles, req), "page_token")


def test_create_role_empty_title(catalog, pb):
    req = pb.catalog.CreateRoleRequest(
        role=pb.catalog.Role(slug="python-empty-title", category="Technology", title="")
    )
    assert_invalid_argument(rpc_error(catalog.CreateRole, req), "role.title")


def test_get_role_unknown_slug(catalog, pb):
    req = pb.catalog.GetRoleRequest(slug="no-such-role-xyz")
    err = rpc_error(catalog.GetRole, req)
    assert err.code() == grpc.StatusCode.NOT_FOUND, (err.code(), err.details())
