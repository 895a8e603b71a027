#!/usr/bin/env python3
"""Bulk ingestion end to end in embedded mode: N resumes uploaded, parsed, embedded, indexed and
prepared for Generate, with the figures beside the issue's reference and goal.

  scripts/bulk/bench.py [--count N] [--kill-at K] [--bin PATH]

Makes N distinct resumes from the committed corpus sample (make_corpus.py), starts `nexushr
serve` on a fresh data directory and free ports, runs `nexushr resumes upload DIR`, and polls
the embedded database until every stored resume is prepared. With --kill-at K the server is
killed (SIGKILL) once K resumes are stored, restarted, and the upload command run again: its
journal and the idempotency keys must give 0 lost and 0 duplicated. Then it checks: stored
resumes = accepted files, no SHA-256 twice, every one prepared, Generate answering a kit over
HTTP for a sample of them; and prints time, resumes per second, the server's peak RSS.

The binary defaults to the release build (cargo build --release --bin nexushr) in
$CARGO_TARGET_DIR or target/.
"""
import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_RATE = 8.1  # resumes/s end to end measured in the issue (96 resumes, release build)
GOAL_SECONDS = 600  # 10,000 resumes in at most 10 minutes
GOAL_RSS_MIB = 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid, field="VmRSS"):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def counts(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        stored = con.execute("SELECT COUNT(*) FROM ri_resumes").fetchone()[0]
        prepared = con.execute("SELECT COUNT(*) FROM qg_resumes").fetchone()[0]
        con.close()
        return stored, prepared
    except sqlite3.Error:
        return None


class Server:
    def __init__(self, binary, env):
        self.binary, self.env, self.proc, self.peak = binary, env, None, 0.0

    def start(self):
        log = open(Path(self.env["NEXUSHR_DATA_DIR"]) / "serve.log", "ab")
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=log, stderr=log)
        http = f"http://{self.env['NEXUSHR_HTTP_ADDR']}/healthz"
        for _ in range(600):
            if self.proc.poll() is not None:
                sys.exit(f"nexushr serve exited with {self.proc.returncode}; see {log.name}")
            try:
                urllib.request.urlopen(http, timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        sys.exit("nexushr serve did not answer /healthz in 60 s")

    def sample(self):
        if self.proc and self.proc.poll() is None:
            self.peak = max(self.peak, rss_mib(self.proc.pid, "VmHWM"))

    def kill(self):
        self.sample()
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.sample()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--kill-at", type=int, default=0)
    parser.add_argument("--bin")
    parser.add_argument("--timeout", type=int, default=3600, help="give up after this many seconds")
    args = parser.parse_args()
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = args.bin or str(target / "release/nexushr")
    if not Path(binary).is_file():
        sys.exit(f"{binary} not found: cargo build --release --bin nexushr")
    cache = Path(os.environ.get("NEXUSHR_CACHE", Path.home() / ".cache/nexushr"))
    corpus = cache / f"bulk-{args.count}"
    if not (corpus / ".done").exists():
        subprocess.run([sys.executable, ROOT / "scripts/bulk/make_corpus.py", str(args.count), corpus], check=True)
        (corpus / ".done").touch()
    files = sorted(p for p in corpus.iterdir() if not p.name.startswith("."))
    data = Path(tempfile.mkdtemp(prefix="nexushr-bulk-"))
    env = dict(os.environ, NEXUSHR_DATA_DIR=str(data), NEXUSHR_GRPC_ADDR=f"127.0.0.1:{free_port()}",
               NEXUSHR_HTTP_ADDR=f"127.0.0.1:{free_port()}", NEXUSHR_METRICS_ADDR=f"127.0.0.1:{free_port()}")
    db = data / "nexushr.db"
    server = Server(binary, env)
    server.start()
    upload = [binary, "resumes", "upload", str(corpus)]
    started = time.monotonic()
    out = open(data / "upload.log", "ab")
    uploader = subprocess.Popen(upload, env=env, stdout=out, stderr=out)
    killed = False
    last_print = 0.0
    deadline = time.monotonic() + args.timeout
    while True:
        if time.monotonic() > deadline:
            server.stop()
            sys.exit(f"not every resume stored and prepared after {args.timeout} s: {counts(db)}")
        time.sleep(0.5)
        server.sample()
        c = counts(db)
        done = uploader.poll() is not None
        now = time.monotonic() - started
        if c and now - last_print >= 10:
            last_print = now
            stored, prepared = c
            print(f"  {now:6.0f} s  stored {stored:>6}  prepared {prepared:>6}  server RSS {rss_mib(server.proc.pid):5.0f} MiB",
                  flush=True)
        if args.kill_at and not killed and c and c[0] >= args.kill_at:
            print(f"  SIGKILL the server at {c[0]} stored, {c[1]} prepared; restart; upload again", flush=True)
            server.kill()
            uploader.wait()
            server.start()
            uploader = subprocess.Popen(upload, env=env, stdout=out, stderr=out)
            killed = True
            continue
        if done and c and c[1] >= c[0]:
            if uploader.returncode != 0:
                # A transient failure leaves files out of the journal: the same command retries them.
                print(f"  upload exited {uploader.returncode}; running it again", flush=True)
                uploader = subprocess.Popen(upload, env=env, stdout=out, stderr=out)
                continue
            break
    elapsed = time.monotonic() - started
    # Every file the server accepted is stored once; refusals are in the journal.
    journal = next((data / "uploads").glob("*.jsonl"))
    entries = [json.loads(line) for line in journal.read_text().splitlines() if line.strip()]
    accepted = {e["sha256"] for e in entries if e["resume_id"]}
    refused = {e["sha256"] for e in entries if not e["resume_id"]}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM ri_resumes").fetchone()
    ids = [r[0] for r in con.execute("SELECT id FROM ri_resumes")]
    unprepared = con.execute("SELECT COUNT(*) FROM ri_resumes WHERE id NOT IN (SELECT resume_id FROM qg_resumes)").fetchone()[0]
    con.close()
    # Lost: accepted and not stored, or never answered at all (not in the journal).
    unanswered = len(files) - len({(e["file"]) for e in entries})
    lost = len(accepted) - distinct + unanswered
    duplicated = stored - distinct
    # Ready for Generate: a kit for a sample of the stored resumes over HTTP.
    http = f"http://{env['NEXUSHR_HTTP_ADDR']}/v1/kits"
    sample = random.Random(7).sample(ids, min(25, len(ids)))
    kits = 0
    for rid in sample:
        body = json.dumps({"role": "backend-developer", "resume_id": rid, "count": 5}).encode()
        req = urllib.request.Request(http, data=body, headers={"Content-Type": "application/json"})
        try:
            kit = json.loads(urllib.request.urlopen(req, timeout=30).read())
            kits += bool(kit.get("questions"))
        except OSError as e:
            print(f"  Generate for {rid}: {e}")
    server.stop()
    rate = stored / elapsed
    print()
    print(f"bulk ingestion, embedded mode, {len(files)} files ({corpus}), {os.cpu_count()} cores"
          + (f", server SIGKILLed at {args.kill_at} stored" if args.kill_at else ""))
    print(f"  stored {stored} (accepted {len(accepted)}, refused {len(refused)}), lost {lost}, duplicated {duplicated}, "
          f"not prepared {unprepared}, Generate kits {kits}/{len(sample)}")
    print(f"  time end to end     : {elapsed:7.1f} s   (goal for 10,000: {GOAL_SECONDS} s)")
    print(f"  resumes per second  : {rate:7.1f}     (reference {REFERENCE_RATE}/s: {rate / REFERENCE_RATE:.2f}x; "
          f"10,000 at this rate: {10_000 / rate / 60:.1f} min)")
    print(f"  server peak RSS     : {server.peak:7.0f} MiB (goal under {GOAL_RSS_MIB})")
    print(f"  data directory      : {data}")
    ok = lost == 0 and duplicated == 0 and unprepared == 0 and kits == len(sample)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
