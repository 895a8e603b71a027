#!/usr/bin/env python3
"""`nexushr parse` as a command: one process per file against pdftotext's, and a whole folder in
one process, on the PDFs of the committed corpus sample, beside the issue's reference.

  scripts/bench-parse-start.py [--bin PATH]     (release build: cargo build --release --bin nexushr)

Needs pdftotext (Debian poppler-utils). Runs alternate nexushr and pdftotext on each file, three
rounds, so that both see the same machine state.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_MS = 18.7  # the issue: median `nexushr parse FILE`, 17.8 ms of it starting up


def timed(cmd):
    """Milliseconds for `cmd`, which must succeed (a crash is not a fast parse)."""
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000


def summary(xs):
    xs = sorted(xs)
    return f"median {statistics.median(xs):6.2f} ms  p95 {xs[int(len(xs) * 0.95)]:6.2f} ms"


def main():
    parser = argparse.ArgumentParser()
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    parser.add_argument("--bin", default=str(target / "release/nexushr"))
    args = parser.parse_args()
    if not Path(args.bin).is_file():
        sys.exit(f"{args.bin} not found: cargo build --release --bin nexushr")
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext not found: apt-get install poppler-utils")
    pdfs = sorted(glob.glob(str(ROOT / "tests/corpus/sample/**/*.pdf"), recursive=True))
    ours, theirs, bare = [], [], []
    for _ in range(3):
        for f in pdfs:
            ours.append(timed([args.bin, "parse", f]))
            theirs.append(timed(["pdftotext", f, "-"]))
        bare.append(timed([args.bin, "--version"]))
    with tempfile.TemporaryDirectory() as folder:
        for i, f in enumerate(pdfs):
            os.symlink(f, Path(folder) / f"{i:04d}-{Path(f).name}")
        one = min(timed([args.bin, "parse", folder]) for _ in range(3))
    print(f"nexushr parse, {len(pdfs)} PDFs of tests/corpus/sample, 3 rounds, one process per file")
    print(f"  nexushr parse FILE     : {summary(ours)}   (reference {REFERENCE_MS} ms)")
    print(f"  pdftotext FILE -       : {summary(theirs)}   (text only, no structure)")
    print(f"  ratio pdftotext/nexushr: {statistics.median(theirs) / statistics.median(ours):.2f}x   (reference 0.67x)")
    print(f"  nexushr --version      : {summary(bare)}   (process start alone)")
    print(f"  nexushr parse FOLDER   : {one:7.1f} ms for {len(pdfs)} files in one process, "
          f"{len(pdfs) / one * 1000:.0f} files/s")


if __name__ == "__main__":
    main()
