"""Fixtures for the Python gRPC client tests of NexusHR.

The tests talk to a real `nexushr serve` process over gRPC with stubs generated, at session
start, from the repository's own .proto files. Nothing here is Rust-specific: it is what any
non-Rust client would do.

Environment:
  NEXUSHR_BIN  the server binary (default: <repo>/target/debug/nexushr). A missing binary
               is a test failure, not a skip: build it first (`cargo build -p nexushr`).
"""

from __future__ import annotations

import importlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import grpc
import pytest

# tests/python/conftest.py -> repo root two levels up.
REPO = Path(__file__).resolve().parents[2]
PROTO_ROOT = REPO / "proto"
LISTEN_PREFIX = "nexushr listening on grpc://"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


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


def _server_binary() -> Path:
    bin_env = os.environ.get("NEXUSHR_BIN")
    path = Path(bin_env) if bin_env else REPO / "target" / "debug" / "nexushr"
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"nexushr server binary not found or not executable: {path}\n"
            "Build it (cargo build -p nexushr) or set NEXUSHR_BIN to its path.",
            pytrace=False,
        )
    return path


def _server_env(data_dir: Path) -> dict[str, str]:
    # Hermetic: drop every NEXUSHR_* / QDRANT_URL setting of the caller (API keys, a
    # database URL, Kafka...) so the server runs in open embedded mode on a fresh data dir.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("NEXUSHR_") and k != "QDRANT_URL"
    }
    env["NEXUSHR_DATA_DIR"] = str(data_dir)
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


@pytest.fixture(scope="session")
def server_addr(tmp_path_factory) -> str:
    """Starts `nexushr serve` on an ephemeral port; yields "127.0.0.1:PORT"."""
    binary = _server_binary()
    data_dir = tmp_path_factory.mktemp("nexushr_data")
    stderr_path = tmp_path_factory.mktemp("nexushr_logs") / "server.stderr"
    stderr_file = open(stderr_path, "w+b")

    proc = subprocess.Popen(
        [str(binary), "serve", "--grpc-addr", "127.0.0.1:0"],
        # The data dir as working directory: no stray ./nexushr.toml gets picked up.
        cwd=data_dir,
        env=_server_env(data_dir),
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

    threading.Thread(target=pump_stdout, name="nexushr-stdout", daemon=True).start()

    def server_stderr() -> str:
        stderr_file.flush()
        return stderr_path.read_text(errors="replace")[-8000:]

    def die(reason: str) -> None:
        _stop(proc)
        stderr_file.close()
        pytest.fail(
            f"{reason}\ncommand: {binary} serve --grpc-addr 127.0.0.1:0\n"
            f"exit code: {proc.returncode}\n"
            f"--- stdout ---\n{''.join(stdout_seen)}"
            f"--- stderr (tail) ---\n{stderr_path.read_text(errors='replace')[-8000:]}",
            pytrace=False,
        )

    addr = None
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
        if line.startswith(LISTEN_PREFIX):
            addr = line[len(LISTEN_PREFIX):].strip()

    try:
        yield addr
    finally:
        _stop(proc)
        # Surface a crash during the run (a clean SIGTERM shutdown exits 0; -15 if unhandled).
        if proc.returncode not in (0, -signal.SIGTERM):
            sys.stderr.write(
                f"\nnexushr exited with {proc.returncode}; stderr tail:\n{server_stderr()}\n"
            )
        stderr_file.close()


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
    """The generated modules: pb.catalog, pb.catalog_grpc, pb.common."""
    return types.SimpleNamespace(
        catalog=importlib.import_module("nexushr.catalog.v1.catalog_pb2"),
        catalog_grpc=importlib.import_module("nexushr.catalog.v1.catalog_pb2_grpc"),
        common=importlib.import_module("nexushr.common.v1.common_pb2"),
    )


@pytest.fixture(scope="session")
def catalog(pb, channel):
    """A RoleCatalog stub on the running server."""
    return pb.catalog_grpc.RoleCatalogStub(channel)
