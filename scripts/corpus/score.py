#!/usr/bin/env python3
"""Field-level accuracy of `nexushr parse --format json-resume` on rendered resume corpora.

usage: score.py MANIFEST [MANIFEST ...] [--heldout T1,T2] [--show-heldout] [--details]
                [--by toolchain,lang,layout] [--json OUT] [--gate BASELINE] [--write-baseline BASELINE]

Every MANIFEST is a manifest.json written by a renderer (scripts/corpus/render_docs.py,
scripts/accuracy/render.mjs, or the committed sample tests/corpus/sample/manifest.json): a list
of files, each with its JSON Resume source (the labels), toolchain, layout and language.
Relative paths are read from the manifest's folder.

The fields follow the rules the product is judged by:
  contact       name, email and phone (phone: last 10 digits)
  work          a work entry counts when title, employer and start year+month are all right
  education     an entry counts when institution and degree are both right (the parsed degree
                contains the source's studyType, or is "studyType in area")
  skills        the skills section: its group names and its items (verbatim, case and accents
                folded), one set per resume
and, to see where the work entries go wrong: titles, employers, start_dates, institutions,
degrees, skill_items, skill_groups. Matching is one-to-one; F1 is micro-averaged over files.

Held-out toolchains (--heldout) are reported on their own and their files' misses are never
printed unless --show-heldout: the held-out figure is the one that counts, so nobody tunes on
what it measures. --gate fails (exit 1) when a field's F1 in BASELINE's groups falls more than
0.01 below its baseline. Standard library only; the binary is $NEXUSHR_BIN.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

DEFAULT_BIN = Path.home() / ".cache/nexushr/target/debug/nexushr"
HEADLINE = ["contact", "work", "education", "skills"]
DETAIL = ["titles", "employers", "start_dates", "institutions", "degrees", "skill_items", "skill_groups"]
FIELDS = HEADLINE + DETAIL
LANGS = ["en", "pt", "es"]
TOLERANCE = 0.01


# ------------------------------------------------------------ normalization
def norm(s) -> str:
    """casefold, no accents, dots dropped (Ph.D. == PhD), other punctuation as spaces."""
    if s is None:
        return ""
    s = "".join(c for c in unicodedata.normalize("NFKD", str(s)) if not unicodedata.combining(c))
    s = s.casefold().replace(".", "")
    s = re.sub(r"[^\w+#]+", " ", s)
    return " ".join(s.split())


def phone_key(s) -> str:
    return re.sub(r"\D", "", s or "")[-10:]


def ym(d):
    m = re.match(r"^(\d{4})(?:-(\d{1,2}))?", str(d or ""))
    return (int(m.group(1)), int(m.group(2) or 0)) if m else None


def degree_same(g, p) -> bool:
    study, area, pd = norm(g[0]), norm(g[1]), norm(p)
    if not pd or not study:
        return False
    return study in pd or pd.replace(" ", "") == (study + area).replace(" ", "")


def eq(a, b) -> bool:
    return norm(a) != "" and norm(a) == norm(b)


# ------------------------------------------------------------ gold and predictions
def fields_of(doc: dict, gold: bool) -> dict:
    """The scored fields of a JSON Resume document (the source, or the parser's export)."""
    b = doc.get("basics") or {}
    work = doc.get("work") or []
    edu = doc.get("education") or []
    skills = doc.get("skills") or []
    contact = []
    if b.get("name"):
        contact.append(("name", norm(b["name"])))
    if b.get("email"):
        contact.append(("email", b["email"].casefold()))
    if phone_key(b.get("phone")):
        contact.append(("phone", phone_key(b["phone"])))
    items, groups = [], []
    for s in skills:
        if s.get("name") and (gold or s["name"] != "Skills"):
            groups.append(norm(s["name"]))
        for k in s.get("keywords") or []:
            if norm(k) and norm(k) not in items:
                items.append(norm(k))
    degree = (lambda e: (e.get("studyType"), e.get("area") or "")) if gold else (lambda e: e.get("studyType"))
    return {
        "contact": contact,
        "work": [(w.get("position"), w.get("name"), ym(w.get("startDate"))) for w in work],
        "education": [(e.get("institution"), degree(e)) for e in edu if e.get("institution") or e.get("studyType")],
        "skills": [("g", g) for g in groups] + [("i", i) for i in items],
        "titles": [w.get("position") for w in work if w.get("position")],
        "employers": [w.get("name") for w in work if w.get("name")],
        "start_dates": [ym(w.get("startDate")) for w in work if ym(w.get("startDate"))],
        "institutions": [e.get("institution") for e in edu if e.get("institution")],
        "degrees": [degree(e) for e in edu if e.get("studyType")],
        "skill_items": items,
        "skill_groups": groups,
    }


SAME = {
    "contact": lambda g, p: g == p,
    "work": lambda g, p: eq(g[0], p[0]) and eq(g[1], p[1]) and g[2] is not None and g[2] == p[2],
    "education": lambda g, p: eq(g[0], p[0]) and degree_same(g[1], p[1]),
    "skills": lambda g, p: g == p,
    "titles": eq,
    "employers": eq,
    "start_dates": lambda g, p: g == p,
    "institutions": eq,
    "degrees": degree_same,
    "skill_items": lambda g, p: g == p,
    "skill_groups": lambda g, p: g == p,
}


def match(gold: list, pred: list, same):
    """Greedy one-to-one matching: (true positives, predicted, gold, missed, extra)."""
    used = [False] * len(pred)
    missed = []
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                break
        else:
            missed.append(g)
    extra = [p for i, p in enumerate(pred) if not used[i]]
    return len(gold) - len(missed), len(pred), len(gold), missed, extra


# ------------------------------------------------------------ parsing
def parse_many(binary: Path, files: list[str]) -> dict[str, dict | str]:
    """One `nexushr parse` process for many files: JSON Lines, a parse or an error each."""
    out: dict[str, dict | str] = {}
    p = subprocess.run([str(binary), "parse", "--jsonl", "--format", "json-resume", *files],
                       capture_output=True, timeout=600)
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        out[row["file"]] = row.get("parse") or row.get("error") or "no output"
    for f in files:
        out.setdefault(f, f"no output (exit {p.returncode}): {p.stderr.decode(errors='replace')[-200:]}")
    return out


def load(manifests: list[str]) -> list[dict]:
    files = []
    for m in manifests:
        path = Path(m).expanduser()
        if path.is_dir():
            path = path / "manifest.json"
        root = path.parent
        for e in json.loads(path.read_text())["files"]:
            e = dict(e)
            e["file"] = str((root / e["file"]).resolve())
            e["source"] = str((root / e["source"]).resolve())
            e.setdefault("toolchain", e.get("format", "?"))
            e.setdefault("layout", e.get("theme", "?"))
            e["lang"] = e.get("lang", "?")[:2]
            files.append(e)
    return files


# ------------------------------------------------------------ aggregation
class Agg:
    def __init__(self):
        self.c = {f: [0, 0, 0] for f in FIELDS}
        self.files = 0

    def add(self, res):
        self.files += 1
        for f in FIELDS:
            for k in range(3):
                self.c[f][k] += res[f][k]

    def prf(self, f):
        tp, pred, gold = self.c[f]
        p = tp / pred if pred else (1.0 if gold == 0 else 0.0)
        r = tp / gold if gold else (1.0 if pred == 0 else 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def f1s(self):
        return {f: round(self.prf(f)[2], 4) for f in FIELDS}


def matrix(title: str, groups: dict, fields=FIELDS) -> str:
    keys = list(groups)
    w = max(9, max((len(k) for k in keys), default=0) + 2)
    lines = [title, f"  {'F1':<13}" + "".join(f"{k:>{w}}" for k in keys)]
    for f in fields:
        lines.append(f"  {f:<13}" + "".join(f"{groups[k].prf(f)[2]:>{w}.3f}" for k in keys))
    lines.append(f"  {'files':<13}" + "".join(f"{groups[k].files:>{w}}" for k in keys))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("manifests", nargs="+")
    ap.add_argument("--heldout", default=str(Path(__file__).with_name("heldout.txt")),
                    help="file naming the held-out toolchains and sources ('toolchain T', 'source NAME'); '' for none")
    ap.add_argument("--show-heldout", action="store_true", help="also print held-out files' misses")
    ap.add_argument("--details", action="store_true", help="print every (tuned) file's misses")
    ap.add_argument("--by", default="toolchain,lang", help="tables to print: toolchain, lang, layout")
    ap.add_argument("--json", help="write the full report as JSON here")
    ap.add_argument("--gate", help="fail when F1 falls more than 0.01 below this baseline")
    ap.add_argument("--write-baseline", help="write this run's F1 per group as a baseline")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()

    binary = Path(os.environ.get("NEXUSHR_BIN", str(DEFAULT_BIN)))
    heldout, heldout_sources = set(), set()
    if a.heldout:
        for line in Path(a.heldout).read_text().splitlines():
            kind, _, name = line.partition("#")[0].strip().partition(" ")
            if kind == "toolchain":
                heldout.add(name.strip())
            elif kind == "source":
                heldout_sources.add(name.strip())
    entries = load(a.manifests)
    if not entries:
        raise SystemExit("no files in the manifests")
    t0 = time.time()
    chunks = [[e["file"] for e in entries[i:i + 40]] for i in range(0, len(entries), 40)]
    parsed: dict[str, dict | str] = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for got in ex.map(lambda c: parse_many(binary, c), chunks):
            parsed.update(got)
    elapsed = time.time() - t0

    golds: dict[str, dict] = {}
    groups: dict[str, dict[str, Agg]] = {"all": defaultdict(Agg), "toolchain": defaultdict(Agg),
                                         "lang": defaultdict(Agg), "layout": defaultdict(Agg),
                                         "heldout_lang": defaultdict(Agg), "tuned_lang": defaultdict(Agg),
                                         "heldout_toolchain": defaultdict(Agg)}
    per_file = []
    for e in entries:
        if e["source"] not in golds:
            golds[e["source"]] = fields_of(json.loads(Path(e["source"]).read_text(encoding="utf-8")), gold=True)
        gold = golds[e["source"]]
        doc = parsed.get(e["file"])
        err = doc if isinstance(doc, str) else None
        pred = fields_of(doc if isinstance(doc, dict) else {}, gold=False)
        res = {f: match(gold[f], pred[f], SAME[f]) for f in FIELDS}
        held = e["toolchain"] in heldout or Path(e["source"]).stem in heldout_sources
        keys = [("all", "held-out" if held else "tuned"), ("toolchain", e["toolchain"]),
                ("lang", e["lang"]), ("layout", f"{e['toolchain']}/{e['layout']}"),
                ("heldout_lang" if held else "tuned_lang", e["lang"])]
        if held:
            keys.append(("heldout_toolchain", e["toolchain"]))
        for key, name in keys:
            groups[key][name].add(res)
        per_file.append({"file": e["file"], "toolchain": e["toolchain"], "layout": e["layout"], "lang": e["lang"],
                         "heldout": held, "error": err,
                         "misses": {f: {"missed": res[f][3], "extra": res[f][4]} for f in FIELDS if res[f][3] or res[f][4]}})

    def ordered(d: dict, order=()):
        return {k: d[k] for k in sorted(d, key=lambda k: (order.index(k) if k in order else 99, k))}

    print(f"parsed {len(entries)} files with {binary} in {elapsed:.1f}s"
          f" ({sum(1 for p in per_file if p['error'])} refused or failed)")
    print()
    print(matrix("TUNED vs HELD OUT" if heldout or heldout_sources else "ALL", ordered(groups["all"], ["tuned", "held-out"])))
    if groups["heldout_lang"]:
        print()
        print(matrix(f"HELD OUT (toolchains {', '.join(sorted(heldout))}; {len(heldout_sources)} people in every toolchain) BY LANGUAGE",
                     ordered(groups["heldout_lang"], LANGS)))
    if groups["heldout_toolchain"] and "toolchain" in a.by.split(","):
        print()
        print(matrix("HELD OUT BY TOOLCHAIN (the held-out people in each toolchain; every file of a held-out toolchain)",
                     ordered(groups["heldout_toolchain"]), HEADLINE))
    for by in [b for b in a.by.split(",") if b]:
        print()
        print(matrix(f"BY {by.upper()}", ordered(groups[by], LANGS), HEADLINE if by == "layout" else FIELDS))
    errors = [p for p in per_file if p["error"] and (not p["heldout"] or a.show_heldout)]
    if errors:
        print()
        print(f"{len(errors)} files not parsed: " + "; ".join(f"{Path(p['file']).name}: {p['error'][:80]}" for p in errors[:8]))
    if a.details:
        for p in per_file:
            if p["misses"] and (not p["heldout"] or a.show_heldout):
                print(f"\n{p['toolchain']}/{p['layout']} {Path(p['file']).name}")
                for f, d in p["misses"].items():
                    if f in HEADLINE or f in ("titles", "employers", "start_dates"):
                        print(f"    {f}: missed={d['missed']} extra={d['extra']}")

    report = {k: {n: g.f1s() for n, g in v.items()} for k, v in groups.items()}
    if a.json:
        files = [p for p in per_file if not p["heldout"] or a.show_heldout]
        Path(a.json).write_text(json.dumps({"binary": str(binary), "seconds": round(elapsed, 1), "f1": report,
                                            "files": files}, ensure_ascii=False, indent=1, default=str))
    if a.write_baseline:
        base = {"tolerance": TOLERANCE, "f1": {"all": report["all"], "toolchain": report["toolchain"], "lang": report["lang"]}}
        Path(a.write_baseline).write_text(json.dumps(base, indent=1, sort_keys=True) + "\n")
        print(f"\nbaseline written to {a.write_baseline}")
    if a.gate:
        base = json.loads(Path(a.gate).read_text())
        tol = base.get("tolerance", TOLERANCE)
        falls = []
        for by, names in base["f1"].items():
            for name, fields in names.items():
                for f, want in fields.items():
                    got = report.get(by, {}).get(name, {}).get(f)
                    if got is None or got < want - tol - 1e-9:
                        falls.append(f"{by}={name} {f}: {got} < baseline {want} - {tol}")
        print()
        if falls:
            print(f"GATE FAILED: {len(falls)} F1 figures fell below the baseline ({a.gate}):")
            print("\n".join("  " + x for x in falls))
            sys.exit(1)
        print(f"gate passed: no F1 more than {tol} below {a.gate}")


if __name__ == "__main__":
    main()
