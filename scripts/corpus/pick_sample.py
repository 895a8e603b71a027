#!/usr/bin/env python3
"""Picks the committed regression sample from rendered corpora.

usage: pick_sample.py MANIFEST [MANIFEST ...] [--dest tests/corpus/sample] [--max-mb 20] [--per 1]

One document per (toolchain, layout, language) — `--per` of them — taking the sources in turn so
the sample holds many people, not one; files over 1.5 MB are passed over. The chosen files are
copied to DEST/<toolchain>/ and DEST/manifest.json lists them with paths relative to DEST (the
labels are the JSON Resume sources in tests/corpus/resumes-src, referenced relatively). The
regression gate in scripts/test.sh scores this sample against DEST/baseline.json, so the test
command needs no TeX, office suite or browser.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from collections import defaultdict
from pathlib import Path

from score import load

REPO = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("manifests", nargs="+")
    ap.add_argument("--dest", default=str(REPO / "tests/corpus/sample"))
    ap.add_argument("--max-mb", type=float, default=20.0)
    ap.add_argument("--per", type=int, default=1)
    a = ap.parse_args()

    entries = load(a.manifests)  # the scorer's reading of manifests: absolute paths, 2-letter languages

    by_group = defaultdict(list)
    for e in entries:
        if Path(e["file"]).stat().st_size <= 1_500_000:
            by_group[(e["toolchain"], e["layout"], e["lang"])].append(e)
    used = defaultdict(int)  # source -> times picked, to spread the people
    picked = []
    rank = defaultdict(int)  # toolchain -> groups picked so far: the budget cuts every toolchain alike
    for key in sorted(by_group):
        cands = sorted(by_group[key], key=lambda e: (used[e["source"]], Path(e["file"]).stat().st_size, e["source"]))
        for e in cands[: a.per]:
            used[e["source"]] += 1
            e["_rank"] = rank[key[0]]
            rank[key[0]] += 1
            picked.append(e)
    picked.sort(key=lambda e: (e["_rank"], e["toolchain"]))

    dest = Path(a.dest)
    budget = a.max_mb * 1024 * 1024
    total = 0
    for old in dest.glob("*/"):
        shutil.rmtree(old)
    files = []
    for e in picked:
        size = Path(e["file"]).stat().st_size
        if total + size > budget:
            continue
        total += size
        out_dir = dest / e["toolchain"]
        out_dir.mkdir(parents=True, exist_ok=True)
        name = f"{e['layout'].replace('/', '-')}--{Path(e['file']).name}"
        shutil.copyfile(e["file"], out_dir / name)
        files.append({
            "file": f"{e['toolchain']}/{name}",
            "source": os.path.relpath(e["source"], dest),
            "toolchain": e["toolchain"], "layout": e["layout"], "lang": e["lang"], "format": e.get("format"),
        })
    (dest / "manifest.json").write_text(json.dumps({"files": files}, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(files)} files, {total / 1024 / 1024:.1f} MB, "
          f"{len({f['toolchain'] for f in files})} toolchains, {len({(f['toolchain'], f['layout']) for f in files})} layouts -> {dest}")


if __name__ == "__main__":
    main()
