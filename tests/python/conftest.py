"""Fixtures for the Python gRPC client tests of NexusHR.

The tests talk to a real `nexushr serve` process over gRPC with stubs generated, at session
start, from the repository's own .proto files. Nothing here is Rust-specific: it is what any
non-Rust client would do.

Environment:
  NEXUSHR_BIN  the server binary (default: <repo>/target/debug/nexushr). A missing binary
               is a test failure, not a skip: build it first (`cargo build -p nexushr`).
  NEXUSHR_FAULT_CONSUMER_BIN
               the Kafka consumer of the interop tests (default:
               <repo>/target/debug/nexushr-events-fault-consumer); missing = failure.
  NEXUSHR_TEST_KAFKA_BROKERS
               the Kafka-protocol broker of test_kafka_interop.py (default 127.0.0.1:9092).
               It must already be running; topics are created through the admin API.
  NEXUSHR_TEST_DATABASE_URL
               PostgreSQL for the fault consumer (default postgres://postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator, Mapping
from pathlib import Path

import grpc
import pytest

# tests/python/conftest.py -> repo root two levels up.
REPO = Path(__file__).resolve().parents[2]
PROTO_ROOT = REPO / "proto"
LISTEN_PREFIX = "nexushr listening on grpc://"
HTTP_PREFIX = "nexushr http on http://"
# The HTTP gateway's address of each running server, by its gRPC address.
HTTP_ADDRS: dict[str, str] = {}
# A running server's data directory (its SQLite database is nexushr.db there), by gRPC address.
DATA_DIRS: dict[str, Path] = {}
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0
DEFAULT_KAFKA_BROKERS = "127.0.0.1:9092"


def _proto_files() -> list[str]:
    files = sorted(PROTO_ROOT.glob("nexushr/**/*.proto"))
    if not files:
        pytest.fail(f"no .proto files under {PROTO_ROOT / 'nexushr'}")
    # Relative to the include root, as protoc wants them.
    return [str(p.relative_to(PROTO_ROOT)) for p in files]


@pytest.fixture(scope="session")
def proto_stubs(tmp_path_factory) -> Path:
    """Generates *_pb2.py / *_pb2_grpc.py for proto/nexushr/** and puts them on sys.path."""
    out = tmp_path_factory.mktemp("nexushr_stubs")
    # `python -m grpc_tools.protoc` adds the bundled google/protobuf/*.proto include itself.
    cmd = [
        sys.executable,
        "-m",
        "grpc_tools.protoc",
        f"-I{PROTO_ROOT.relative_to(REPO)}",
        f"--python_out={out}",
        f"--grpc_python_out={out}",
        *_proto_files(),
    ]
    # Run from the repo root so the include path and file names stay relative.
    res = subprocess.run(
        cmd, cwd=REPO, capture_output=True, text=True, check=False
    )
    if res.returncode != 0:
        pytest.fail(
            f"protoc failed ({res.returncode}): {' '.join(cmd)}\n{res.stdout}\n{res.stderr}"
        )
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    yield out
    try:
        sys.path.remove(str(out))
    except ValueError:
        pass


def built_binary(env_var: str, name: str, build_hint: str) -> Path:
    """A binary of the cargo target dir (or $env_var); a missing one fails the test, never skips."""
    override = os.environ.get(env_var)
    path = Path(override) if override else REPO / "target" / "debug" / name
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"{name} binary not found or not executable: {path}\n"
            f"Build it ({build_hint}) or set {env_var} to its path.",
            pytrace=False,
        )
    return path


def _server_binary() -> Path:
    return built_binary("NEXUSHR_BIN", "nexushr", "cargo build -p nexushr")


def _server_env(data_dir: Path, extra_env: Mapping[str, str] | None = None) -> dict[str, str]:
    # Hermetic: drop every NEXUSHR_* / QDRANT_URL setting of the caller (API keys, a
    # database URL, Kafka...) so the server runs in open embedded mode on a fresh data dir.
    # `extra_env` is applied afterwards: the only way a NEXUSHR_* setting gets in.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("NEXUSHR_") and k != "QDRANT_URL"
    }
    env["NEXUSHR_DATA_DIR"] = str(data_dir)
    env.update(extra_env or {})
    return env


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=STOP_TIMEOUT_S)


@contextlib.contextmanager
def running_server(
    tmp_path_factory,
    extra_env: Mapping[str, str] | None = None,
    name: str = "nexushr",
) -> Iterator[str]:
    """Runs `nexushr serve` on an ephemeral port with a fresh data dir; yields "127.0.0.1:PORT".

    The environment is hermetic (see `_server_env`) plus `extra_env`. `name` prefixes the
    temporary data and log directories so several servers in one session stay apart.
    """
    binary = _server_binary()
    data_dir = tmp_path_factory.mktemp(f"{name}_data")
    stderr_path = tmp_path_factory.mktemp(f"{name}_logs") / "server.stderr"
    stderr_file = open(stderr_path, "w+b")
    shown_env = " ".join(f"{k}={v}" for k, v in sorted((extra_env or {}).items()))

    proc = subprocess.Popen(
        [str(binary), "serve", "--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"],
        # The data dir as working directory: no stray ./nexushr.toml gets picked up.
        cwd=data_dir,
        env=_server_env(data_dir, extra_env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr_file,
        text=True,
        bufsize=1,
    )

    lines: queue.Queue[str | None] = queue.Queue()
    stdout_seen: list[str] = []

    def pump_stdout() -> None:
        # Keeps draining after the listen line so the server never blocks on a full pipe.
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump_stdout, name=f"{name}-stdout", daemon=True).start()

    def server_stderr() -> str:
        stderr_file.flush()
        return stderr_path.read_text(errors="replace")[-8000:]

    def die(reason: str) -> None:
        _stop(proc)
        stderr_file.close()
        pytest.fail(
            f"{reason}\ncommand: {shown_env + ' ' if shown_env else ''}"
            f"{binary} serve --grpc-addr 127.0.0.1:0\n"
            f"exit code: {proc.returncode}\n"
            f"--- stdout ---\n{''.join(stdout_seen)}"
            f"--- stderr (tail) ---\n{stderr_path.read_text(errors='replace')[-8000:]}",
            pytrace=False,
        )

    addr = None
    http_addr = ""
    deadline = time.monotonic() + START_TIMEOUT_S
    while addr is None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            die(f"nexushr did not print '{LISTEN_PREFIX}...' within {START_TIMEOUT_S:.0f}s")
        try:
            line = lines.get(timeout=min(remaining, 0.5))
        except queue.Empty:
            continue
        if line is None:
            proc.wait(timeout=STOP_TIMEOUT_S)
            die("nexushr exited before it was listening")
        stdout_seen.append(line)
        if line.startswith(HTTP_PREFIX):
            http_addr = line[len(HTTP_PREFIX):].strip()
        if line.startswith(LISTEN_PREFIX):
            addr = line[len(LISTEN_PREFIX):].strip()
            HTTP_ADDRS[addr] = http_addr
            DATA_DIRS[addr] = data_dir

    try:
        yield addr
    finally:
        _stop(proc)
        # Surface a crash during the run (a clean SIGTERM shutdown exits 0; -15 if unhandled).
        if proc.returncode not in (0, -signal.SIGTERM):
            sys.stderr.write(
                f"\n{name} exited with {proc.returncode}; stderr tail:\n{server_stderr()}\n"
            )
        stderr_file.close()


@pytest.fixture(scope="session")
def server_addr(tmp_path_factory) -> str:
    """Starts `nexushr serve` (embedded mode) on an ephemeral port; yields "127.0.0.1:PORT"."""
    with running_server(tmp_path_factory) as addr:
        yield addr


@pytest.fixture(scope="session")
def kafka_brokers() -> str:
    """The broker list of the Kafka interop tests; fails at once when nothing listens there."""
    brokers = os.environ.get("NEXUSHR_TEST_KAFKA_BROKERS") or DEFAULT_KAFKA_BROKERS
    first = brokers.split(",")[0].strip()
    host, _, port = first.rpartition(":")
    problem = None
    try:
        with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=5):
            pass
    except (OSError, ValueError) as e:
        problem = e
    if problem is not None:
        pytest.fail(
            f"no Kafka-protocol broker at {first} ({problem}); start one or set "
            "NEXUSHR_TEST_KAFKA_BROKERS",
            pytrace=False,
        )
    return brokers


@pytest.fixture(scope="module")
def kafka_server_addr(tmp_path_factory, kafka_brokers) -> str:
    """A second `nexushr serve` with NEXUSHR_KAFKA_BROKERS set and its own fresh data dir.

    At startup it creates the topics through the admin API and relays its outbox (the bundled
    roles first) to Kafka. Yields "127.0.0.1:PORT".
    """
    with running_server(
        tmp_path_factory,
        {"NEXUSHR_KAFKA_BROKERS": kafka_brokers},
        name="nexushr_kafka",
    ) as addr:
        yield addr


@pytest.fixture(scope="session")
def channel(server_addr):
    ch = grpc.insecure_channel(server_addr)
    try:
        grpc.channel_ready_future(ch).result(timeout=15)
    except grpc.FutureTimeoutError:
        pytest.fail(f"gRPC channel to {server_addr} not ready within 15s", pytrace=False)
    yield ch
    ch.close()


@pytest.fixture(scope="session")
def pb(proto_stubs) -> types.SimpleNamespace:
    """The generated modules: pb.catalog(_grpc), pb.common, pb.events, pb.resumes(_grpc), pb.questions(_grpc)."""
    return types.SimpleNamespace(
        catalog=importlib.import_module("nexushr.catalog.v1.catalog_pb2"),
        catalog_grpc=importlib.import_module("nexushr.catalog.v1.catalog_pb2_grpc"),
        common=importlib.import_module("nexushr.common.v1.common_pb2"),
        events=importlib.import_module("nexushr.events.v1.events_pb2"),
        resumes=importlib.import_module("nexushr.resumes.v1.resumes_pb2"),
        resumes_grpc=importlib.import_module("nexushr.resumes.v1.resumes_pb2_grpc"),
        questions=importlib.import_module("nexushr.questions.v1.questions_pb2"),
        questions_grpc=importlib.import_module("nexushr.questions.v1.questions_pb2_grpc"),
    )


@pytest.fixture(scope="session")
def catalog(pb, channel):
    """A RoleCatalog stub on the running server."""
    return pb.catalog_grpc.RoleCatalogStub(channel)
