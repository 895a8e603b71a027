#!/usr/bin/env python3
"""Copies a varied set of rendered PDFs into the benchmark corpus.

usage: pick_corpus.py [RENDER_DIR] [DEST] [--max-mb 6.5]

RENDER_DIR defaults to ~/.cache/nexushr/accuracy, DEST to tests/corpus/resumes.
Every (input, theme) pair contributes one PDF, the engine alternating between
Chromium and LibreOffice (so every input, theme, language and engine is
represented); pairs are then dropped, largest first, until the total fits
--max-mb. Files are named <input>-<theme>-<engine>.pdf (engine: chromium or
office). Existing *.pdf files in DEST are replaced.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("render_dir", nargs="?", default=str(Path.home() / ".cache/nexushr/accuracy"))
    ap.add_argument("dest", nargs="?", default=str(REPO / "tests/corpus/resumes"))
    ap.add_argument("--max-mb", type=float, default=6.5)
    a = ap.parse_args()

    files = json.loads((Path(a.render_dir) / "manifest.json").read_text())["files"]
    pdfs = {(f["input"], f["theme"], f["format"]): Path(f["file"]) for f in files if f["format"].startswith("pdf-")}
    pairs = sorted({(i, t) for i, t, _ in pdfs})
    chosen = []
    for n, (inp, theme) in enumerate(pairs):
        first, second = ("pdf-chromium", "pdf-office") if n % 2 == 0 else ("pdf-office", "pdf-chromium")
        for fmt in (first, second):
            p = pdfs.get((inp, theme, fmt))
            if p and p.exists():
                engine = "chromium" if fmt == "pdf-chromium" else "office"
                chosen.append((p, f"{inp}-{theme}-{engine}.pdf"))
                break
    budget = int(a.max_mb * 1024 * 1024)
    chosen.sort(key=lambda c: c[0].stat().st_size)
    while chosen and sum(p.stat().st_size for p, _ in chosen) > budget:
        chosen.pop()  # the largest

    dest = Path(a.dest)
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.pdf"):
        old.unlink()
    for p, name in sorted(chosen, key=lambda c: c[1]):
        shutil.copyfile(p, dest / name)
    total = sum(p.stat().st_size for p, _ in chosen)
    print(f"{len(chosen)} PDFs, {total / 1024 / 1024:.2f} MiB -> {dest}")


if __name__ == "__main__":
    main()
